'use strict';

// Differential test at the argument level: every lib/commands module must build exactly the
// argv (and key list) that node-redis 6.3.1's own command module builds, or throw the same
// error, for every argument shape below.

const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { CommandParser } = require('../../lib/parser');
const { BasicCommandParser } = require('@redis/client/dist/lib/client/parser');

const COMMANDS_DIR = path.join(__dirname, '../../lib/commands');
const ours = (name) => require(path.join(COMMANDS_DIR, name));
const theirs = (name) => require(`@redis/client/dist/lib/commands/${name}`).default;

const B = Buffer.from('bk');
const B2 = Buffer.from([0xde, 0xad, 0xbe, 0xef]);
const D = new Date(1700000000123);
const D2 = new Date(1700000000999);
const BAD_DATE = new Date(NaN);

// Shapes shared by several commands.
const ONE_KEY = [['k'], [B], [''], [], [undefined], [null], [1], ['a', 'b'], [['a', 'b']]];
const NO_ARGS = [[], ['x'], [undefined]];
const KEY_VALUE = [
  ['k', 'v'], [B, B2], ['k', ''], ['k', 1], ['k', 1.5], ['k', true], ['k', null], ['k'], [],
  ['k', 'v', 'extra'], [1, 'v']
];
const VARIADIC_KEYS = [
  ['a'], [B], [['a', 'b']], [['a', 'b', 'a']], ['d', 'e'], [[]], [[B, 'x']], [[1, 2]], [1], [],
  [undefined], [null], [['a'], 'b']
];
const KEY_INT = [
  ['k', 10], ['k', '5'], ['k', -3], ['k', 0], ['k', 1.5], ['k', 10n], ['k', NaN], ['k', Infinity],
  [B, 1], ['k'], ['k', null], [], ['k', 1, 'extra'], ['k', {}], ['k', [1, 2]]
];
const MODE = [[], ['ASYNC'], ['SYNC'], ['async'], [''], [undefined], [null], [0], [{}], [B], ['ASYNC', 'x']];
const MSET_SHAPES = [
  [{ m1: 'a', m2: 'b' }],
  [[['m3', 'c'], ['m4', 'd']]],
  [['m5', 'e', 'm6', 'f']],
  ['m7', 'g'], // node-redis quirk: the string is treated as a record -> MSET 0 m 1 7
  ['m7'],
  [new Map([['a', '1']])],
  [{}],
  [[]],
  [],
  [null],
  [42],
  [['a']],
  [['a', 'b', 'c']],
  [[['a', 'b'], 'cd']],
  [[['a']]],
  [[[B, B2], ['x', 'y']]],
  [[B, B2]],
  [Buffer.from('ab')],
  [{ a: 1, b: true }],
  [{ 2: 'x', 1: 'y', b: 'z' }],
  [{ m1: 'a' }, { m2: 'b' }]
];
const EXPIRE_REL = [
  ['t', 100], ['t', 50, 'NX'], ['t', 50, 'XX'], ['t', 10, 'GT'], ['t', 10, 'LT'],
  ['t', 10, { mode: 'NX' }], ['t', '20'], ['t', 1.5], ['t', 9999999999999999], ['t', 0], ['t', -1],
  ['t', 10, ''], ['t', 10, undefined], ['t', 10, null], [B, 10, 'NX'], ['t', 10n], ['t'], ['t', null],
  [], ['t', D], ['t', 10, 'NX', 'extra']
];
const EXPIRE_AT = [
  ['t', 1700000000], ['t', D], ['t', D2], ['t', D, 'NX'], ['t', D, 'GT'], ['t', 1700000000, 'XX'],
  ['t', 1.5], ['t', 0], ['t', -1], ['t', BAD_DATE], ['t', '1700000000'], ['t', { getTime: () => 5999 }],
  ['t', 10n], ['t'], ['t', null], [], [B, 0], ['t', D, ''], ['t', D, { mode: 'NX' }]
];

// Hash shapes.
const KEY_FIELD = [
  ['h', 'f'], [B, B2], ['h', ''], ['h', 1], ['h', 1.5], ['h', true], ['h', null], ['h', undefined],
  ['h', {}], ['h', ['f']], ['h'], [], ['h', 'f', 'extra'], [1, 'f'], [null, 'f']
];
const KEY_FIELDS = [
  ['h', 'f'], ['h', ['a', 'b']], ['h', ['a', 'b', 'a']], ['h', [B, 'x']], ['h', []], ['h', [1, 2]],
  ['h', 1], ['h', B2], ['h', 'a', 'b'], ['h', undefined], ['h', null], ['h', {}], ['h'], [],
  [B, ['f']], [1, ['f']], [['h'], 'f']
];
const KEY_FIELD_VALUE = [
  ['h', 'f', 'v'], [B, B2, B], ['h', 'f', 1], ['h', 1, 'v'], ['h', 'f', ''], ['h', 'f', true],
  ['h', 'f', null], ['h', 'f', {}], ['h', 'f'], ['h'], [], ['h', 'f', 'v', 'x'], [1, 'f', 'v']
];
const KEY_FIELD_INT = [
  ['h', 'f', 5], ['h', 'f', -2], ['h', 'f', '7'], ['h', 'f', 0], ['h', 'f', 1.5], ['h', 'f', 1e21],
  ['h', 'f', 10n], ['h', 'f', NaN], ['h', 'f', Infinity], ['h', 'f', -Infinity], [B, B2, 1],
  ['h', 1, 1], ['h', 'f'], ['h', 'f', null], ['h', 'f', {}], ['h', 'f', [1]], ['h'], [],
  ['h', 'f', 1, 'extra']
];
const KEY_COUNT = [
  ['h', 2], ['h', 0], ['h', -5], ['h', '3'], ['h', 1.5], ['h', 10n], ['h', NaN], [B, 1], ['h'],
  ['h', null], ['h', undefined], ['h', {}], ['h', [1]], [], ['h', 1, 'WITHVALUES'], [1, 2]
];
const HSCAN_SHAPES = [
  ['h', '0'], ['h', 0], ['h', '17'], [B, B2], ['h'], [], ['h', null], [1, '0'],
  ['h', '0', { MATCH: 'f1*', COUNT: 10 }],
  ['h', '0', { COUNT: 10, MATCH: 'x' }],
  ['h', '0', { MATCH: '' }],
  ['h', '0', { MATCH: B }],
  ['h', '0', { MATCH: undefined }],
  ['h', '0', { MATCH: null }],
  ['h', '0', { COUNT: 0 }],
  ['h', '0', { COUNT: '5' }],
  ['h', '0', { COUNT: 1.5 }],
  ['h', '0', { COUNT: null }],
  ['h', '0', { COUNT: {} }],
  ['h', '0', { TYPE: 'hash' }],
  ['h', '0', { cursor: '5' }],
  ['h', '0', {}],
  ['h', '0', null],
  ['h', '0', 'MATCH'],
  ['h', '0', { MATCH: 'a' }, 'extra']
];
const HSET_SHAPES = [
  ['h', 'f1', 'v1'], ['h', 'f', 3], ['h', 10, 11], ['h', 1.5, -0], ['h', 'fb', B2], [B, B2, B], ['h', B2, 'v'],
  ['h', '', ''], ['h', 'f'], ['h', 'f', true], ['h', 'f', null], ['h', 'f', undefined], ['h', 'f', {}],
  ['h', 'f', ['x']], ['h', 'f', 10n], ['h', 'f', 'v', 'extra'], ['h', 'f', 'v', 'g', 'w'],
  // records
  ['h', { f2: 'v2', f3: 3 }], ['h', { 2: 'x', 1: 'y', b: 'z' }], ['h', {}], ['h', { f: null }],
  ['h', { f: undefined }], ['h', { f: {} }], ['h', { f: B2 }], ['h', { f: true }],
  ['h', { __proto__: { inherited: 'x' }, own: 'y' }], ['h', Object.create(null)],
  ['h', { ['__proto__']: 'p' }], ['h', JSON.parse('{"__proto__":"p","constructor":"c"}')],
  // Maps
  ['h', new Map([['f4', 'v4'], [5, 6]])], ['h', new Map()], ['h', new Map([[B, B2], [1.5, null]])],
  ['h', new Map([[{}, 'v']])], ['h', new Map([['f', undefined]])],
  // arrays
  ['h', [['f6', 'v6'], ['f7', 'v7']]], ['h', ['f8', 'v8', 'f9', 'v9']], ['h', []], ['h', [[]]],
  ['h', ['f']], ['h', ['f', 'v', 'g']], ['h', [['f']]], ['h', [['f', 'v', 'extra']]],
  ['h', [['f', 1], [2, 'v']]], ['h', [1, 2]], ['h', [[['deep', 'er']], ['x', ['y']]]],
  ['h', [['a', 'b'], 'c', 'd']], ['h', [[B, B2]]], ['h', [null, undefined]], ['h', [{}, 'v']],
  // other shapes
  ['h'], ['h', undefined], ['h', null], ['h', true], ['h', false], ['h', 10n], ['h', Symbol.iterator],
  ['h', new Date(0)], ['h', new Set(['a', 'b'])], ['h', () => 1], [], [1, 'f', 'v'], [null, 'f', 'v'],
  [['h'], 'f', 'v']
];

