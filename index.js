'use strict';

// redlite: Redis embedded in the Node.js process, behind node-redis 6's API.
// Exports are listed by name so that ESM `import { x } from 'redlite'` sees each of them.
const { createClient, RedisClient } = require('./lib/client');
const { RESP_TYPES } = require('./lib/resp-types');
const errors = require('./lib/errors');

module.exports = {
  createClient,
  RedisClient,
  RESP_TYPES,
  DEFAULT_RESP: 3,
  ErrorReply: errors.ErrorReply,
  SimpleError: errors.SimpleError,
  BlobError: errors.BlobError,
  MultiErrorReply: errors.MultiErrorReply,
  WatchError: errors.WatchError,
  ClientClosedError: errors.ClientClosedError,
  ClientOfflineError: errors.ClientOfflineError,
  DisconnectsClientError: errors.DisconnectsClientError,
  SocketClosedUnexpectedlyError: errors.SocketClosedUnexpectedlyError,
  ConnectionTimeoutError: errors.ConnectionTimeoutError,
  TimeoutError: errors.TimeoutError,
  AbortError: errors.AbortError,
  ReconnectStrategyError: errors.ReconnectStrategyError
};
