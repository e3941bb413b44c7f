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
  for (const row of binding.commands()) {
    rows.set(row.name, row);
    if (!row.method) continue;
    const upper = row.name.toUpperCase().replace('|', '_');
    out.push({ upper, camel: row.method, command: loadModule(upper, row.name), row });
  }
  for (const v of binding.variants()) {
    const row = rows.get(v.name);
    if (!row) throw new Error(`redlite: variant ${v.upper} of unknown command '${v.name}'`);
    out.push({ upper: v.upper, camel: v.method, command: loadModule(v.upper, v.name), row });
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
