'use strict';

// HSET key field value [field value ...]

// Numbers are stringified; anything else goes as given (the encoder rejects what is not a
// string or Buffer).
function convertValue(value) {
  return typeof value === 'number' ? value.toString() : value;
}

function pushMap(parser, map) {
  for (const [field, value] of map.entries()) parser.push(convertValue(field), convertValue(value));
}

// [[f, v], ...] or [f, v, f, v, ...]: nested arrays are flattened at any depth.
function pushTuples(parser, tuples) {
  for (const tuple of tuples) {
    if (Array.isArray(tuple)) {
      pushTuples(parser, tuple);
      continue;
    }
    parser.push(convertValue(tuple));
  }
}

// Own enumerable keys (Object.keys throws a TypeError on undefined/null).
function pushObject(parser, object) {
  for (const field of Object.keys(object)) parser.push(convertValue(field), convertValue(object[field]));
}

module.exports = {
  // (key, field, value), (key, Map), (key, array of pairs or flat array) or (key, object)
  parseCommand(parser, key, value, fieldValue) {
    parser.push('HSET');
    parser.pushKey(key);
    if (typeof value === 'string' || typeof value === 'number' || value instanceof Buffer) {
      parser.push(convertValue(value), convertValue(fieldValue));
    } else if (value instanceof Map) {
      pushMap(parser, value);
    } else if (Array.isArray(value)) {
      pushTuples(parser, value);
    } else {
      pushObject(parser, value);
    }
  },
  // The common hSet(key, field, value) with string or number field and value, as a whole
  // argv (the client sends it without the parser); undefined for every other form.
  fastArgs(key, field, value) {
    const tf = typeof field;
    const tv = typeof value;
    if ((tf === 'string' || tf === 'number') && (tv === 'string' || tv === 'number')) {
      return ['HSET', key, convertValue(field), convertValue(value)];
    }
    return undefined;
  },
  transformReply: undefined
};
