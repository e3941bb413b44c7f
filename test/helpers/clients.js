'use strict';
// Clients opened by a test and closed after it: call inside a describe(). Returns
// open(options), which creates and connects a redlite client and registers it to be closed
// (if still open) after each test.
const { createClient } = require('../..');

function openedClients() {
  const clients = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) if (c.isOpen) await c.close();
  });
  return async (options) => {
    const c = createClient(options);
    clients.push(c);
    await c.connect();
    return c;
  };
}

module.exports = { openedClients };
