'use strict';
// What a results file records about the machine and the peers' versions.
const childProcess = require('node:child_process');
const os = require('node:os');
const { findRedisServer } = require('../../test/helpers/redis-server');
const { pkgVersion } = require('./peers');

// { node, cpu, cpus, redisServer, packages: { name: version } } for the npm packages 'names'.
function machine(names) {
  const version = childProcess.execFileSync(findRedisServer(), ['--version']).toString().trim();
  return {
    node: process.version,
    cpu: os.cpus()[0].model,
    cpus: os.cpus().length,
    redisServer: (version.match(/v=(\S+)/) || [])[1] || version,
    packages: Object.fromEntries(names.map((p) => [p, pkgVersion(p)]))
  };
}

module.exports = { machine };
