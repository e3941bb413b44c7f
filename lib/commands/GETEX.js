'use strict';

// GETEX key [EX s | PX ms | EXAT ts | PXAT ts | PERSIST]
const { transformEXAT } = require('./EXPIREAT');
const { transformPXAT } = require('./PEXPIREAT');

module.exports = {
  parseCommand(parser, key, options) {
    parser.push('GETEX');
    parser.pushKey(key);
    // Options are required: `in` throws a TypeError on undefined/null/strings.
    if ('type' in options) {
      const { type } = options;
      if (type === 'EX' || type === 'PX') parser.push(type, options.value.toString());
      else if (type === 'EXAT') parser.push(type, transformEXAT(options.value));
      else if (type === 'PXAT') parser.push(type, transformPXAT(options.value));
      else if (type === 'PERSIST') parser.push('PERSIST');
      // any other type: nothing more is sent
    } else if ('EX' in options) {
      parser.push('EX', options.EX.toString());
    } else if ('PX' in options) {
      parser.push('PX', options.PX.toString());
    } else if ('EXAT' in options) {
      parser.push('EXAT', transformEXAT(options.EXAT));
    } else if ('PXAT' in options) {
      parser.push('PXAT', transformPXAT(options.PXAT));
    } else {
      parser.push('PERSIST');
    }
  },
  transformReply: undefined
};
