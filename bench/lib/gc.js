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

const gc = getGc();

// How long V8 keeps working after a full collection of a big heap. After a gc() of the
// collections bench's heap (ioredis-mock's data: ~100 MB), redlite's next 200k awaited
// ZRANGE calls ran at 0.9M/s when timed at once and 1.45M/s when timed 500 ms later (the
// first ~100 ms of calls ran at a third of the speed): concurrent sweeping and the
// rebuilding of the young generation land on the run that follows, whichever peer it is.
const SETTLE_MS = 500;

// A full collection, then SETTLE_MS of idle event loop: each timed run starts from the same
// state, with no garbage and no collector work left from the run before it.
async function gcSettled() {
  gc();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

module.exports = { gc, gcSettled, watchGc, SETTLE_MS };
