'use strict';

// PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]

// A number is sent as is; anything else is treated as a Date.
// The parameter name is part of V8's error text ("PXAT.getTime is not a function").
function transformPXAT(PXAT) {
  return (typeof PXAT === 'number' ? PXAT : PXAT.getTime()).toString();
}

module.exports = {
  parseCommand(parser, key, msTimestamp, mode) {
    parser.push('PEXPIREAT');
    parser.pushKey(key);
    parser.push(transformPXAT(msTimestamp));
    if (mode) parser.push(mode);
  },
  transformReply: undefined,
  transformPXAT
};
