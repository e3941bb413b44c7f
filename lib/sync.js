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
const { binding } = require('./native');
const { COMMANDS } = require('./commander');
const { SimpleError } = require('./errors');
const { REPLY_PACK, unpackArray } = require('./packed');

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

// The reply of a command that skipped the parser, as _runCommand would return it.
function finisher(command) {
  const transform = command.transformReply;
  const pack = command.packReply;
  return (reply) => {
    if (reply instanceof SimpleError) throw reply;
    if (pack && typeof reply === 'string') reply = unpackArray(reply);
    return transform ? transform(reply) : reply;
  };
}

// 'NAME key' / 'NAME key arg' commands (commander.js fastShape): one binding call, as the
// async fast path (lib/fastpath.js) makes, under the same conditions.
function fastMethod(name, nargs, command, nameFlags) {
  const general = generalMethod(command);
  const finish = finisher(command);
  const execFlags = (command.packReply ? REPLY_PACK : 0) | nameFlags;
  if (nargs === 1) {
    return function (key) {
      const client = this._client;
      const st = client._state;
      if (st.blocked || st.parserBusy || st.parser.prefix !== undefined || !st.isOpen) return general.call(this, key);
      return finish(binding.exec(st.handle, client._flags | execFlags, name, key));
    };
  }
  return function (key, arg) {
    const client = this._client;
    const st = client._state;
    if (st.blocked || st.parserBusy || st.parser.prefix !== undefined || !st.isOpen) return general.call(this, key, arg);
    return finish(binding.exec(st.handle, client._flags | execFlags, name, key, arg));
  };
}

// Commands with fastArgs (HSET, SADD, ZADD, ZRANGE): their common form skips the parser.
function fastArgsMethod(command, nameFlags) {
  const general = generalMethod(command);
  const finish = finisher(command);
  const execFlags = (command.packReply ? REPLY_PACK : 0) | nameFlags;
  return function (...args) {
    const client = this._client;
    const st = client._state;
    if (!st.blocked && !st.parserBusy && st.parser.prefix === undefined && st.isOpen) {
      const argv = command.fastArgs(args[0], args[1], args[2], args[3]);
      if (argv !== undefined) return finish(client._execArgs(argv, argv.length, client._flags | execFlags));
    }
    return general.apply(this, args);
  };
}

for (const { upper, camel, command, fast, row, nameFlags } of COMMANDS) {
  if (row.flags & CMD_BLOCKING) continue;
  let fn;
  if (fast) fn = fastMethod(fast.name, fast.nargs, command, nameFlags);
  else if (command.fastArgs) fn = fastArgsMethod(command, nameFlags);
  else fn = generalMethod(command);
  Object.defineProperty(fn, 'name', { value: camel });
  RedisSyncClient.prototype[upper] = fn;
  RedisSyncClient.prototype[camel] = fn;
}

module.exports = { RedisSyncClient };
