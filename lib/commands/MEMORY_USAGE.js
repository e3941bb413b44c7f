'use strict';

// MEMORY USAGE key [SAMPLES count]
module.exports = {
  parseCommand(parser, key, options) {
    parser.push('MEMORY', 'USAGE');
    parser.pushKey(key);
    if (options?.SAMPLES !== undefined) parser.push('SAMPLES', options.SAMPLES.toString());
  },
  transformReply: undefined
};
