'use strict';

// Unpacking of packed array replies (REPLY_PACK, src/napi/napi_util.h). The binding returns
// a top-level array of ASCII strings as one string: a 16-bit element count, one 16-bit
// length per element (each 16-bit number as two chars, high byte first), then the
// elements' characters. One native string and this loop cost less than one native string
// per element plus the call that assembles the array (ZRANGE key 0 9: measured in
// bench/collections.js).
const { REPLY_PACK } = require('./native');

// The Array of strings packed in 's'.
function unpackArray(s) {
  const n = (s.charCodeAt(0) << 8) | s.charCodeAt(1);
  const out = new Array(n);
  let pos = 2 + 2 * n;
  for (let i = 0, h = 2; i < n; i++, h += 2) {
    const end = pos + ((s.charCodeAt(h) << 8) | s.charCodeAt(h + 1));
    out[i] = s.slice(pos, end);
    pos = end;
  }
  return out;
}

// The reply of a command declared packReply (its reply is an array or a set, never a plain
// string, so a string reply can only be packed), unpacked.
function unpackReply(reply) {
  return typeof reply === 'string' ? unpackArray(reply) : reply;
}

module.exports = { REPLY_PACK, unpackArray, unpackReply };
