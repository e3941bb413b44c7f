'use strict';

// ZRANDMEMBER key count (count < 0: members may repeat)
const ZRANDMEMBER = require('./ZRANDMEMBER');

module.exports = {
  parseCommand(parser, key, count) {
    ZRANDMEMBER.parseCommand(parser, key);
    parser.push(count.toString());
  },
  transformReply: undefined
};
