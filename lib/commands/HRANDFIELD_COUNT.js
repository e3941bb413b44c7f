'use strict';

// HRANDFIELD key count (count < 0: fields may repeat)
module.exports = {
  parseCommand(parser, key, count) {
    parser.push('HRANDFIELD');
    parser.pushKey(key);
    parser.push(count.toString());
  },
  transformReply: undefined
};
