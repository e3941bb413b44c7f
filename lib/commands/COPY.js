'use strict';

// COPY source destination [DB destination-db] [REPLACE]
module.exports = {
  parseCommand(parser, source, destination, options) {
    parser.push('COPY');
    parser.pushKeys([source, destination]);
    if (options?.DB !== undefined) parser.push('DB', options.DB.toString());
    if (options?.REPLACE) parser.push('REPLACE');
  },
  transformReply: undefined
};
