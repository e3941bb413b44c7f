'use strict';

// SADD key member [member ...]
module.exports = {
  parseCommand(parser, key, members) {
    parser.push('SADD');
    parser.pushKey(key);
    parser.pushVariadic(members);
  },
  // sAdd(key, member) with one string member, as a whole argv (the client sends it without
  // the parser); undefined for every other form.
  fastArgs(key, members) {
    return typeof members === 'string' ? ['SADD', key, members] : undefined;
  },
  transformReply: undefined
};
