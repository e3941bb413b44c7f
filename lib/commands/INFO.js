'use strict';

// INFO [section]
module.exports = {
  parseCommand(parser, section) {
    parser.push('INFO');
    if (section) parser.push(section);
  },
  transformReply: undefined
};