// Set shapes.
const KEY_MEMBERS = [
  ...KEY_FIELDS, ['s', ['a']], ['s', [B2, '', 'a']], ['s', [[]]], ['s', [['a', 'b']]], ['s', [true]],
  ['s', 0], ['s', -0.5], ['s', 10n]
];
const DEST_KEYS = [
  ['d', ['a', 'b']], ['d', 'a'], ['d', []], [B, [B2, 'x']], ['d', ['d', 'a']], ['d', [1]], ['d', 1],
  ['d'], [], ['d', null], ['d', undefined], [1, ['a']], [['d'], ['a']], ['d', 'a', 'b'], ['d', [['a']]]
];
const SINTERCARD_SHAPES = [
  [['a', 'b']], ['a'], [[]], [[B, B2]], [['a', 'b'], 5], [['a'], 0], [['a'], '3'], [['a'], 1.5],
  [['a'], { LIMIT: 2 }], [['a'], { LIMIT: 0 }], [['a'], { LIMIT: '7' }], [['a'], { LIMIT: undefined }],
  [['a'], { LIMIT: null }], [['a'], { limit: 2 }], [['a'], {}], [['a'], null], [['a'], 'LIMIT'],
  [['a'], NaN], [['a'], 10n], [['a'], [1]], [], [undefined], [null], [1], [[1, 2]], [['a'], { LIMIT: 1 }, 'x']
];
const SMOVE_SHAPES = [
  ['s', 'd', 'm'], [B, B2, B], ['s', 's', 'm'], ['s', 'd', ''], ['s', 'd', 1], ['s', 'd', null],
  ['s', 'd'], ['s'], [], ['s', 'd', 'm', 'x'], [['s'], 'd', 'm'], [1, 2, 'm'], ['s', ['d', 'e'], 'm'],
  ['s', 'd', ['m', 'n']]
];

// List shapes.
const KEY_START_STOP = [
  ['l', 0, -1], ['l', '0', '-1'], ['l', 1.5, 2], ['l', -100, 100], [B, 0, 1], ['l', 0n, 1n], ['l', NaN, Infinity],
  ['l', 0], ['l'], [], ['l', 0, null], ['l', undefined, 1], ['l', 0, -1, 'x'], [1, 0, -1], ['l', {}, []]
];
const LSET_SHAPES = [
  ['l', 0, 'v'], ['l', -1, B2], ['l', '2', 'v'], [B, 0, B], ['l', 1.5, 'v'], ['l', 0, 1], ['l', 0, ''],
  ['l', 0, null], ['l', 0], ['l'], [], ['l', null, 'v'], ['l', 0, 'v', 'x'], [1, 0, 'v'], ['l', 0n, 'v']
];
const LINSERT_SHAPES = [
  ['l', 'BEFORE', 'p', 'e'], ['l', 'AFTER', 'p', 'e'], ['l', 'before', B2, B], [B, 'AFTER', '', ''],
  ['l', 'MIDDLE', 'p', 'e'], ['l', 'BEFORE', 'p', 1], ['l', 'BEFORE', 1, 'e'], ['l', 1, 'p', 'e'],
  ['l', 'BEFORE', 'p'], ['l', 'BEFORE'], ['l'], [], ['l', 'BEFORE', 'p', 'e', 'x'], ['l', null, 'p', 'e'],
  [1, 'BEFORE', 'p', 'e']
];
const LPOS_OPTIONS = [
  undefined, {}, null, { RANK: 2 }, { RANK: -1 }, { RANK: 0 }, { RANK: '3' }, { MAXLEN: 2 }, { MAXLEN: 0 },
  { RANK: 1, MAXLEN: 10 }, { MAXLEN: 10, RANK: 1 }, { RANK: undefined }, { RANK: null }, { MAXLEN: null },
  { COUNT: 2 }, { rank: 1 }, 'RANK', 5
];
const LPOS_SHAPES = [
  ...LPOS_OPTIONS.map((o) => ['l', 'e', o]), [B, B2], ['l', ''], ['l', 1], ['l', null], ['l'], [], [1, 'e'],
  ['l', 'e', { RANK: 1 }, 'x']
];
const LPOS_COUNT_SHAPES = [
  ...LPOS_OPTIONS.map((o) => ['l', 'e', 2, o]), ['l', 'e', 0], ['l', 'e', '3'], ['l', 'e', 1.5], ['l', 'e', -1],
  [B, B2, 1], ['l', 'e'], ['l', 'e', null], ['l', 'e', undefined, { RANK: 1 }], ['l', 1, 1], ['l'], [],
  ['l', 'e', 1, { MAXLEN: 3 }, 'x'], [1, 'e', 1]
];
const LMOVE_SHAPES = [
  ['s', 'd', 'LEFT', 'RIGHT'], ['s', 'd', 'RIGHT', 'LEFT'], ['s', 's', 'LEFT', 'LEFT'], [B, B2, 'left', 'right'],
  ['s', 'd', 'UP', 'DOWN'], ['s', 'd', 'LEFT'], ['s', 'd'], ['s'], [], ['s', 'd', 1, 'LEFT'], ['s', 'd', 'LEFT', null],
  ['s', 'd', 'LEFT', 'RIGHT', 'x'], [['s'], 'd', 'LEFT', 'RIGHT'], [1, 'd', 'LEFT', 'RIGHT']
];
const BLOCKING_POP = [
  ['k', 0], ['k', 1.5], ['k', '2'], [['a', 'b'], 0], [B, 0], [[B, B2], 3], [[], 0], ['k'], [], ['k', null],
  ['k', -1], [1, 0], [['a', 1], 0], ['k', 0, 'extra'], ['k', {}]
];
const LMPOP_SHAPES = [
  [['a', 'b'], 'LEFT'], ['a', 'RIGHT'], [[], 'LEFT'], [[B, B2], 'RIGHT'], [['a'], 'LEFT', { COUNT: 2 }],
  [['a'], 'LEFT', { COUNT: 0 }], [['a'], 'LEFT', { COUNT: '3' }], [['a'], 'LEFT', { COUNT: 1.5 }],
  [['a'], 'LEFT', { COUNT: undefined }], [['a'], 'LEFT', { COUNT: null }], [['a'], 'LEFT', {}], [['a'], 'LEFT', null],
  [['a'], 'LEFT', 2], [['a'], 'UP'], [['a'], 1], [['a']], ['a'], [], [[1], 'LEFT'], [1, 'LEFT'],
  [['a'], 'LEFT', { COUNT: 2 }, 'x'], [null, 'LEFT']
];

