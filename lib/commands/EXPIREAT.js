'use strict';

// EXPIREAT key unix-time-seconds [NX | XX | GT | LT]

// A number is sent as is; anything else is treated as a Date (floored to whole seconds).
// The parameter name is part of V8's error text ("EXAT.getTime is not a function").
function transformEXAT(EXAT) {
  return (typeof EXAT === 'number' ? EXAT : Math.floor(EXAT.getTime() / 1000)).toString();
}

module.exports = {
  parseCommand(parser, key, timestamp, mode) {
    parser.push('EXPIREAT');
    parser.pushKey(key);
    parser.push(transformEXAT(timestamp));
    if (mode) parser.push(mode);
  },
  transformReply: undefined,
  transformEXAT
};
