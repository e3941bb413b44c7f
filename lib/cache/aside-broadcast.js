'use strict';

// Invalidation messages between cache instances over pub/sub. Every instance publishes, on
// 'channel' through its own client, the entry keys it wrote or deleted; instances that keep
// local copies also listen, on a duplicate of the client (a subscribed connection is its
// own connection), and drop those keys from their copy. A message is the JSON text
// { from: <instance id>, keys: [...] }; an instance ignores its own messages.
//
// Delivery is at most once and asynchronous (pub/sub keeps nothing for a subscriber that
// is not connected), so local copies also carry a TTL of their own.
const crypto = require('node:crypto');

class Broadcaster {
  // 'client': the cache's connected client. 'channel': the channel name. 'onKeys(keys)':
  // called with the keys of every message from another instance, or null when listening is
  // off. 'onError(err)': receives failures of the subscription connection and bad messages.
  constructor(client, channel, onKeys, onError) {
    this.client = client;
    this.channel = channel;
    this.id = crypto.randomUUID();
    this._onKeys = onKeys;
    this._onError = onError;
    this._sub = null; // Promise of the subscribed duplicate
  }

  // Start listening (once); resolves when the subscription is active. Rejects when the
  // duplicate cannot connect or subscribe; a later call tries again.
  listen() {
    if (!this._onKeys) return Promise.resolve();
    if (!this._sub) {
      const dup = this.client.duplicate();
      dup.on('error', (err) => this._onError(err));
      this._sub = (async () => {
        await dup.connect();
        await dup.subscribe(this.channel, (message) => this._receive(message));
        return dup;
      })();
      this._sub.catch(() => {
        this._sub = null;
        if (dup.isOpen) dup.destroy();
      });
    }
    return this._sub.then(() => undefined);
  }

  _receive(message) {
    let msg;
    try {
      msg = JSON.parse(message);
    } catch (err) {
      this._onError(err);
      return;
    }
    if (!msg || msg.from === this.id || !Array.isArray(msg.keys)) return;
    this._onKeys(msg.keys);
  }

  // Publish 'keys' (an array of entry keys). Resolves the number of receivers.
  publish(keys) {
    return this.client.publish(this.channel, JSON.stringify({ from: this.id, keys }));
  }

  // Unsubscribe and close the duplicate, if one was opened. The client is the caller's.
  async close() {
    const p = this._sub;
    this._sub = null;
    if (!p) return;
    const dup = await p.catch(() => null);
    if (!dup) return;
    await dup.unsubscribe(this.channel);
    await dup.close();
  }
}

module.exports = { Broadcaster };