// Sorted set shapes.
const M1 = { score: 1, value: 'a' };
const ZADD_MEMBERS = [
  M1, [M1, { score: 2, value: 'b' }], [], { score: 1.5, value: B2 }, { score: '2', value: 's' },
  { score: Infinity, value: 'i' }, { score: -Infinity, value: 'n' }, { score: NaN, value: 'x' }, { score: -0, value: 'z' },
  { score: 1e-7, value: 'e' }, { score: 10n, value: 'g' }, { score: 1, value: 1 }, { score: 1 }, { value: 'a' },
  { score: null, value: 'a' }, [M1, null], 'a', null, undefined
];
const ZADD_OPTIONS = [
  undefined, {}, null, { condition: 'NX' }, { condition: 'XX' }, { comparison: 'GT' }, { comparison: 'LT' }, { CH: true },
  { condition: 'XX', comparison: 'GT', CH: true }, { condition: 'NX', comparison: 'GT' }, { NX: true }, { XX: true },
  { GT: true }, { LT: true }, { XX: true, GT: true, CH: true }, { NX: true, XX: true }, { GT: true, LT: true },
  { condition: 'NX', XX: true }, { comparison: 'LT', GT: true }, { INCR: true }, { CH: false }, { CH: 1 },
  { condition: '', NX: true }, { condition: 'nx' }
];
const ZADD_SHAPES = [
  ...ZADD_MEMBERS.map((m) => ['z', m]),
  ...ZADD_OPTIONS.map((o) => ['z', M1, o]),
  [B, [M1]], ['z'], [], [1, M1], ['z', '1', 'a'], ['z', M1, { CH: true }, 'x']
];
const ZINCRBY_SHAPES = [
  ['z', 1, 'a'], ['z', 2.5, 'b'], ['z', -1, B2], ['z', '3', 'a'], ['z', Infinity, 'a'], ['z', -Infinity, 'a'],
  ['z', NaN, 'a'], ['z', 10n, 'a'], ['z', 1, 1], ['z', 1], ['z'], [], ['z', null, 'a'], [B, 0, 'a'], ['z', 1, 'a', 'x'],
  ['z', 'x', 'a']
];
const SCORE_RANGE = [
  ['z', 1, 2], ['z', '(1', '+inf'], ['z', -Infinity, Infinity], ['z', NaN, 1], ['z', '-', '+'], ['z', '[a', '(c'],
  ['z', 1.5, '3'], ['z', -0, 0], ['z', 1e21, 1e-7], ['z', 1n, 2], [B, B2, B], ['z', 1], ['z'], [], ['z', null, 1],
  ['z', 1, undefined], ['z', 1, 2, 'x'], [1, 1, 2], ['z', {}, []]
];
const ZRANGE_OPTIONS = [
  undefined, {}, null, { REV: true }, { BY: 'SCORE' }, { BY: 'LEX' }, { BY: 'score' }, { BY: 'RANK' },
  { BY: 'SCORE', REV: true }, { LIMIT: { offset: 1, count: 2 } }, { BY: 'SCORE', LIMIT: { offset: 0, count: -1 } },
  { BY: 'LEX', REV: true, LIMIT: { offset: '1', count: '2' } }, { LIMIT: { offset: 1 } }, { LIMIT: {} }, { LIMIT: null },
  { REV: false }, { REV: 1 }, { WITHSCORES: true }, { LIMIT: { offset: 1.5, count: 10n } }
];
const ZRANGE_SHAPES = [
  ...SCORE_RANGE,
  ...ZRANGE_OPTIONS.map((o) => ['z', 0, -1, o]),
  ['z', '(1', Infinity, { BY: 'SCORE' }], ['z', '[b', '(d', { BY: 'LEX' }], ['z', 0, -1, { REV: true }, 'x']
];
const ZRANGEBY_SHAPES = [
  ...SCORE_RANGE,
  ['z', 0, 1, { LIMIT: { offset: 1, count: 2 } }], ['z', '-inf', '+inf', { LIMIT: { offset: 0, count: -1 } }],
  ['z', 0, 1, { LIMIT: {} }], ['z', 0, 1, { LIMIT: { count: 1 } }], ['z', 0, 1, { LIMIT: null }], ['z', 0, 1, {}],
  ['z', 0, 1, null], ['z', 0, 1, { REV: true }], ['z', 0, 1, 'LIMIT']
];
const ZRANGESTORE_SHAPES = [
  ['d', 'z', 0, -1], [B, B2, 0, 1], ['d', 'd', 0, -1], ['d', 'z', '(1', Infinity, { BY: 'SCORE' }],
  ...ZRANGE_OPTIONS.map((o) => ['d', 'z', 0, 1, o]),
  ['d', 'z', 0], ['d', 'z'], ['d'], [], ['d', 'z', null, 1], [1, 'z', 0, 1], ['d', ['z'], 0, 1]
];
const ZMPOP_SHAPES = [
  [['a', 'b'], 'MIN'], ['a', 'MAX'], [[], 'MIN'], [[B, B2], 'MAX'], [['a'], 'MIN', { COUNT: 2 }],
  [['a'], 'MIN', { COUNT: 0 }], [['a'], 'MIN', { COUNT: '3' }], [['a'], 'MIN', { COUNT: 1.5 }],
  [['a'], 'MIN', { COUNT: undefined }], [['a'], 'MIN', { COUNT: null }], [['a'], 'MIN', { COUNT: -1 }], [['a'], 'MIN', {}],
  [['a'], 'MIN', null], [['a'], 'MIN', 2], [['a'], 'LEFT'], [['a'], 1], [['a']], ['a'], [], [[1], 'MIN'], [1, 'MIN'],
  [['a'], 'MIN', { COUNT: 2 }, 'x'], [null, 'MIN']
];
const ZKEYS = [
  'a', B, ['a', 'b'], [B, 'b'], [], [{ key: 'a', weight: 2 }], [{ key: 'a', weight: 1 }, { key: 'b', weight: 0.5 }],
  { key: 'a', weight: 3 }, { key: B, weight: Infinity }, [{ key: 'a', weight: -Infinity }], [{ key: 'a', weight: NaN }],
  [{ key: 'a', weight: '2' }], [{ key: 'a' }], [{ weight: 1 }], ['a', { key: 'b', weight: 2 }], [{ key: 'a', weight: 2 }, 'b'],
  [1, 2], 1, null, undefined, { key: 'a' }, [[]]
];
const ZKEYS_OPTIONS = [
  undefined, {}, null, { AGGREGATE: 'SUM' }, { AGGREGATE: 'MIN' }, { AGGREGATE: 'MAX' }, { AGGREGATE: 'avg' },
  { AGGREGATE: '' }, { AGGREGATE: B }, { WITHSCORES: true }, 'AGGREGATE'
];
const ZUNION_SHAPES = [
  ...ZKEYS.map((k) => [k]),
  ...ZKEYS_OPTIONS.map((o) => [['a', 'b'], o]),
  [[{ key: 'a', weight: 2 }], { AGGREGATE: 'MAX' }], [['a'], { AGGREGATE: 'MIN' }, 'x'], []
];
const ZSTORE_SHAPES = [
  ...ZKEYS.map((k) => ['d', k]),
  ...ZKEYS_OPTIONS.map((o) => ['d', ['a', 'b'], o]),
  [B, [{ key: 'a', weight: 2 }], { AGGREGATE: 'MAX' }], ['d', ['d', 'a']], ['d'], [], [1, ['a']], [['d'], 'a']
];
const ZINTERCARD_SHAPES = [
  ...SINTERCARD_SHAPES, [['a'], { LIMIT: -1 }], [['a'], -1], [['a'], 0]
];

