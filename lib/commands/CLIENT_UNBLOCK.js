'use strict';

// CLIENT UNBLOCK client-id [TIMEOUT|ERROR] -> 1 if the client was blocked, else 0
module.exports = {
  parseCommand(parser, clientId, mode) {
    parser.push('CLIENT', 'UNBLOCK', typeof clientId === 'number' ? clientId.toString() : clientId);
    if (mode) parser.push(mode);
  },
  transformReply: undefined
};
