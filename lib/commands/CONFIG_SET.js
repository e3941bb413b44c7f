'use strict';

// CONFIG SET parameter value, or CONFIG SET with an object of { parameter: value }
module.exports = {
  parseCommand(parser, parameterOrConfig, value) {
    parser.push('CONFIG', 'SET');
    if (typeof parameterOrConfig === 'string' || parameterOrConfig instanceof Buffer) {
      parser.push(parameterOrConfig, value);
    } else {
      for (const [k, v] of Object.entries(parameterOrConfig)) parser.push(k, v);
    }
  },
  transformReply: undefined
};