const SHAPES = {
  GET: ONE_KEY,
  SET: [
    ['k', 'v'], ['k', 0], ['k', 42], ['k', 1.5], ['k', -0], ['k', NaN], ['k', B2], [B, B2], ['k', ''],
    ['k', true], ['k', null], ['k', undefined], ['k', {}], ['k', 10n], ['k'], [], [1, 'v'],
    // new option shape
    ['k', 'v', { expiration: 'KEEPTTL' }],
    ['k', 'v', { expiration: { type: 'KEEPTTL' } }],
    ['k', 'v', { expiration: { type: 'KEEPTTL', value: 5 } }],
    ['k', 'v', { expiration: { type: 'EX', value: 100 } }],
    ['k', 'v', { expiration: { type: 'PX', value: 5000 } }],
    ['k', 'v', { expiration: { type: 'EXAT', value: 1700000000 } }],
    ['k', 'v', { expiration: { type: 'PXAT', value: 1700000000123 } }],
    ['k', 'v', { expiration: { type: 'EX', value: '100' } }],
    ['k', 'v', { expiration: { type: 'EX', value: 1.5 } }],
    ['k', 'v', { expiration: { type: 'EX', value: 0 } }],
    ['k', 'v', { expiration: { type: 'EXAT', value: D } }],
    ['k', 'v', { expiration: { type: 'EX' } }],
    ['k', 'v', { expiration: { type: 'EX', value: null } }],
    ['k', 'v', { expiration: { value: 10 } }],
    ['k', 'v', { expiration: 'PERSIST' }],
    ['k', 'v', { expiration: 5 }],
    ['k', 'v', { expiration: null, EX: 5 }],
    ['k', 'v', { expiration: '', PX: 5 }],
    ['k', 'v', { expiration: { type: 'EX', value: 10 }, EX: 5, KEEPTTL: true }],
    ['k', 'v', { condition: 'NX' }],
    ['k', 'v', { condition: 'XX' }],
    ['k', 'v', { condition: 'NX', GET: true }],
    ['k', 'v', { condition: 'NX', expiration: { type: 'EX', value: 10 } }],
    ['k', 'v', { expiration: { type: 'EX', value: 0 }, condition: 'NX', GET: true }],
    ['k', 'v', { condition: 'IFEQ', matchValue: 'old' }],
    ['k', 'v', { condition: 'IFDEQ', matchValue: B2 }],
    ['k', 'v', { condition: 'IFNE', matchValue: undefined }],
    ['k', 'v', { condition: 'IFEQ', matchValue: null }],
    ['k', 'v', { condition: 'NX', XX: true }],
    ['k', 'v', { condition: '', NX: true }],
    ['k', 'v', { matchValue: 'x' }],
    // deprecated flat shape
    ['k', 'v', { EX: 100 }],
    ['k', 'v', { PX: 5000 }],
    ['k', 'v', { EXAT: 1700000000 }],
    ['k', 'v', { PXAT: 1700000000123 }],
    ['k', 'v', { KEEPTTL: true }],
    ['k', 'v', { KEEPTTL: false }],
    ['k', 'v', { EX: undefined }],
    ['k', 'v', { EX: undefined, PX: 7 }],
    ['k', 'v', { EX: null }],
    ['k', 'v', { EX: 0 }],
    ['k', 'v', { EX: -5 }],
    ['k', 'v', { EX: '10' }],
    ['k', 'v', { EX: D }],
    ['k', 'v', { EX: 10, PX: 1000 }],
    ['k', 'v', { PX: 1, EXAT: 2, PXAT: 3, KEEPTTL: true }],
    ['k', 'v', { PXAT: 3, KEEPTTL: true }],
    ['k', 'v', { NX: true }],
    ['k', 'v', { XX: true }],
    ['k', 'v', { NX: true, XX: true }],
    ['k', 'v', { NX: false, XX: true }],
    ['k', 'v', { NX: true, EX: 50 }],
    ['k', 'v', { GET: true }],
    ['k', 'v', { GET: false }],
    ['k', 'v', { GET: 1 }],
    ['k', 'v', { NX: true, GET: true, PX: 5 }],
    // odd positional shapes
    ['k', 'v', 'EX', 10],
    ['k', 'v', 'NX'],
    ['k', 'v', null],
    ['k', 'v', {}],
    [B, 5, { expiration: { type: 'PX', value: 10 } }]
  ],
  SETNX: KEY_VALUE,
  SETEX: [
    ['k', 100, 'v'], ['k', '100', 'v'], ['k', 0, 'v'], ['k', 1.5, 'v'], [B, 10, B2], ['k', 10n, 'v'],
    ['k', 10, 5], ['k', 10], ['k'], ['k', undefined, 'v'], ['k', null, 'v'], [], ['k', 10, 'v', 'x']
  ],
  PSETEX: [
    ['k', 5000, 'v'], ['k', '5000', 'v'], ['k', 0, 'v'], ['k', 1.5, 'v'], [B, 10, B2], ['k', 10n, 'v'],
    ['k', 10, 5], ['k', 10], ['k'], ['k', undefined, 'v'], ['k', null, 'v'], [], ['k', 10, 'v', 'x']
  ],
  MGET: VARIADIC_KEYS,
  MSET: MSET_SHAPES,
  MSETNX: MSET_SHAPES,
  GETSET: KEY_VALUE,
  GETDEL: ONE_KEY,
  GETEX: [
    ['k', { type: 'EX', value: 100 }],
    ['k', { type: 'PX', value: 5000 }],
    ['k', { type: 'EX', value: '10' }],
    ['k', { type: 'EX', value: 1.5 }],
    ['k', { type: 'EXAT', value: 1700000000 }],
    ['k', { type: 'EXAT', value: D }],
    ['k', { type: 'EXAT', value: D2 }],
    ['k', { type: 'EXAT', value: BAD_DATE }],
    ['k', { type: 'PXAT', value: 1700000000123 }],
    ['k', { type: 'PXAT', value: D }],
    ['k', { type: 'EXAT', value: '1700000000' }],
    ['k', { type: 'PXAT', value: '1' }],
    ['k', { type: 'EXAT' }],
    ['k', { type: 'EX' }],
    ['k', { type: 'EX', value: null }],
    ['k', { type: 'PERSIST' }],
    ['k', { type: 'PERSIST', value: 1 }],
    ['k', { type: 'FOO', value: 1 }],
    ['k', { type: 'ex', value: 1 }],
    ['k', { type: undefined }],
    ['k', { type: 'EX', value: 1, PX: 2 }],
    ['k', { EX: 100 }],
    ['k', { PX: 5000 }],
    ['k', { EXAT: 1700000000 }],
    ['k', { EXAT: D }],
    ['k', { PXAT: 2 }],
    ['k', { PXAT: D }],
    ['k', { EXAT: 'x' }],
    ['k', { PERSIST: true }],
    ['k', { PERSIST: false }],
    ['k', {}],
    ['k', { EX: undefined }],
    ['k', { EX: 1, PX: 2 }],
    ['k', { PX: 2, EXAT: D, PERSIST: true }],
    ['k', Object.create({ EX: 3 })],
    ['k', []],
    ['k'],
    ['k', null],
    ['k', 'EX'],
    ['k', 5],
    [],
    [B, { type: 'PERSIST' }],
    [1, { EX: 1 }]
  ],
  APPEND: KEY_VALUE,
  STRLEN: ONE_KEY,
  GETRANGE: [
    ['k', 0, 4], ['k', -5, -1], ['k', '0', '4'], ['k', 1.5, 2], [B, 1, 2], ['k', 0, 4, 'x'],
    ['k', 0], ['k'], ['k', 0, null], [], ['k', 0n, 1n]
  ],
  SETRANGE: [
    ['k', 6, 'WORLD'], ['k', '6', 'x'], ['k', 0, B2], [B, 0, B2], ['k', 0, 1], ['k', 0], ['k'],
    ['k', null, 'x'], [], ['k', 1, 'x', 'y']
  ],
  INCR: ONE_KEY,
  INCRBY: KEY_INT,
  INCRBYFLOAT: [
    ...KEY_INT, ['k', 0.1], ['k', -1.6], ['k', 1e20], ['k', 1e21], ['k', '2.5'], ['k', -Infinity],
    ['k', 5e-7]
  ],
  DECR: ONE_KEY,
  DECRBY: KEY_INT,
  DEL: VARIADIC_KEYS,
  UNLINK: VARIADIC_KEYS,
  EXISTS: VARIADIC_KEYS,
  TYPE: ONE_KEY,
  KEYS: [['k:1*'], ['*'], [''], [B], [], [1], [null], ['a', 'b'], [['a', 'b']]],
  SCAN: [
    ['0'], [0], ['17'], [B], [], [null],
    ['0', { MATCH: 'h:*', COUNT: 1000 }],
    ['0', { TYPE: 'set', COUNT: 1000 }],
    ['0', { MATCH: 'm', COUNT: 10, TYPE: 'hash' }],
    ['0', { TYPE: 'hash', COUNT: 5, MATCH: 'x' }],
    ['0', { COUNT: 0 }],
    ['0', { COUNT: '5' }],
    ['0', { COUNT: 1.5 }],
    ['0', { COUNT: null }],
    ['0', { COUNT: {} }],
    ['0', { MATCH: '' }],
    ['0', { MATCH: undefined }],
    ['0', { MATCH: null }],
    ['0', { MATCH: B }],
    ['0', { TYPE: '' }],
    ['0', { TYPE: B }],
    ['0', {}],
    ['0', null],
    ['0', 'MATCH'],
    ['0', { MATCH: 'a' }, 'extra']
  ],
  RENAME: [['a', 'b'], [B, B2], ['a'], [], ['a', 'b', 'c'], [['a', 'b'], 'c'], [1, 2]],
  RENAMENX: [['a', 'b'], [B, B2], ['a'], [], ['a', 'b', 'c'], [['a', 'b'], 'c'], [1, 2]],
  COPY: [
    ['a', 'b'], ['a', 'b', { DB: 1 }], ['a', 'b', { REPLACE: true }], ['a', 'b', { DB: 2, REPLACE: true }],
    ['a', 'b', { REPLACE: true, DB: '3' }], ['a', 'b', { DB: 0 }], ['a', 'b', { DB: undefined }],
    ['a', 'b', { DB: null }], ['a', 'b', { REPLACE: false }], ['a', 'b', { REPLACE: 1 }], ['a', 'b', null],
    ['a', 'b', {}], ['a', 'b', 'REPLACE'], ['a'], [], [B, B2, { DB: 1 }], ['a', 'b', { DB: 1.5 }]
  ],
  MOVE: [['a', 1], ['a', '2'], [B, 0], ['a', -1], ['a', 1.5], ['a'], [], ['a', null], ['a', undefined],
    ['a', { toString: () => '3' }], [['a', 'b'], 1], ['a', 1, 'extra']],
  EXPIRE: EXPIRE_REL,
  PEXPIRE: EXPIRE_REL,
  EXPIREAT: EXPIRE_AT,
  PEXPIREAT: EXPIRE_AT,
  TTL: ONE_KEY,
  PTTL: ONE_KEY,
  EXPIRETIME: ONE_KEY,
  PEXPIRETIME: ONE_KEY,
  PERSIST: ONE_KEY,
  RANDOMKEY: NO_ARGS,
  TOUCH: VARIADIC_KEYS,
  OBJECT_ENCODING: ONE_KEY,
  OBJECT_IDLETIME: ONE_KEY,
  OBJECT_FREQ: ONE_KEY,
  OBJECT_REFCOUNT: ONE_KEY,
  MEMORY_USAGE: [...ONE_KEY, ['k', { SAMPLES: 0 }], ['k', { SAMPLES: 5 }], ['k', {}], ['k', { SAMPLES: undefined }],
    [B, { SAMPLES: 10 }]],
  PING: [[], ['hi'], [B], [''], [undefined], [null], [1], [false], ['a', 'b']],
  ECHO: [['x'], [''], [B], [], [undefined], [1], ['a', 'b']],
  TIME: NO_ARGS,
  PUBLISH: [['ch', 'm'], [B, B2], ['ch', ''], ['ch'], [], ['ch', 1], [1, 'm'], ['ch', null], [['a', 'b'], 'm']],
  PUBSUB_CHANNELS: [[], ['p*'], [B], [''], [undefined], [null], [1], ['a', 'b']],
  PUBSUB_NUMSUB: [[], ['a'], [['a', 'b']], [[]], [B], [''], [undefined], [1], [['a', 1]]],
  PUBSUB_NUMPAT: NO_ARGS,
  SPUBLISH: [['ch', 'm'], [B, B2], ['ch', ''], ['ch'], [], ['ch', 1], [1, 'm'], ['ch', null]],
  PUBSUB_SHARDCHANNELS: [[], ['p*'], [B], [''], [undefined], [null], [1], ['a', 'b']],
  PUBSUB_SHARDNUMSUB: [[], ['a'], [['a', 'b']], [[]], [B], [''], [undefined], [1], [['a', 1]]],
  CONFIG_GET: [['notify-keyspace-events'], [['a', 'b']], [B], [''], [], [undefined], [1], [[]]],
  CONFIG_SET: [
    ['notify-keyspace-events', 'KEA'], [{ 'notify-keyspace-events': 'E', x: 'y' }], [{}], [B, B2], ['p'],
    [], ['p', 1], [{ p: 1 }], [null], ['p', 'v', 'extra']
  ],
  CONFIG_RESETSTAT: NO_ARGS,
  CLIENT_ID: NO_ARGS,
  DBSIZE: NO_ARGS,
  FLUSHDB: MODE,
  FLUSHALL: MODE,
  SWAPDB: [[0, 1], ['0', '1'], [1.5, 2], [0n, 1n], [0], [], [0, null], [null, 1], [0, 1, 2]],
  INFO: [[], ['server'], ['keyspace'], ['all'], [''], [undefined], [null], [B], [0], ['a', 'b']],
  HSET: HSET_SHAPES,
  HSETNX: KEY_FIELD_VALUE,
  HGET: KEY_FIELD,
  HMGET: KEY_FIELDS,
  HGETALL: ONE_KEY,
  HDEL: KEY_FIELDS,
  HEXISTS: KEY_FIELD,
  HLEN: ONE_KEY,
  HSTRLEN: KEY_FIELD,
  HKEYS: ONE_KEY,
  HVALS: ONE_KEY,
  HINCRBY: KEY_FIELD_INT,
  HINCRBYFLOAT: [...KEY_FIELD_INT, ['h', 'f', 0.1], ['h', 'f', 5e-7], ['h', 'f', '1e3'], ['h', 'f', 'inf']],
  HRANDFIELD: [...ONE_KEY, ['h', 2], ['h', 2, 'WITHVALUES']],
  HRANDFIELD_COUNT: KEY_COUNT,
  HRANDFIELD_COUNT_WITHVALUES: KEY_COUNT,
  HSCAN: HSCAN_SHAPES,
  HSCAN_NOVALUES: HSCAN_SHAPES,
  SADD: KEY_MEMBERS,
  SREM: KEY_MEMBERS,
  SISMEMBER: KEY_FIELD,
  SMISMEMBER: KEY_MEMBERS,
  SMEMBERS: ONE_KEY,
  SCARD: ONE_KEY,
  SPOP: [...ONE_KEY, ['s', 2], ['s', '2']],
  SPOP_COUNT: KEY_COUNT,
  SRANDMEMBER: [...ONE_KEY, ['s', 2], ['s', -2]],
  SRANDMEMBER_COUNT: KEY_COUNT,
  SINTER: VARIADIC_KEYS,
  SUNION: VARIADIC_KEYS,
  SDIFF: VARIADIC_KEYS,
  SINTERSTORE: DEST_KEYS,
  SUNIONSTORE: DEST_KEYS,
  SDIFFSTORE: DEST_KEYS,
  SINTERCARD: SINTERCARD_SHAPES,
  SMOVE: SMOVE_SHAPES,
  SSCAN: HSCAN_SHAPES,
  LPUSH: KEY_MEMBERS,
  RPUSH: KEY_MEMBERS,
  LPUSHX: KEY_MEMBERS,
  RPUSHX: KEY_MEMBERS,
  LPOP: [...ONE_KEY, ['l', 2]],
  LPOP_COUNT: KEY_COUNT,
  RPOP: [...ONE_KEY, ['l', 2]],
  RPOP_COUNT: KEY_COUNT,
  LRANGE: KEY_START_STOP,
  LTRIM: KEY_START_STOP,
  LLEN: ONE_KEY,
  LINDEX: KEY_INT,
  LSET: LSET_SHAPES,
  LREM: LSET_SHAPES,
  LINSERT: LINSERT_SHAPES,
  LPOS: LPOS_SHAPES,
  LPOS_COUNT: LPOS_COUNT_SHAPES,
  LMOVE: LMOVE_SHAPES,
  RPOPLPUSH: [['a', 'b'], [B, B2], ['a', 'a'], ['a'], [], ['a', 'b', 'c'], [['a', 'b'], 'c'], [1, 2]],
  LMPOP: LMPOP_SHAPES,
  BLPOP: BLOCKING_POP,
  BRPOP: BLOCKING_POP,
  BLMOVE: [
    ...LMOVE_SHAPES.map((a) => [...a, 0]), ['s', 'd', 'LEFT', 'RIGHT', 1.5], ['s', 'd', 'LEFT', 'RIGHT', '2'],
    ['s', 'd', 'LEFT', 'RIGHT'], ['s', 'd', 'LEFT', 'RIGHT', null]
  ],
  BRPOPLPUSH: [['a', 'b', 0], [B, B2, 1.5], ['a', 'a', '1'], ['a', 'b'], ['a'], [], [1, 2, 0], ['a', 'b', null]],
  BLMPOP: [...LMPOP_SHAPES.map((a) => [0, ...a]), [1.5, 'a', 'LEFT'], ['1', 'a', 'LEFT'], [undefined, 'a', 'LEFT']],
  BZPOPMIN: BLOCKING_POP,
  BZPOPMAX: BLOCKING_POP,
  BZMPOP: [...ZMPOP_SHAPES.map((a) => [0, ...a]), [1.5, 'a', 'MIN'], ['1', 'a', 'MAX'], [undefined, 'a', 'MIN']],
  CLIENT_UNBLOCK: [[1], ['1'], [1, 'TIMEOUT'], [1, 'ERROR'], [1, 'x'], [B], [], [null], [1.5], [1, '']],
  ZADD: ZADD_SHAPES,
  ZADD_INCR: ZADD_SHAPES,
  ZINCRBY: ZINCRBY_SHAPES,
  ZSCORE: KEY_FIELD,
  ZMSCORE: KEY_MEMBERS,
  ZREM: KEY_MEMBERS,
  ZCARD: ONE_KEY,
  ZCOUNT: SCORE_RANGE,
  ZLEXCOUNT: SCORE_RANGE,
  ZRANK: KEY_FIELD,
  ZRANK_WITHSCORE: KEY_FIELD,
  ZREVRANK: KEY_FIELD,
  ZREVRANK_WITHSCORE: KEY_FIELD,
  ZRANGE: ZRANGE_SHAPES,
  ZRANGE_WITHSCORES: ZRANGE_SHAPES,
  ZRANGEBYSCORE: ZRANGEBY_SHAPES,
  ZRANGEBYSCORE_WITHSCORES: ZRANGEBY_SHAPES,
  ZRANGEBYLEX: ZRANGEBY_SHAPES,
  ZRANGESTORE: ZRANGESTORE_SHAPES,
  ZREMRANGEBYSCORE: SCORE_RANGE,
  ZREMRANGEBYRANK: KEY_START_STOP,
  ZREMRANGEBYLEX: SCORE_RANGE,
  ZPOPMIN: [...ONE_KEY, ['z', 2]],
  ZPOPMIN_COUNT: KEY_COUNT,
  ZPOPMAX: [...ONE_KEY, ['z', 2]],
  ZPOPMAX_COUNT: KEY_COUNT,
  ZMPOP: ZMPOP_SHAPES,
  ZRANDMEMBER: [...ONE_KEY, ['z', 2], ['z', 2, 'WITHSCORES']],
  ZRANDMEMBER_COUNT: KEY_COUNT,
  ZRANDMEMBER_COUNT_WITHSCORES: KEY_COUNT,
  ZUNION: ZUNION_SHAPES,
  ZUNION_WITHSCORES: ZUNION_SHAPES,
  ZINTER: ZUNION_SHAPES,
  ZINTER_WITHSCORES: ZUNION_SHAPES,
  ZDIFF: VARIADIC_KEYS,
  ZDIFF_WITHSCORES: VARIADIC_KEYS,
  ZUNIONSTORE: ZSTORE_SHAPES,
  ZINTERSTORE: ZSTORE_SHAPES,
  ZDIFFSTORE: DEST_KEYS,
  ZINTERCARD: ZINTERCARD_SHAPES,
  ZSCAN: HSCAN_SHAPES
};

