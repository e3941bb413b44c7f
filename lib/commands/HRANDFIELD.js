'use strict';

// HRANDFIELD key (one random field, or null; hRandFieldCount sends a count)
module.exports = {
  parseCommand(parser, key) {
    parser.push('HRANDFIELD');
    parser.pushKey(key);
  },
  transformReply: undefined
};
