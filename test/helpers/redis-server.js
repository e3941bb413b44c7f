'use strict';
// Starts a real redis-server for tests: loopback only, no persistence, on a
// free port. The differential suite uses it as "the spec" (style.md §2.10).
//
// A missing redis-server is a hard failure, never a skip: a compatibility
// suite that silently does not run proves nothing.
//
// No server may outlive the test process. Three layers make sure of that:
// stop() kills and waits; a process 'exit'/signal hook kills whatever is
// left; and a tiny shell watchdog kills the server if this process dies
// without running any hook (SIGKILL, OOM killer).

const childProcess = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const SEARCH_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];
const NOT_FOUND = 'redis-server not found: install it (apt-get install -y redis-server); ' +
  'the compatibility suite cannot run without it';
const START_TIMEOUT_MS = 10000;
const PING_RETRY_MS = 25;
const STOP_TIMEOUT_MS = 5000;
const PORT_ATTEMPTS = 3;
const OUTPUT_KEEP = 8192;

const live = new Set(); // servers started and not yet stopped

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/* Path of the redis-server binary: $REDIS_SERVER, then $PATH, then the usual
 * system directories. Throws the loud NOT_FOUND error otherwise. */
function findRedisServer() {
  const explicit = process.env.REDIS_SERVER;
  if (explicit) {
    if (isExecutable(explicit)) return explicit;
    throw new Error(`${NOT_FOUND} (REDIS_SERVER=${explicit} is not executable)`);
  }
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs.concat(SEARCH_DIRS)) {
    const file = path.join(dir, 'redis-server');
    if (isExecutable(file)) return file;
  }
  throw new Error(NOT_FOUND);
}

/* A free TCP port on 127.0.0.1, found by binding port 0 and closing again. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/* Resolves true when PING on 127.0.0.1:'port' answers +PONG. */
function pingOnce(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let buf = '';
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function killQuietly(child, signal) {
  try {
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
  } catch {
    // already gone
  }
}

/* Kills every server still running; used by the exit and signal hooks. */
function killAll() {
  for (const s of live) {
    killQuietly(s.child, 'SIGKILL');
    killQuietly(s.watchdog, 'SIGKILL');
  }
  live.clear();
}

let hooksInstalled = false;
function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    const onSignal = () => {
      killAll();
      // Let the default action (or another listener) run as if we were not here.
      process.removeListener(sig, onSignal);
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

/* A shell loop that kills the server when this process disappears, and ends
 * by itself when the server does. */
function spawnWatchdog(serverPid) {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${serverPid} 2>/dev/null; ` +
    `do sleep 1; done; kill -9 ${serverPid} 2>/dev/null; exit 0`;
  const dog = childProcess.spawn('/bin/sh', ['-c', script], { stdio: 'ignore', detached: true });
  dog.on('error', () => {}); // no /bin/sh: the exit hooks still apply
  dog.unref();
  return dog;
}

async function startOnce(bin, extraArgs, dir) {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '',
    '--appendonly', 'no', '--daemonize', 'no', '--dir', dir].concat(extraArgs);
  const child = childProcess.spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d) => {
    output = (output + d.toString()).slice(-OUTPUT_KEEP);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let spawnError = null;
  child.on('error', (err) => {
    spawnError = err;
  });
  const server = { child, watchdog: null, port };
  live.add(server);
  if (child.pid) server.watchdog = spawnWatchdog(child.pid);

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (spawnError) {
      live.delete(server);
      throw new Error(`cannot spawn ${bin}: ${spawnError.message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      live.delete(server);
      killQuietly(server.watchdog, 'SIGKILL');
      const err = new Error(`redis-server exited during startup on port ${port} ` +
        `(code ${child.exitCode}, signal ${child.signalCode}):\n${output}`);
      err.portInUse = /address already in use/i.test(output);
      throw err;
    }
    if (await pingOnce(port)) break;
    if (Date.now() > deadline) {
      killQuietly(child, 'SIGKILL');
      await exited;
      live.delete(server);
      killQuietly(server.watchdog, 'SIGKILL');
      throw new Error(`redis-server on port ${port} did not answer PING within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await sleep(PING_RETRY_MS);
  }
  // The server must never keep the test process alive by itself.
  child.unref();
  child.stdout.unref();
  child.stderr.unref();

  let stopping = null;
  const stop = () => {
    if (!stopping) {
      stopping = (async () => {
        killQuietly(child, 'SIGTERM');
        const timer = setTimeout(() => killQuietly(child, 'SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
        killQuietly(server.watchdog, 'SIGKILL');
        live.delete(server);
        fs.rmSync(dir, { recursive: true, force: true });
      })();
    }
    return stopping;
  };
  return { port, url: `redis://127.0.0.1:${port}`, pid: child.pid, stop, output: () => output };
}

/**
 * Starts a private redis-server on 127.0.0.1.
 * opts.args: extra command-line arguments, e.g. ['--maxmemory', '10mb'].
 * Resolves {port, url, pid, stop(), output()}; stop() resolves once the process
 * has exited. Rejects loudly when redis-server is missing or does not start.
 */
async function startRedisServer(opts = {}) {
  const bin = findRedisServer();
  const extraArgs = (opts.args || []).map(String);
  installExitHooks();
  let lastErr;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redlite-redis-'));
    try {
      return await startOnce(bin, extraArgs, dir);
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      lastErr = err;
      if (!err.portInUse) break; // only a lost port race is worth a retry
    }
  }
  throw lastErr;
}

module.exports = { startRedisServer, findRedisServer };
