'use strict';

// Parser-free client methods for the hottest command shapes. The general path (client.js
// _executeCommand) builds an argv with the command's parseCommand; these send the
// arguments straight to the binding when the result is the same argv, and fall back to the
// general path otherwise (keyPrefix, a blocked client, a parse in progress, a closed client).
const { binding } = require('./native');
const { COMMANDS } = require('./commander');
const { SimpleError } = require('./errors');
const { REPLY_PACK, unpackArray } = require('./packed');

// Commands shaped 'NAME key' or 'NAME key arg' (commander.js fastShape: GET, HGET, SISMEMBER,
// ZSCORE, INCR...) skip the parser: one binding call with the arguments as given, which the
// binding type-checks exactly as it checks a parsed argv. The general path still serves a
// client with a keyPrefix, a blocked client, or a call made while a parse is under way.
function fastMethod(name, nargs, command, nameFlags) {
  const transform = command.transformReply;
  const pack = command.packReply ? REPLY_PACK : 0;
  const execFlags = pack | nameFlags;
  const slow = function (a, b) {
    return this._executeCommand(command, nargs === 1 ? [a] : [a, b]);
  };
  const finish = (reply) => {
    if (reply instanceof SimpleError) return Promise.reject(reply);
    if (pack && typeof reply === 'string') reply = unpackArray(reply);
    return Promise.resolve(transform ? transform(reply) : reply);
  };
  if (nargs === 1) {
    return function (key) {
      const st = this._state;
      if (st.blocked || st.parserBusy || st.parser.prefix !== undefined || !st.isOpen) return slow.call(this, key);
      let reply;
      try {
        reply = binding.exec(st.handle, this._flags | execFlags, name, key);
      } catch (err) {
        return Promise.reject(err);
      }
      return finish(reply);
    };
  }
  return function (key, arg) {
    const st = this._state;
    if (st.blocked || st.parserBusy || st.parser.prefix !== undefined || !st.isOpen) return slow.call(this, key, arg);
    let reply;
    try {
      reply = binding.exec(st.handle, this._flags | execFlags, name, key, arg);
    } catch (err) {
      return Promise.reject(err);
    }
    return finish(reply);
  };
}

// Commands whose module offers fastArgs(...) (HSET, SADD, ZADD, ZRANGE): their common form
// becomes a whole argv without the parser; other forms take the general path.
function fastArgsMethod(command, nameFlags) {
  const transform = command.transformReply;
  const pack = command.packReply ? REPLY_PACK : 0;
  const execFlags = pack | nameFlags;
  return function (...args) {
    const st = this._state;
    if (!st.blocked && !st.parserBusy && st.parser.prefix === undefined && st.isOpen) {
      let reply;
      try {
        const argv = command.fastArgs(args[0], args[1], args[2], args[3]);
        if (argv === undefined) return this._executeCommand(command, args);
        reply = this._execArgs(argv, argv.length, this._flags | execFlags);
      } catch (err) {
        return Promise.reject(err);
      }
      if (reply instanceof SimpleError) return Promise.reject(reply);
      if (pack && typeof reply === 'string') reply = unpackArray(reply);
      return Promise.resolve(transform ? transform(reply) : reply);
    }
    return this._executeCommand(command, args);
  };
}

// Replace the general methods of those commands on 'proto' (RedisClient.prototype).
function attachFastPaths(proto) {
  for (const { upper, camel, command, fast, nameFlags } of COMMANDS) {
    if (!fast && !command.fastArgs) continue;
    const fn = fast ? fastMethod(fast.name, fast.nargs, command, nameFlags) : fastArgsMethod(command, nameFlags);
    Object.defineProperty(fn, 'name', { value: camel });
    proto[upper] = fn;
    proto[camel] = fn;
  }
}

module.exports = { attachFastPaths };
