'use strict';

// SET key value [EX s | PX ms | EXAT ts | PXAT ts | KEEPTTL] [NX | XX | IFEQ v ...] [GET]
module.exports = {
  parseCommand(parser, key, value, options) {
    parser.push('SET');
    parser.pushKey(key);
    parser.push(typeof value === 'number' ? value.toString() : value);

    // Expiration: the `expiration` shape wins; otherwise the first deprecated flat flag set.
    // `options.expiration` is read again at each step, as node-redis does, so that an
    // options object with getters (or a Proxy) builds the same argv.
    if (options?.expiration) {
      if (typeof options.expiration === 'string') parser.push(options.expiration);
      else if (options.expiration.type === 'KEEPTTL') parser.push('KEEPTTL');
      else parser.push(options.expiration.type, options.expiration.value.toString());
    } else if (options?.EX !== undefined) {
      parser.push('EX', options.EX.toString());
    } else if (options?.PX !== undefined) {
      parser.push('PX', options.PX.toString());
    } else if (options?.EXAT !== undefined) {
      parser.push('EXAT', options.EXAT.toString());
    } else if (options?.PXAT !== undefined) {
      parser.push('PXAT', options.PXAT.toString());
    } else if (options?.KEEPTTL) {
      parser.push('KEEPTTL');
    }

    // Condition: `condition` (+ optional matchValue) wins over the flat NX, then XX.
    if (options?.condition) {
      parser.push(options.condition);
      if (options.matchValue !== undefined) parser.push(options.matchValue);
    } else if (options?.NX) {
      parser.push('NX');
    } else if (options?.XX) {
      parser.push('XX');
    }

    if (options?.GET) parser.push('GET');
  },
  // set(key, value) without options, as a whole argv (the client sends it without the
  // parser); undefined when options are given.
  fastArgs(key, value, options) {
    if (options !== undefined) return undefined;
    return ['SET', key, typeof value === 'number' ? value.toString() : value];
  },
  transformReply: undefined
};