// Run one parseCommand; return what it built, or what it threw.
function run(command, Parser, args, prefix) {
  const parser = new Parser(prefix);
  try {
    command.parseCommand(parser, ...args);
  } catch (err) {
    return { threw: err.constructor, name: err.name, message: err.message };
  }
  return { redisArgs: parser.redisArgs, keys: parser.keys };
}

const label = (args) => util.inspect(args, { breakLength: Infinity, depth: 4 });
const PREFIXES = [undefined, '', 'p:', Buffer.from('p:'), Buffer.alloc(0)];

describe('command argument parsing (differential vs node-redis 6.3.1)', () => {
  it('every module in lib/commands has a shape table here, and vice versa', () => {
    const modules = fs.readdirSync(COMMANDS_DIR)
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.slice(0, -3))
      .sort();
    assert.deepStrictEqual(modules, Object.keys(SHAPES).sort());
  });

  for (const [name, shapes] of Object.entries(SHAPES)) {
    describe(name, () => {
      it('exports parseCommand and the same kind of transformReply as node-redis', () => {
        const mine = ours(name);
        const ref = theirs(name);
        assert.strictEqual(typeof mine.parseCommand, 'function');
        assert.ok(Object.hasOwn(mine, 'transformReply'));
        // Under RESP3 node-redis uses transformReply[3] when it is a per-protocol object.
        const refTransform = ref.transformReply && typeof ref.transformReply === 'object'
          ? ref.transformReply[3]
          : ref.transformReply;
        assert.strictEqual(typeof mine.transformReply, typeof refTransform);
      });

      for (const args of shapes) {
        it(`${name}(${label(args).slice(1, -1).trim()})`, () => {
          for (const prefix of PREFIXES) {
            const expected = run(theirs(name), BasicCommandParser, args, prefix);
            const actual = run(ours(name), CommandParser, args, prefix);
            assert.deepStrictEqual(actual, expected, `keyPrefix ${label(prefix)}`);
          }
        });
      }
    });
  }

  describe('SCAN transformReply', () => {
    const replies = [
      ['0', []],
      ['17', ['a', 'b', 'c']],
      [B, [B, B2]],
      ['0', []],
      ['5', ['x'], 'extra']
    ];
    for (const reply of replies) {
      it(`transforms ${label(reply)}`, () => {
        assert.deepStrictEqual(ours('SCAN').transformReply(reply), theirs('SCAN').transformReply(reply));
      });
    }

    it('keeps the cursor a string and the keys array by identity', () => {
      const keys = ['a'];
      const out = ours('SCAN').transformReply(['9', keys]);
      assert.deepStrictEqual(Object.keys(out), ['cursor', 'keys']);
      assert.strictEqual(out.cursor, '9');
      assert.strictEqual(out.keys, keys);
    });
  });
});

