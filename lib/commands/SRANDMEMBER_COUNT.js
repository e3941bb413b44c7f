'use strict';

// SRANDMEMBER key count (count < 0: members may repeat)
const SRANDMEMBER = require('./SRANDMEMBER');

module.exports = {
  parseCommand(parser, key, count) {
    SRANDMEMBER.parseCommand(parser, key);
    parser.push(count.toString());
  },
  transformReply: undefined
};
