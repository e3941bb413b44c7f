'use strict';

// node-redis's encoder rule, checked in JS before a batch runs: only strings and Buffers
// reach the server. (Single commands are checked by the binding with the same message.)
function checkArgs(args) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== 'string' && !Buffer.isBuffer(arg)) {
      throw new TypeError(`"arguments[${i}]" must be of type "string | Buffer", got ${typeof arg} instead.`);
    }
  }
}

// A plain Array copy of a caller's argv (sendCommand, multi().addCommand), read element by
// element as node-redis's encoder reads it. The binding reads a long argv (and a one-element
// one) from the array itself while it fills the shared argument buffers: a getter or a
// Proxy trap running then could issue another command (and overwrite them), and a Proxy is
// not an Array to the binding. Copying first runs any such code before the binding starts.
// Anything but an Array (or a Proxy of one) is returned as it is.
function plainArgs(args) {
  if (!Array.isArray(args)) return args;
  const out = [];
  for (let i = 0; i < args.length; i++) out.push(args[i]);
  return out;
}

module.exports = { checkArgs, plainArgs };
