'use strict';

// client.sync: the client's command methods as synchronous calls. Every command runs in the
// calling thread the moment it is called, so a promise only wraps a reply that is already
// there: the facade returns the reply itself and throws what the promise would reject with
// (SimpleError with Redis's text, node-redis's TypeError, ClientClosedError). Same names as
// the client's methods (camelCase and UPPERCASE), same arguments, same reply shapes and type
// mapping (a facade belongs to the client or withTypeMapping proxy it came from), same
// keyPrefix. Not on the facade: the blocking commands (BLPOP... : a synchronous call cannot
// wait; they carry RL_CMD_BLOCKING in the command table), and the client-level methods
// (multi, watch, subscribe, select...), which stay on the client.
const { COMMANDS } = require('./commander');
const { FAST_PATHS, SLOW } = require('./fastpath');

// src/core/redlite.h RL_CMD_BLOCKING
const CMD_BLOCKING = 1 << 6;

// A client waiting on a blocking command runs its later calls in order once it is served
// (lib/blocking.js); a synchronous call cannot wait its turn.
function blockedError() {
  return new Error('redlite: client.sync cannot run a command while this client waits on a blocking command ' +
    '(BLPOP...): use another client for it');
}

class RedisSyncClient {
  // The facade of 'client' (a RedisClient or one of its withTypeMapping proxies).
  constructor(client) {
    this._client = client;
  }
}

// The general path: the command's parser, then the core (client._runCommand).
function generalMethod(command) {
  return function (...args) {
    const client = this._client;
    if (client._state.blocked) throw blockedError();
    return client._runCommand(command, args);
  };
}

// The sync method over fast path 'f' (lib/fastpath.js): its reply, or the general path for
// a call the fast path hands back.
function fastMethod(command, { run, nargs }) {
  const general = generalMethod(command);
  if (nargs === 1) {
    return function (key) {
      const reply = run(this._client, key);
      return reply === SLOW ? general.call(this, key) : reply;
    };
  }
  if (nargs === 2) {
    return function (key, arg) {
      const reply = run(this._client, key, arg);
      return reply === SLOW ? general.call(this, key, arg) : reply;
    };
  }
  return function (...args) {
    const reply = run(this._client, args[0], args[1], args[2], args[3]);
    return reply === SLOW ? general.apply(this, args) : reply;
  };
}

for (const { upper, camel, command, row } of COMMANDS) {
  if (row.flags & CMD_BLOCKING) continue;
  const f = FAST_PATHS.get(command);
  const fn = f ? fastMethod(command, f) : generalMethod(command);
  Object.defineProperty(fn, 'name', { value: camel });
  RedisSyncClient.prototype[upper] = fn;
  RedisSyncClient.prototype[camel] = fn;
}

module.exports = { RedisSyncClient };
