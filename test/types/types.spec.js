'use strict';

// The typings (index.d.ts): tsc --strict over test/types/usage.ts, parity between the
// declared names and what is installed at run time (so the typings cannot drift), and a run
// of usage.ts's main() against the real binding (so the typed calls really work).
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..', '..');
const DTS = fs.readFileSync(path.join(ROOT, 'index.d.ts'), 'utf8');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const USAGE = path.join(__dirname, 'usage.ts');

// A method/property/getter declaration of 'name' at the start of a line: `name(`, `name<`,
// `name:`, `name?:`, `get name(`, `static name(`.
function declares(name) {
  const re = new RegExp(`^\\s*(?:(?:static|readonly|get)\\s+)*${name.replace(/[$]/g, '\\$')}\\??\\s*[(<:]`, 'm');
  return re.test(DTS);
}

// Public own names of a prototype: everything but the constructor and `_`-prefixed internals.
function publicNames(proto) {
  return Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor' && !n.startsWith('_'));
}

// The names declared in the body of `interface RedisCommandSignatures`.
function declaredCommands() {
  const start = DTS.indexOf('export interface RedisCommandSignatures');
  assert.ok(start >= 0, 'index.d.ts declares RedisCommandSignatures');
  const body = DTS.slice(DTS.indexOf('{', start) + 1, DTS.indexOf('\n}', start));
  return [...body.matchAll(/^ {2}([A-Za-z_][A-Za-z0-9_]*)\??:/gm)].map((m) => m[1]);
}

describe('typings (index.d.ts)', function () {
  this.timeout(120000);

  it('type-checks test/types/usage.ts with tsc --strict', function () {
    const r = spawnSync(process.execPath, [TSC, '-p', path.join('test', 'types', 'tsconfig.json')], {
      cwd: ROOT,
      encoding: 'utf8'
    });
    if (r.error) throw r.error;
    const output = `${r.stdout}${r.stderr}`.trim();
    assert.strictEqual(r.status, 0, `tsc exited with ${r.status}:\n${output}`);
  });

  describe('parity with the runtime', function () {
    let redlite;
    before(function () {
      redlite = require('../..');
    });

    it('declares every public method and getter of RedisClient.prototype', function () {
      const missing = publicNames(redlite.RedisClient.prototype).filter((n) => !declares(n));
      assert.deepStrictEqual(missing, [], `not declared in index.d.ts: ${missing.join(', ')}`);
    });

    it('declares every static of RedisClient', function () {
      const statics = Object.getOwnPropertyNames(redlite.RedisClient).filter(
        (n) => !['length', 'name', 'prototype'].includes(n)
      );
      const missing = statics.filter((n) => !declares(n));
      assert.deepStrictEqual(missing, [], `not declared in index.d.ts: ${missing.join(', ')}`);
    });

    it('declares every public method of the MULTI chain', function () {
      const multi = redlite.createClient({ socket: { port: 47002 } }).multi();
      const missing = publicNames(Object.getPrototypeOf(multi)).filter((n) => !declares(n));
      assert.deepStrictEqual(missing, [], `not declared in index.d.ts: ${missing.join(', ')}`);
    });

    it('declares every module export', function () {
      const missing = Object.keys(redlite).filter(
        (n) => !new RegExp(`^export declare (?:const|function|class) ${n}\\b`, 'm').test(DTS)
      );
      assert.deepStrictEqual(missing, [], `not exported by index.d.ts: ${missing.join(', ')}`);
    });

    it('BlockingCommandName lists exactly the commands client.sync lacks', function () {
      const m = DTS.match(/export type BlockingCommandName =([^;]+);/);
      assert.ok(m, 'BlockingCommandName not found');
      const declared = [...m[1].matchAll(/'(\w+)'/g)].map((x) => x[1]).sort();
      const sync = redlite.createClient({ socket: { port: 47003 } }).sync;
      const lacking = declaredCommands().filter((n) => typeof sync[n] !== 'function').sort();
      assert.deepStrictEqual(declared, lacking);
    });

    it('declares no command that the runtime lacks', function () {
      const declared = declaredCommands();
      assert.ok(declared.length > 0);
      const proto = redlite.RedisClient.prototype;
      const multiProto = Object.getPrototypeOf(redlite.createClient({ socket: { port: 47002 } }).multi());
      const absent = declared.filter((n) => typeof proto[n] !== 'function' || typeof multiProto[n] !== 'function');
      assert.deepStrictEqual(absent, [], `declared but not installed: ${absent.join(', ')}`);
    });
  });

  it('calls every declared command in usage.ts (camelCase, on the client)', function () {
    const usage = fs.readFileSync(USAGE, 'utf8');
    const uncalled = declaredCommands().filter((n) => /[a-z]/.test(n[0]) && !usage.includes(`.${n}(`));
    assert.deepStrictEqual(uncalled, [], `not called in usage.ts: ${uncalled.join(', ')}`);
  });

  it('runs usage.ts against the binding', async function () {
    const ts = require('typescript');
    const { outputText } = ts.transpileModule(fs.readFileSync(USAGE, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      fileName: USAGE
    });
    const mod = { exports: {} };
    const fn = new Function('exports', 'require', 'module', '__filename', '__dirname', outputText);
    fn(mod.exports, Module.createRequire(USAGE), mod, USAGE, __dirname);
    await mod.exports.main();
  });
});
