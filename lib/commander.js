'use strict';

// Builds the command methods from the core's command table (binding.commands()): for each
// row, the UPPERCASE name (wire name uppercased, '|' -> '_') and node-redis's camelCase
// method, shaped by lib/commands/<UPPER>.js, as node-redis's attachConfig
// does. Every row with a method has its module (node-redis's argument shapes are per
// command); rows with an empty method name are client-level (SELECT, MULTI...) and written
// by hand in client.js.
const fs = require('fs');
const path = require('path');
const { binding } = require('./native');

const COMMANDS_DIR = path.join(__dirname, 'commands');

function loadModule(upper, name) {
  const file = path.join(COMMANDS_DIR, `${upper}.js`);
  if (!fs.existsSync(file)) throw new Error(`redlite: no lib/commands/${upper}.js for command '${name}'`);
  return require(file);
}

// [{ upper, camel, command: {parseCommand, transformReply}, row }] for every callable row,
// then for every reply-shape variant (binding.variants(): HRANDFIELD_COUNT...).
function loadCommands() {
  const out = [];
  const rows = new Map();
  binding.commands().forEach((row, index) => {
    row.index = index; // its place in the table: exec's command number is index + 1
    rows.set(row.name, row);
    if (!row.method) return;
    const upper = row.name.toUpperCase().replace('|', '_');
    out.push({ upper, camel: row.method, command: loadModule(upper, row.name), row });
  });
  for (const v of binding.variants()) {
    const row = rows.get(v.name);
    if (!row) throw new Error(`redlite: variant ${v.upper} of unknown command '${v.name}'`);
    out.push({ upper: v.upper, camel: v.method, command: loadModule(v.upper, v.name), row });
  }
  return out;
}

// A parser that only records what a parseCommand does, to learn its shape (fastShape).
class ProbeParser {
  constructor() {
    this.args = [];
    this.keys = [];
  }

  push(...args) {
    this.args.push(...args);
  }

  pushKey(key) {
    this.keys.push(key);
    this.args.push(key);
  }

  // Any other helper means the shape is not a simple one.
  pushKeys() { throw new Error('not simple'); }
  pushKeysLength() { throw new Error('not simple'); }
  pushVariadic() { throw new Error('not simple'); }
  pushVariadicWithLength() { throw new Error('not simple'); }
  pushVariadicNumber() { throw new Error('not simple'); }
}

// { name, nargs: 1 } for 'NAME key', { name, nargs: 2 } for 'NAME key arg', when
// command.parseCommand(parser, a, b) declares exactly those parameters and pushes exactly its
// name, then 'a' as a key, then (for 2) 'b' unchanged, whatever 'a' and 'b' are (probed with
// objects, strings and a number, which a parser that stringifies would change); otherwise
// null. Such commands (GET, HGET, SISMEMBER, ZSCORE, INCR, LLEN...) can skip the parser: the
// client sends [name, a(, b)] as they are.
function fastShape(command) {
  const probe = (a, b) => {
    const p = new ProbeParser();
    try {
      command.parseCommand(p, a, b);
    } catch {
      return null;
    }
    if (p.keys.length !== 1 || p.keys[0] !== a || p.args[1] !== a || typeof p.args[0] !== 'string') return null;
    if (p.args.length === 2) return { name: p.args[0], nargs: 1 };
    if (p.args.length === 3 && p.args[2] === b) return { name: p.args[0], nargs: 2 };
    return null;
  };
  const shapes = [probe({}, {}), probe('\u0000probe-a', '\u0000probe-b'), probe('\u0000probe-a', 42)];
  const x = shapes[0];
  if (!x || command.parseCommand.length !== x.nargs + 1) return null;
  for (const y of shapes) if (!y || y.name !== x.name || y.nargs !== x.nargs) return null;
  return x;
}

// exec's flags that name a row's command by its number (src/napi/napi_util.h
// RL_EXEC_NAME_SHIFT): the binding then puts the table's name in argv[0] instead of
// converting the one passed. Used by the fast paths, whose argv[0] is 'sent'; 0 (convert it)
// unless that is the row's own name.
const EXEC_NAME_SHIFT = 16;
const nameFlags = (row, sent) => (sent.toLowerCase() === row.name ? (row.index + 1) << EXEC_NAME_SHIFT : 0);

const COMMANDS = loadCommands();
for (const c of COMMANDS) {
  c.fast = fastShape(c.command);
  // fastShape's name for 'NAME key [arg]'; the module's name for fastArgs (argv[0] of its
  // argv: 'HSET', 'SADD'...)
  c.nameFlags = nameFlags(c.row, c.fast ? c.fast.name : c.upper);
}

// Install each command on 'proto' as `(...args) => this[executor](command, args)`, under
// both names.
function attachCommands(proto, executor) {
  for (const { upper, camel, command } of COMMANDS) {
    const fn = function (...args) {
      return this[executor](command, args);
    };
    Object.defineProperty(fn, 'name', { value: camel });
    proto[upper] = fn;
    proto[camel] = fn;
  }
}

module.exports = { COMMANDS, attachCommands, fastShape };