// Reply transforms: ours against node-redis's RESP3 transform, on sample RESP3 replies.
describe('reply transforms (vs node-redis RESP3)', () => {
  const resp3 = (name) => {
    const t = theirs(name).transformReply;
    return t && typeof t === 'object' ? t[3] : t;
  };
  const SORTED_SET_REPLIES = [
    [],
    [['a', 1]],
    [['a', 1.5], ['b', -Infinity], ['c', Infinity]],
    [[B, '1'], [B2, 0]],
    [['__proto__', 1]],
    [['a', 1, 'extra']]
  ];
  const ZRANK_REPLIES = [null, [0, 1.5], [3, Infinity], ['1', '2'], [B, -0]];
  const POP_REPLIES = [[], ['a', 1], [B, Infinity], ['a', '1.5'], ['a']];
  const SAMPLES = {
    HRANDFIELD_COUNT_WITHVALUES: [
      [],
      [['f1', 'v1']],
      [['f1', 'v1'], ['f2', 'v2'], ['f1', 'v1']],
      [[B, B2], ['', '']],
      [['__proto__', 'x'], ['constructor', 'y']]
    ],
    HSCAN: [
      ['0', []],
      ['0', ['f0', 'v0', 'f1', 'v1']],
      ['42', ['a', '1']],
      [B, [B, B2, B2, B]],
      ['0', ['odd']],
      ['7', ['__proto__', 'v', 'constructor', 'w']]
    ],
    HSCAN_NOVALUES: [
      ['0', []],
      ['0', ['f0', 'f1']],
      [B, [B, B2]],
      ['5', ['x'], 'extra']
    ],
    ZRANK_WITHSCORE: ZRANK_REPLIES,
    ZREVRANK_WITHSCORE: ZRANK_REPLIES,
    ZRANGE_WITHSCORES: SORTED_SET_REPLIES,
    ZRANGEBYSCORE_WITHSCORES: SORTED_SET_REPLIES,
    ZPOPMIN_COUNT: SORTED_SET_REPLIES,
    ZPOPMAX_COUNT: SORTED_SET_REPLIES,
    ZRANDMEMBER_COUNT_WITHSCORES: SORTED_SET_REPLIES,
    ZUNION_WITHSCORES: SORTED_SET_REPLIES,
    ZINTER_WITHSCORES: SORTED_SET_REPLIES,
    ZDIFF_WITHSCORES: SORTED_SET_REPLIES,
    ZPOPMIN: POP_REPLIES,
    ZPOPMAX: POP_REPLIES,
    ZMPOP: [null, ['z', []], ['z', [['a', 1]]], [B, [[B, Infinity], [B2, -0]]], ['z', [['a', '1'], ['b', 2]]]],
    ZSCAN: [
      ['0', []],
      ['0', ['a', '1', 'b', '2.5']],
      ['7', ['x', 'inf', 'y', '-inf', 'z', 'nan', 'w', '+inf']],
      ['0', ['a', '-0', 'b', '1e400', 'c', '0.1', 'd', '1e-05', 'e', ' 1', 'f', '']],
      [B, [B, Buffer.from('1.5'), B2, Buffer.from('inf')]],
      ['0', ['__proto__', '1'], 'extra']
    ],
    SSCAN: [
      ['0', []],
      ['0', ['a', 'b', 'c']],
      ['17', ['x']],
      [B, [B, B2]],
      ['5', ['x'], 'extra']
    ]
  };
  for (const [name, replies] of Object.entries(SAMPLES)) {
    for (const reply of replies) {
      it(`${name} transforms ${label(reply)}`, () => {
        assert.deepStrictEqual(ours(name).transformReply(reply), resp3(name)(reply));
      });
    }
  }

  it('HSCAN entries are plain objects in field, value order; the cursor is kept as is', () => {
    const out = ours('HSCAN').transformReply([B, ['f', 'v']]);
    assert.deepStrictEqual(Object.keys(out), ['cursor', 'entries']);
    assert.strictEqual(out.cursor, B);
    assert.deepStrictEqual(Object.keys(out.entries[0]), ['field', 'value']);
    assert.strictEqual(Object.getPrototypeOf(out.entries[0]), Object.prototype);
  });

  it('HSCAN_NOVALUES keeps the fields array by identity', () => {
    const fields = ['a'];
    const out = ours('HSCAN_NOVALUES').transformReply(['0', fields]);
    assert.deepStrictEqual(Object.keys(out), ['cursor', 'fields']);
    assert.strictEqual(out.fields, fields);
  });

  it('SSCAN keeps the cursor as is and the members array by identity', () => {
    const members = ['a'];
    const out = ours('SSCAN').transformReply([B, members]);
    assert.deepStrictEqual(Object.keys(out), ['cursor', 'members']);
    assert.strictEqual(out.cursor, B);
    assert.strictEqual(out.members, members);
  });

  it('sorted set replies are plain objects in value, score order', () => {
    for (const name of ['ZRANGE_WITHSCORES', 'ZPOPMIN_COUNT', 'ZUNION_WITHSCORES']) {
      const [entry] = ours(name).transformReply([['a', 1]]);
      assert.deepStrictEqual(Object.keys(entry), ['value', 'score']);
      assert.strictEqual(Object.getPrototypeOf(entry), Object.prototype);
    }
    const out = ours('ZSCAN').transformReply(['0', ['a', '1']]);
    assert.deepStrictEqual(Object.keys(out), ['cursor', 'members']);
    assert.deepStrictEqual(Object.keys(out.members[0]), ['value', 'score']);
    assert.deepStrictEqual(Object.keys(ours('ZMPOP').transformReply(['z', []])), ['key', 'members']);
    assert.deepStrictEqual(Object.keys(ours('ZRANK_WITHSCORE').transformReply([1, 2])), ['rank', 'score']);
    assert.deepStrictEqual(Object.keys(ours('ZPOPMIN').transformReply(['a', 1])), ['value', 'score']);
  });

  it('every module without a transform matches a node-redis module without a RESP3 transform', () => {
    for (const name of Object.keys(SHAPES)) {
      if (ours(name).transformReply === undefined) assert.strictEqual(resp3(name), undefined, name);
      else assert.ok(typeof resp3(name) === 'function', name);
    }
  });
});

