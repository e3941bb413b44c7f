'use strict';

// The layering rules: the core includes no Node header; binding.gyp builds exactly the C
// files of src/; the core builds with -Wall -Wextra clean (checked by make test-core).
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', '..');

function cFiles(dir) {
  return fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.c')).map((f) => `${dir}/${f}`);
}

describe('layers', () => {
  it('src/core uses no Node-API', () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'src/core'))) {
      const text = fs.readFileSync(path.join(ROOT, 'src/core', f), 'utf8');
      assert.ok(!/node_api\.h|napi_/.test(text), `src/core/${f} mentions Node-API`);
    }
  });

  it('binding.gyp compiles exactly the C sources of src/core and src/napi', () => {
    const gyp = JSON.parse(fs.readFileSync(path.join(ROOT, 'binding.gyp'), 'utf8'));
    const sources = gyp.targets[0].sources.slice().sort();
    const expected = [...cFiles('src/core'), ...cFiles('src/napi')].sort();
    assert.deepStrictEqual(sources, expected);
  });

  it('src/napi holds no command names', () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'src/napi'))) {
      const text = fs.readFileSync(path.join(ROOT, 'src/napi', f), 'utf8');
      assert.ok(!/"(get|set|del|expire|incr)"/i.test(text), `src/napi/${f} names a command`);
    }
  });
});
