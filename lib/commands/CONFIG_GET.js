'use strict';

// CONFIG GET parameter|parameters -> { name: value, ... }
module.exports = {
  parseCommand(parser, parameters) {
    parser.push('CONFIG', 'GET');
    parser.pushVariadic(parameters);
  },
  transformReply: undefined
};
