'use strict';

// Keyspaces: one native server per address. Clients created with the same URL (host and
// port, or socket path) share one keyspace, as clients of one Redis server do; another
// address is another, isolated keyspace. A keyspace lives as long as the process (or
// worker thread), like a server's data outlives its connections.
//
// Each keyspace runs the core's background work (active expiry, rehashing, lazy free)
// from one unref'd timer while it has open clients: the timer never keeps the process
// alive, and each tick stays within CRON_BUDGET_US.
const { binding } = require('./native');

const CRON_BUDGET_US = 1000;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

const keyspaces = new Map();

class Keyspace {
  constructor(id) {
    this.id = id;
    this.server = binding.serverNew();
    this.openClients = 0;
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
