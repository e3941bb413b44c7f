'use strict';

// PUBSUB NUMPAT
module.exports = {
  parseCommand(parser) {
    parser.push('PUBSUB', 'NUMPAT');
  },
  transformReply: undefined
};
