'use strict';
// A callable gc(): global.gc under --expose-gc, otherwise enabled at run time
// through V8's flag API (the flag only has to be set before the context asks for it).
const v8 = require('node:v8');
const vm = require('node:vm');

function getGc() {
  if (typeof global.gc === 'function') return global.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

module.exports = { gc: getGc() };