describe('CommandParser (differential vs BasicCommandParser)', () => {
  // Each script is a list of [method, ...args] calls applied to a fresh parser.
  const SCRIPTS = [
    [['push', 'A', 'B'], ['push'], ['push', 1, null, undefined, B]],
    [['push', 'GET'], ['pushKey', 'k']],
    [['pushKey', B], ['pushKey', 'k', false], ['pushKey', 1], ['pushKey', undefined, false]],
    [['pushKeys', ['a', 'b']], ['pushKeys', 'c'], ['pushKeys', []], ['pushKeys', B]],
    [['pushKeysLength', ['a', 'b']], ['pushKeysLength', 'x'], ['pushKeysLength', []]],
    [['pushVariadic', ['a', 1, B]], ['pushVariadic', 'x'], ['pushVariadic', []], ['pushVariadic', 5]],
    [['pushVariadicWithLength', ['a', 'b']], ['pushVariadicWithLength', 'x'], ['pushVariadicWithLength', []]],
    [['pushVariadicNumber', [1, 2.5, '3', 4n]], ['pushVariadicNumber', 7], ['pushVariadicNumber', []]],
    [['pushVariadicNumber', [1, undefined]]],
    [['pushVariadicNumber', null]],
    [['pushKey', undefined]],
    [['pushKeysLength', null]]
  ];

  function exec(Parser, script, prefix) {
    const parser = new Parser(prefix);
    try {
      for (const [method, ...args] of script) parser[method](...args);
    } catch (err) {
      return { threw: err.constructor, message: err.message, redisArgs: parser.redisArgs, keys: parser.keys };
    }
    return { redisArgs: parser.redisArgs, keys: parser.keys, firstKey: parser.firstKey };
  }

  for (const script of SCRIPTS) {
    it(label(script), () => {
      for (const prefix of PREFIXES) {
        assert.deepStrictEqual(exec(CommandParser, script, prefix), exec(BasicCommandParser, script, prefix),
          `keyPrefix ${label(prefix)}`);
      }
    });
  }

  it('a reused parser (reset between commands) gives each command exactly its own argv', () => {
    // The client reuses one parser per connection; redisArgs and keys are copies of the
    // current command's part of the buffers (node-redis hands out its live arrays instead,
    // which only matters to code that keeps them: ours copies).
    const parser = new CommandParser();
    parser.push('SET', 'a', 'b', 'EX', '10');
    parser.reset();
    parser.push('PING');
    assert.deepStrictEqual(parser.redisArgs, ['PING']);
    assert.deepStrictEqual(parser.keys, []);
    assert.strictEqual(parser.firstKey, undefined);
    parser.reset();
    parser.push('GET');
    parser.pushKey('k');
    assert.deepStrictEqual(parser.redisArgs, ['GET', 'k']);
    assert.deepStrictEqual(parser.keys, ['k']);
    assert.strictEqual(parser.firstKey, 'k');
    parser.clear();
    assert.deepStrictEqual(parser.args.slice(0, 5), [undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('fastArgs (the parser-free form some commands take) agree with parseCommand', () => {
  const modules = fs.readdirSync(COMMANDS_DIR).map((f) => f.replace(/\.js$/, '')).filter((n) => ours(n).fastArgs);
  it('exist for the hot variadic commands', () => {
    assert.deepStrictEqual(modules.sort(), ['HSET', 'LPUSH', 'RPUSH', 'SADD', 'SET', 'ZADD', 'ZRANGE']);
  });
  for (const name of modules) {
    it(`${name}: every shape fastArgs accepts gives parseCommand's argv`, () => {
      let accepted = 0;
      for (const args of [...SHAPES[name], ['k', 'f', 'v'], ['k', 'm'], ['k', { score: 1.5, value: 'm' }], ['k', 0, -1], ['k', 5]]) {
        let fast;
        try {
          fast = ours(name).fastArgs(...args);
        } catch {
          continue;
        }
        if (fast === undefined) continue;
        const p = new CommandParser();
        ours(name).parseCommand(p, ...args);
        assert.deepStrictEqual(fast, p.redisArgs, `${name}(${util.inspect(args)})`);
        accepted++;
      }
      assert.ok(accepted > 0, `${name}: no shape took the fast form`);
    });
  }
});
