'use strict';

// Pub/sub on a client, as node-redis 6's PubSub (client/pub-sub.ts): per channel (and per
// pattern) a set of string listeners and a set of Buffer listeners. SUBSCRIBE is sent only
// for channels the client does not listen to yet, UNSUBSCRIBE only when the last listener
// of a channel goes. Listeners are called (message, channel) in both modes (the concrete
// channel for patterns), asynchronously: the core queues messages in its outbox and
// lib/keyspace.js drains it on a later microtask, handing each message to dispatch().
// A listener that throws is reported on the client's 'error' event.
const { binding, REPLY_BUFFERS } = require('./native');

const CHANNELS = 'CHANNELS';
const PATTERNS = 'PATTERNS';
const SHARDED = 'SHARDED';
const WIRE = {
  [CHANNELS]: { subscribe: 'subscribe', unsubscribe: 'unsubscribe' },
  [PATTERNS]: { subscribe: 'psubscribe', unsubscribe: 'punsubscribe' },
  [SHARDED]: { subscribe: 'ssubscribe', unsubscribe: 'sunsubscribe' }
};

// A client's listeners: { CHANNELS: Map, PATTERNS: Map, SHARDED: Map } of
// name -> { buffers: Set, strings: Set }.
function newListeners() {
  return { [CHANNELS]: new Map(), [PATTERNS]: new Map(), [SHARDED]: new Map() };
}

// The map key of a channel or pattern name (node-redis keys by the string form).
function nameKey(name) {
  return typeof name === 'string' ? name : String(name);
}

function toArray(channels) {
  return Array.isArray(channels) ? channels : [channels];
}

// Tell the core whether this client's messages should carry Buffers (any Buffer listener).
function updatePushFlags(client) {
  const st = client._state;
  let buffers = false;
  for (const type of [CHANNELS, PATTERNS, SHARDED]) {
    for (const sets of st.listeners[type].values()) if (sets.buffers.size) buffers = true;
  }
  if (st.handle) binding.clientSetPushFlags(st.handle, buffers ? REPLY_BUFFERS : 0);
}

// Run a (P)SUBSCRIBE / (P)UNSUBSCRIBE argv; throws the encoder's TypeError or a
// ClientClosedError, like any command.
function send(client, argv) {
  const reply = client._execRaw(argv, 0);
  if (reply instanceof Error) throw reply;
}

function subscribe(client, type, channels, listener, bufferMode) {
  const listeners = client._state.listeners[type];
  const list = toArray(channels);
  const argv = [WIRE[type].subscribe];
  for (const ch of list) if (!listeners.has(nameKey(ch))) argv.push(ch);
  if (argv.length > 1) send(client, argv);
  for (const ch of list) {
    const key = nameKey(ch);
    let sets = listeners.get(key);
    if (!sets) {
      sets = { buffers: new Set(), strings: new Set() };
      listeners.set(key, sets);
    }
    (bufferMode ? sets.buffers : sets.strings).add(listener);
  }
  if (bufferMode) updatePushFlags(client);
}

function unsubscribe(client, type, channels, listener, bufferMode) {
  const listeners = client._state.listeners[type];
  if (!channels) {
    send(client, [WIRE[type].unsubscribe]);
    listeners.clear();
    updatePushFlags(client);
    return;
  }
  const list = toArray(channels);
  if (!listener) {
    send(client, [WIRE[type].unsubscribe, ...list]);
    for (const ch of list) listeners.delete(nameKey(ch));
    updatePushFlags(client);
    return;
  }
  // Only channels left without any listener are unsubscribed on the server.
  const argv = [WIRE[type].unsubscribe];
  for (const ch of list) {
    const sets = listeners.get(nameKey(ch));
    if (sets) {
      const current = bufferMode ? sets.buffers : sets.strings;
      const other = bufferMode ? sets.strings : sets.buffers;
      const left = current.has(listener) ? current.size - 1 : current.size;
      if (left !== 0 || other.size !== 0) continue;
    }
    argv.push(ch);
  }
  if (argv.length > 1) send(client, argv);
  for (const ch of list) {
    const key = nameKey(ch);
    const sets = listeners.get(key);
    if (!sets) continue;
    (bufferMode ? sets.buffers : sets.strings).delete(listener);
    if (sets.buffers.size === 0 && sets.strings.size === 0) listeners.delete(key);
  }
  updatePushFlags(client);
}


