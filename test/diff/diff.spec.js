'use strict';
// Differential compatibility suite: every scenario in test/diff/cases/ and a
// seeded random command stream run through the real `redis` client against a
// real redis-server ("real") and through redlite's createClient ("lite"); the
// transcripts must be identical (style.md §0 rule 6: the real thing is the spec).
//
// Environment:
//   REDLITE_DIFF_AGAINST=redis  the lite side is a second real redis-server
//                               (validates the suite itself; should always pass)
//   REDLITE_DIFF_SEED=<n>       seed of the random stream (default below)
//   REDLITE_DIFF_STREAM=<n>     number of stream commands
//   REDLITE_DIFF_DUMP=1         print the real side's transcript of each scenario
//   REDLITE_DIFF_TRACE=1        print every stream command and its outcome
//   REDLITE_DIFF_STRICT=1       also fail on steps marked as upstream quirks that
//                               redlite may deliberately not copy (REFERENCE.md §19)

const fs = require('node:fs');
const path = require('node:path');
const { createClient } = require('redis');
const { startRedisServer } = require('../helpers/redis-server.js');
const { runScenario } = require('./harness.js');
const { runStream, DEFAULT_SEED, DEFAULT_LENGTH } = require('./stream.js');

const AGAINST = process.env.REDLITE_DIFF_AGAINST || '';
const LITE_URL = 'redis://diff-suite.redlite:6379';
const DUMP = Boolean(process.env.REDLITE_DIFF_DUMP);
const STRICT = Boolean(process.env.REDLITE_DIFF_STRICT);
const CASES_DIR = path.join(__dirname, 'cases');
const CLOSE_TIMEOUT_MS = 3000;

function loadCases() {
  return fs.readdirSync(CASES_DIR).filter((f) => f.endsWith('.js')).sort()
    .map((f) => require(path.join(CASES_DIR, f)));
}

/* Connects 'client', remembering its 'error' events (a socket error on either
 * side must not crash the run; it will show up as failed calls). */
async function connect(client, label, errors) {
  client.on('error', (err) => errors.push(`${label}: ${err && err.message}`));
  await client.connect();
  return client;
}

/* close() waits for pending replies; a side that never answers must not
 * hang the run, so fall back to destroy() after a while. */
async function closeQuietly(client) {
  if (!client || !client.isOpen) return;
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
  });
  try {
    await Promise.race([client.close(), timeout]);
  } catch {
    // fall through to destroy
  } finally {
    clearTimeout(timer);
  }
  if (client.isOpen) client.destroy();
}

describe(`differential: redis-server vs ${AGAINST === 'redis' ? 'redis-server (self-check)' : 'redlite'}`, function () {
  const servers = [];
  const errors = [];
  const sides = { real: null, lite: null };

  before(async function () {
    this.timeout(30000);
    const realServer = await startRedisServer();
    servers.push(realServer);
    sides.real = await connect(createClient({ url: realServer.url }), 'real', errors);
    if (AGAINST === 'redis') {
      const second = await startRedisServer();
      servers.push(second);
      sides.lite = await connect(createClient({ url: second.url }), 'lite', errors);
    } else if (AGAINST === '') {
      const redlite = require('../../index.js');
      sides.lite = await connect(redlite.createClient({ url: LITE_URL }), 'lite', errors);
    } else {
      throw new Error(`REDLITE_DIFF_AGAINST=${AGAINST}: the only accepted value is 'redis'`);
    }
  });

  after(async function () {
    this.timeout(20000);
    await closeQuietly(sides.real);
    await closeQuietly(sides.lite);
    await Promise.all(servers.map((s) => s.stop()));
    if (errors.length) console.warn(`client 'error' events during the run:\n  ${errors.join('\n  ')}`);
  });

  for (const group of loadCases()) {
    describe(group.group, function () {
      for (const { name, fn } of group.scenarios) {
        it(name, async function () {
          await runScenario(fn, sides.real, sides.lite, { dump: DUMP, strict: STRICT });
        });
      }
    });
  }

  describe('random command stream', function () {
    const seed = process.env.REDLITE_DIFF_SEED !== undefined
      ? Number(process.env.REDLITE_DIFF_SEED) : DEFAULT_SEED;
    const length = process.env.REDLITE_DIFF_STREAM !== undefined
      ? Number(process.env.REDLITE_DIFF_STREAM) : DEFAULT_LENGTH;

    it(`agrees on ${length} seeded random commands (seed ${seed})`, async function () {
      this.timeout(Math.max(120000, length * 5)); // long streams (REDLITE_DIFF_STREAM) get ~5 ms a command
      const summary = await runStream(sides.real, sides.lite, { seed, length });
      if (DUMP) console.log(`    stream summary: ${JSON.stringify(summary)}`);
    });
  });
});
