'use strict';

// MOVE key db
module.exports = {
  parseCommand(parser, key, db) {
    parser.push('MOVE');
    parser.pushKey(key);
    parser.push(db.toString());
  },
  transformReply: undefined
};
