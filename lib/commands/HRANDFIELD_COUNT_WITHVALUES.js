'use strict';

// HRANDFIELD key count WITHVALUES
module.exports = {
  parseCommand(parser, key, count) {
    parser.push('HRANDFIELD');
    parser.pushKey(key);
    parser.push(count.toString(), 'WITHVALUES');
  },
  // RESP3 [[field, value], ...] -> [{ field, value }, ...]
  transformReply(reply) {
    return reply.map(([field, value]) => ({ field, value }));
  }
};