const asBuffer = (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v));
const asString = (v) => (typeof v === 'string' ? v : v.toString());

// Deliver one message from the outbox: ['message', channel, payload],
// ['pmessage', pattern, channel, payload] or ['smessage', channel, payload] (strings, or
// Buffers when the client has Buffer listeners).
// extendPubSubChannelListeners(type, channel, { buffers, strings }) and
// extendPubSubListeners(type, Map of those), as node-redis (used to move listeners from one
// client to another): the sets are merged into this client's, and channels it did not
// listen to yet are subscribed.
function extendListeners(client, type, entries) {
  const listeners = client._state.listeners[type];
  const argv = [WIRE[type].subscribe];
  for (const [channel, sets] of entries) {
    const key = nameKey(channel);
    let mine = listeners.get(key);
    if (!mine) argv.push(channel);
    if (!mine) {
      mine = { buffers: new Set(), strings: new Set() };
      listeners.set(key, mine);
    }
    for (const l of sets.buffers) mine.buffers.add(l);
    for (const l of sets.strings) mine.strings.add(l);
  }
  if (argv.length > 1) send(client, argv);
  updatePushFlags(client);
}

// Buffer listeners first, then string listeners, as node-redis calls them. A listener that
// throws ends this message's delivery (node-redis's decoder drops the rest of what it was
// reading) and the error is emitted on the client.
function dispatch(client, msg) {
  const isPattern = msg.length === 4;
  const channel = msg[isPattern ? 2 : 1];
  const message = msg[isPattern ? 3 : 2];
  const type = isPattern ? PATTERNS : asString(msg[0]) === 'smessage' ? SHARDED : CHANNELS;
  const sets = client._state.listeners[type].get(asString(msg[1]));
  if (!sets) return;
  try {
    if (sets.buffers.size) {
      const m = asBuffer(message);
      const c = asBuffer(channel);
      for (const l of sets.buffers) l(m, c);
    }
    if (sets.strings.size) {
      const m = asString(message);
      const c = asString(channel);
      for (const l of sets.strings) l(m, c);
    }
  } catch (err) {
    client.emit('error', err);
  }
}

// The client methods: subscribe(channels, listener, bufferMode), unsubscribe(channels?,
// listener?, bufferMode?), pSubscribe, pUnsubscribe, sSubscribe, sUnsubscribe (and their
// UPPERCASE names), all
// resolving undefined; isPubSubActive; getPubSubListeners(type).
function attachPubSub(proto) {
  const methods = {
    subscribe: [subscribe, CHANNELS],
    unsubscribe: [unsubscribe, CHANNELS],
    pSubscribe: [subscribe, PATTERNS],
    pUnsubscribe: [unsubscribe, PATTERNS],
    sSubscribe: [subscribe, SHARDED],
    sUnsubscribe: [unsubscribe, SHARDED]
  };
  for (const [name, [fn, type]] of Object.entries(methods)) {
    const method = function (channels, listener, bufferMode) {
      try {
        fn(this, type, channels, listener, bufferMode);
      } catch (err) {
        return Promise.reject(err);
      }
      return Promise.resolve(undefined);
    };
    Object.defineProperty(method, 'name', { value: name });
    proto[name] = method;
    proto[name.toUpperCase()] = method;
  }
  Object.defineProperty(proto, 'isPubSubActive', {
    get() {
      const l = this._state.listeners;
      return l[CHANNELS].size !== 0 || l[PATTERNS].size !== 0 || l[SHARDED].size !== 0;
    },
    configurable: true
  });
  proto.getPubSubListeners = function (type) {
    return this._state.listeners[type];
  };
  proto.extendPubSubChannelListeners = function (type, channel, listeners) {
    try {
      extendListeners(this, type, [[channel, listeners]]);
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.resolve(undefined);
  };
  proto.extendPubSubListeners = function (type, listeners) {
    try {
      extendListeners(this, type, listeners);
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.resolve(undefined);
  };
}

module.exports = { attachPubSub, dispatch, newListeners };
