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

module.exports = { checkArgs };
