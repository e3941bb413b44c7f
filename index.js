'use strict';

// redlite: Redis embedded in the Node.js process, behind node-redis 6's API.
const { createClient, RedisClient } = require('./lib/client');
const { RESP_TYPES } = require('./lib/resp-types');
const errors = require('./lib/errors');

module.exports = {
  createClient,
  RedisClient,
  RESP_TYPES,
  DEFAULT_RESP: 3,
  ...errors
};
