'use strict';

// redlite: Redis embedded in the Node.js process, behind node-redis 6's API.
// Exports are listed by name, each as a plain identifier, so that ESM
// `import { x } from 'redlite'` sees each of them (Node's CommonJS export detection reads
// `name` and `name: identifier` entries, and stops at any other value).
const { createClient, RedisClient } = require('./lib/client');
const { RESP_TYPES } = require('./lib/resp-types');
const {
  ErrorReply, SimpleError, BlobError, MultiErrorReply, WatchError, ClientClosedError, ClientOfflineError,
  DisconnectsClientError, SocketClosedUnexpectedlyError, ConnectionTimeoutError, TimeoutError, AbortError,
  ReconnectStrategyError
} = require('./lib/errors');
// Express and caching helpers: each takes a redlite client or a node-redis one. The
// express-session store is require('redlite/session') (it needs express-session).
const { cacheMiddleware } = require('./lib/cache/middleware');
const { createCache, escapeGlob } = require('./lib/cache/cached');
const { writeThrough, createWriteBehind } = require('./lib/cache/write');

const DEFAULT_RESP = 3;

module.exports = {
  createClient,
  RedisClient,
  RESP_TYPES,
  DEFAULT_RESP,
  ErrorReply,
  SimpleError,
  BlobError,
  MultiErrorReply,
  WatchError,
  ClientClosedError,
  ClientOfflineError,
  DisconnectsClientError,
  SocketClosedUnexpectedlyError,
  ConnectionTimeoutError,
  TimeoutError,
  AbortError,
  ReconnectStrategyError,
  cacheMiddleware,
  createCache,
  escapeGlob,
  writeThrough,
  createWriteBehind
};
