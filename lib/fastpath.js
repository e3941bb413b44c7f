'use strict';

// Parser-free paths for the hottest command shapes, shared by the promise methods (installed
// here on RedisClient.prototype) and by client.sync (lib/sync.js). The general path
// (client.js _runCommand) builds an argv with the command's parseCommand; a fast path sends
// the arguments straight to the binding when the result is the same argv, and hands the call
// back to the general path otherwise (keyPrefix, a blocked client, a parse in progress, a
// closed client, a form fastArgs does not take).
const { binding } = require('./native');
const { COMMANDS } = require('./commander');
const { SimpleError } = require('./errors');
const { REPLY_PACK, unpackArray } = require('./packed');

// What a fast path returns when the call must take the general path.
const SLOW = Symbol('slow');

// A raw reply of 'command' as its method returns it: thrown when it is an error reply,
// unpacked when packed (REPLY_PACK), then transformed as node-redis does.
function finishReply(command, reply) {
  if (reply instanceof SimpleError) throw reply;
  if (command.packReply && typeof reply === 'string') reply = unpackArray(reply);
  const transform = command.transformReply;
  return transform ? transform(reply) : reply;
}

// The client state under which a fast path applies.
function usable(st) {
  return !st.blocked && !st.parserBusy && st.parser.prefix === undefined && st.isOpen;
}

// The fast path of one command: run(client, a, b, c, d) returns its reply (finishReply) or
// SLOW, and throws what the method would reject with. Commands shaped 'NAME key' or 'NAME key
// arg' (commander.js fastShape: GET, HGET, SISMEMBER, ZSCORE, INCR...) make one binding call
// with the arguments as given, which the binding type-checks exactly as it checks a parsed
// argv; commands whose module offers fastArgs(...) (HSET, SADD, ZADD, ZRANGE...) take their
// common form as a whole argv. Both name the command by its number (commander.js nameFlags).
// { run, nargs } (nargs: the arguments the method takes, 0 for any), or null.
function fastPath({ command, fast, nameFlags }) {
  const execFlags = (command.packReply ? REPLY_PACK : 0) | nameFlags;
  if (fast) {
    const name = fast.name;
    const run = fast.nargs === 1
      ? (client, key) => {
        const st = client._state;
        if (!usable(st)) return SLOW;
        return finishReply(command, binding.exec(st.handle, client._flags | execFlags, name, key));
      }
      : (client, key, arg) => {
        const st = client._state;
        if (!usable(st)) return SLOW;
        return finishReply(command, binding.exec(st.handle, client._flags | execFlags, name, key, arg));
      };
    return { run, nargs: fast.nargs };
  }
  if (!command.fastArgs) return null;
  const run = (client, a, b, c, d) => {
    if (!usable(client._state)) return SLOW;
    const argv = command.fastArgs(a, b, c, d);
    if (argv === undefined) return SLOW;
    return finishReply(command, client._execArgs(argv, argv.length, client._flags | execFlags));
  };
  return { run, nargs: 0 };
}

// The fast path of each command that has one, by command module.
const FAST_PATHS = new Map();
for (const c of COMMANDS) {
  const f = fastPath(c);
  if (f) FAST_PATHS.set(c.command, f);
}

// The promise method over fast path 'f': the reply resolved, an error rejected, the general
// path (_executeCommand) for a call the fast path hands back.
function promiseMethod(command, { run, nargs }) {
  if (nargs === 1) {
    return function (key) {
      let reply;
      try {
        reply = run(this, key);
      } catch (err) {
        return Promise.reject(err);
      }
      return reply === SLOW ? this._executeCommand(command, [key]) : Promise.resolve(reply);
    };
  }
  if (nargs === 2) {
    return function (key, arg) {
      let reply;
      try {
        reply = run(this, key, arg);
      } catch (err) {
        return Promise.reject(err);
      }
      return reply === SLOW ? this._executeCommand(command, [key, arg]) : Promise.resolve(reply);
    };
  }
  return function (...args) {
    let reply;
    try {
      reply = run(this, args[0], args[1], args[2], args[3]);
    } catch (err) {
      return Promise.reject(err);
    }
    return reply === SLOW ? this._executeCommand(command, args) : Promise.resolve(reply);
  };
}

// Replace the general methods of the commands with a fast path on 'proto'
// (RedisClient.prototype).
function attachFastPaths(proto) {
  for (const { upper, camel, command } of COMMANDS) {
    const f = FAST_PATHS.get(command);
    if (!f) continue;
    const fn = promiseMethod(command, f);
    Object.defineProperty(fn, 'name', { value: camel });
    proto[upper] = fn;
    proto[camel] = fn;
  }
}

module.exports = { attachFastPaths, FAST_PATHS, SLOW, finishReply };
