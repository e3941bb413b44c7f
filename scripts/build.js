'use strict';
// Builds the addon with node-gyp. node-gyp normally downloads Node's headers; when the running
// Node ships its own headers (include/node/common.gypi beside the binary, as the official
// tarballs and the distribution packages do) we point node-gyp at them so the build works offline.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const prefix = path.resolve(path.dirname(process.execPath), '..');
const args = ['rebuild'];
if (!process.env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi'))) {
  args.push('--nodedir=' + prefix);
}

let cmd = 'node-gyp';
let cmdArgs = args;
const bundled = process.env.npm_config_node_gyp ||
  path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
if (fs.existsSync(bundled)) {
  cmd = process.execPath;
  cmdArgs = [bundled, ...args];
}
const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: path.join(__dirname, '..') });
if (r.error) {
  console.error('redlite: could not run node-gyp:', r.error.message);
  process.exit(1);
}
process.exit(r.status === null ? 1 : r.status);
