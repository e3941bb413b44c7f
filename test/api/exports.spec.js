'use strict';

// Every CommonJS export of the package's entry points is also a named ESM export (Node's
// export detection only reads plain `name` / `name: identifier` entries).
const assert = require('node:assert');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

function esmNames(file) {
  const url = JSON.stringify(require('node:url').pathToFileURL(file).href);
  const out = execFileSync(process.execPath, ['--input-type=module', '-e',
    `const m = await import(${url}); console.log(JSON.stringify(Object.keys(m)))`], { encoding: 'utf8' });
  return JSON.parse(out).filter((n) => n !== 'default').sort();
}

describe('package exports', () => {
  for (const entry of ['index.js', 'session.js']) {
    it(`${entry}: every export can be imported by name from ESM`, function () {
      this.timeout(20000);
      const file = path.join(__dirname, '..', '..', entry);
      assert.deepStrictEqual(esmNames(file), Object.keys(require(file)).sort());
    });
  }
});
