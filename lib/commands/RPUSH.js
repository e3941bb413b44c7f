'use strict';

// RPUSH key element [element ...]
module.exports = {
  parseCommand(parser, key, elements) {
    parser.push('RPUSH');
    parser.pushKey(key);
    parser.pushVariadic(elements);
  },
  // rPush(key, element) with one string element, as a whole argv (the client sends it without
  // the parser); undefined for every other form.
  fastArgs(key, elements) {
    return typeof elements === 'string' ? ['RPUSH', key, elements] : undefined;
  },
  transformReply: undefined
};
