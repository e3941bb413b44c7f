'use strict';
// A callable gc(): global.gc under --expose-gc, otherwise enabled at run time
// through V8's flag API (the flag only has to be set before the context asks for it).
const { PerformanceObserver } = require('node:perf_hooks');
const v8 = require('node:v8');
const vm = require('node:vm');

function getGc() {
  if (typeof global.gc === 'function') return global.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

// Collects V8 GC pauses as [start, end] in performance.now() ms until stop().
function watchGc() {
  const pauses = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push([e.startTime, e.startTime + e.duration]);
  });
  obs.observe({ entryTypes: ['gc'] });
  return { pauses, stop: () => obs.disconnect() };
}

module.exports = { gc: getGc(), watchGc };
