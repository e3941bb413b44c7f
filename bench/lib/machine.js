'use strict';
// What a results file records about the machine and the peers' versions.
const childProcess = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { findRedisServer } = require('../../test/helpers/redis-server');

// The version of an installed npm package, or null.
function pkgVersion(name) {
  try {
    const file = path.join(__dirname, '..', '..', 'node_modules', name, 'package.json');
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch {
    return null;
  }
}

// null when redis-server can be found (as test/helpers/redis-server.js looks for it), else
// the reason it cannot: the line a script prints when it skips what needs the server.
function redisServerMissing() {
  try {
    findRedisServer();
    return null;
  } catch (err) {
    return err.message;
  }
}

// { node, cpu, cpus, redisServer, packages: { name: version } } for the npm packages 'names';
// redisServer is null (and redisServerError says why) when none is installed.
function machine(names) {
  const info = { node: process.version, cpu: os.cpus()[0].model, cpus: os.cpus().length, redisServer: null };
  const missing = redisServerMissing();
  if (missing) {
    info.redisServerError = missing;
  } else {
    const version = childProcess.execFileSync(findRedisServer(), ['--version']).toString().trim();
    info.redisServer = (version.match(/v=(\S+)/) || [])[1] || version;
  }
  info.packages = Object.fromEntries(names.map((p) => [p, pkgVersion(p)]));
  return info;
}

// MemAvailable of /proc/meminfo in bytes, or null where it cannot be read.
function memAvailable() {
  try {
    const m = fs.readFileSync('/proc/meminfo', 'utf8').match(/^MemAvailable:\s+(\d+) kB/m);
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

// Writes a bench's results 'out' to 'file' unless 'partial' (a run of some subjects only,
// which must not replace a full run's file), then prints them as one JSON line.
function writeResults(out, file, partial) {
  if (!partial) {
    fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  } else {
    console.log(`\nnot written to ${path.relative(process.cwd(), file)} (--only)`);
  }
  console.log(JSON.stringify(out));
}

module.exports = { machine, redisServerMissing, pkgVersion, memAvailable, writeResults };
