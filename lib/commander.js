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

// [{ upper, camel, command: {parseCommand, transformReply}, row }] for every callable row.
function loadCommands() {
  const out = [];
  for (const row of binding.commands()) {
    if (!row.method) continue;
    const upper = row.name.toUpperCase().replace('|', '_');
    const file = path.join(COMMANDS_DIR, `${upper}.js`);
    if (!fs.existsSync(file)) throw new Error(`redlite: no lib/commands/${upper}.js for command '${row.name}'`);
    const command = require(file);
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
