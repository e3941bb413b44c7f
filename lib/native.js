'use strict';

// Loads the addon in one place and hands it the error constructor it builds replies with.
const path = require('path');
const { SimpleError } = require('./errors');

// REDLITE_ADDON_PATH selects another build of the addon (scripts/test-asan.sh runs the
// suite against a sanitizer build that way).
const binding = require(process.env.REDLITE_ADDON_PATH || path.join(__dirname, '..', 'build', 'Release', 'redlite.node'));

// Short reply arrays are built by one call of this function with the elements as arguments:
// a rest parameter is V8's fastest way from an argument list to an Array (Array.of defines
// each element as a property: measured ~2x slower).
function arrayOf(...elements) {
  return elements;
}

// Called by the binding after a command or cron step made a server's outbox non-empty;
// lib/keyspace.js installs the handler (it schedules a drain, never runs one inline).
let outboxHandler = null;
function outboxReady() {
  if (outboxHandler) outboxHandler();
}
function onOutboxReady(fn) {
  outboxHandler = fn;
}

// What exec returns for a command that blocked the client (BLPOP...): its reply comes
// later, as an outbox message.
const BLOCKED = Object.freeze({ blocked: true });

binding.init({
  SimpleError, MapClass: Map, mapPut: Map.prototype.set, SetClass: Set, setPut: Set.prototype.add, arrayOf,
  outboxReady, blocked: BLOCKED
});

// Reply flags understood by binding.exec (src/napi/napi_util.h).
const REPLY_BUFFERS = 1;
const REPLY_NUMBERS_AS_STRINGS = 2;
const REPLY_DOUBLES_AS_STRINGS = 4;
const REPLY_MAP_AS_MAP = 8;
const REPLY_MAP_AS_ARRAY = 16;
const REPLY_SET_AS_SET = 32;
const REPLY_PACK = 64;

module.exports = {
  binding, onOutboxReady, BLOCKED, REPLY_BUFFERS, REPLY_NUMBERS_AS_STRINGS, REPLY_DOUBLES_AS_STRINGS, REPLY_MAP_AS_MAP,
  REPLY_MAP_AS_ARRAY, REPLY_SET_AS_SET, REPLY_PACK
};
