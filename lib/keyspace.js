'use strict';

// Keyspaces: one native server per address. Clients created with the same URL (host and
// port, or socket path) share one keyspace, as clients of one Redis server do; another
// address is another, isolated keyspace. A keyspace lives as long as the process (or
// worker thread), like a server's data outlives its connections.
//
// Each keyspace runs the core's background work (active expiry, rehashing, lazy free)
// from one unref'd timer while it has open clients: the timer never keeps the process
// alive, and each tick stays within CRON_BUDGET_US.
//
// Pub/sub messages (PUBLISH, keyspace notifications) wait in the core's outbox until a
// drain, scheduled as a microtask when the binding reports a non-empty outbox: a listener
// never runs inside the command that published. Each message goes to the open client with
// its id; a drain hands out at most DRAIN_ROUNDS batches (of up to DRAIN_BATCH, the
// binding's size) per keyspace before yielding to the event loop (setImmediate), so
// listeners that keep publishing cannot starve it.
const { binding, onOutboxReady } = require('./native');

const CRON_BUDGET_US = 1000;
const DRAIN_BATCH = 256; // src/napi/addon.c DRAIN_MAX
const DRAIN_ROUNDS = 16;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

const keyspaces = new Map();

class Keyspace {
  constructor(id) {
    this.id = id;
    this.server = binding.serverNew();
    this.openClients = 0;
    this.clients = new Map(); // core client id -> RedisClient, for outbox messages
    this.timer = null;
    this.tick = () => {
      this.timer = null;
      const delay = binding.cron(this.server, CRON_BUDGET_US);
      if (this.openClients > 0) this.schedule(delay);
    };
  }

  schedule(delay) {
    this.timer = setTimeout(this.tick, Math.max(1, Number(delay)));
    this.timer.unref();
  }

  // Deliver queued outbox messages (at most DRAIN_ROUNDS batches); returns true if more
  // may be waiting.
  drain() {
    for (let round = 0; round < DRAIN_ROUNDS; round++) {
      const out = binding.outboxDrain(this.server);
      for (let i = 0; i < out.length; i += 3) {
        const client = this.clients.get(out[i]);
        if (client) client._onOutboxMessage(out[i + 1], out[i + 2]);
      }
      if (out.length < 3 * DRAIN_BATCH) return false;
    }
    return true;
  }

  // A client opened: start the cron if it is the first.
  acquire() {
    if (this.openClients++ === 0 && !this.timer) this.schedule(100);
  }

  // A client closed: stop the cron with the last one.
  release() {
    if (--this.openClients === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }
}

let drainScheduled = false;

function drainAll() {
  drainScheduled = false;
  let more = false;
  for (const ks of keyspaces.values()) if (ks.drain()) more = true;
  if (more && !drainScheduled) {
    drainScheduled = true;
    setImmediate(drainAll);
  }
}

onOutboxReady(() => {
  if (drainScheduled) return;
  drainScheduled = true;
  queueMicrotask(drainAll);
});

// The keyspace id of a client's options: socket path, or normalized host:port.
function keyspaceId(socket) {
  if (socket && socket.path) return `unix:${socket.path}`;
  let host = String((socket && socket.host) || 'localhost').toLowerCase();
  if (LOCAL_HOSTS.has(host)) host = 'localhost';
  const port = (socket && socket.port) || 6379;
  return `${host}:${port}`;
}

function getKeyspace(socket) {
  const id = keyspaceId(socket);
  let ks = keyspaces.get(id);
  if (!ks) {
    ks = new Keyspace(id);
    keyspaces.set(id, ks);
  }
  return ks;
}

module.exports = { getKeyspace, keyspaceId };
