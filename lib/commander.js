'use strict';

// Builds the command methods from the core's command table (binding.commands()): for each
// row, the UPPERCASE name (wire name uppercased, '|' -> '_') and node-redis's camelCase
// method, shaped by lib/commands/<UPPER>.js when it exists, as node-redis's attachConfig
// does. Rows with an empty method name are client-level (SELECT, MULTI...) and written by
// hand in client.js.
const fs = require('fs');
const path = require('path');
const { binding } = require('./native');

const COMMANDS_DIR = path.join(__dirname, 'commands');

// A generic command shape for rows without a module: every argument is pushed as given,
// a variadic last argument may be an array.
function genericCommand(row) {
  const fixed = row.arity > 0 ? row.arity - 1 : -row.arity - 2;
  const words = row.name.toUpperCase().split('|');
  return {
    parseCommand(parser, ...args) {
      parser.push(...words.slice(0, 1));
      const rest = words.slice(1);
      const all = args.slice(0, Math.max(0, fixed - rest.length));
      parser.push(...rest, ...all);
      if (row.arity < 0) {
        const v = args[fixed - rest.length];
        if (v !== undefined) parser.pushVariadic(v);
      }
    },
    transformReply: undefined
  };
}

// [{ upper, camel, command: {parseCommand, transformReply}, row }] for every callable row.
function loadCommands() {
  const out = [];
  for (const row of binding.commands()) {
    if (!row.method) continue;
    const upper = row.name.toUpperCase().replace('|', '_');
    const file = path.join(COMMANDS_DIR, `${upper}.js`);
    const command = fs.existsSync(file) ? require(file) : genericCommand(row);
    out.push({ upper, camel: row.method, command, row });
  }
  return out;
}

const COMMANDS = loadCommands();

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

module.exports = { COMMANDS, attachCommands };
