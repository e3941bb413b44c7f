'use strict';

// LPUSH key element [element ...]
module.exports = {
  parseCommand(parser, key, elements) {
    parser.push('LPUSH');
    parser.pushKey(key);
    parser.pushVariadic(elements);
  },
  // lPush(key, element) with one string element, as a whole argv (the client sends it without
  // the parser); undefined for every other form.
  fastArgs(key, elements) {
    return typeof elements === 'string' ? ['LPUSH', key, elements] : undefined;
  },
  transformReply: undefined
};
