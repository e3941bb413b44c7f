'use strict';

// Blocking commands (BLPOP, BRPOP, BLMOVE, BRPOPLPUSH, BLMPOP, BZPOPMIN, BZPOPMAX, BZMPOP)
// on a client. When the core blocks the client, exec returns BLOCKED and the call's
// promise waits: the reply comes later as an outbox message (served by another client's
// write, or timed out). As on a Redis connection, commands the client issues meanwhile
// wait their turn and run, in order, once it is unblocked. A timeout > 0 is one timer
// that ends the wait with CLIENT UNBLOCK <id> TIMEOUT; timeout 0 holds no timer at all.
const { binding } = require('./native');
const { SimpleError, DisconnectsClientError } = require('./errors');

// setTimeout's longest delay; longer waits are as good as forever.
const MAX_TIMER_MS = 2147483647;

// The pending reply of the client's blocked command, transformed with 'transform'.
function waitBlocked(client, transform) {
  const st = client._state;
  const timeout = binding.clientBlockedTimeout(st.handle);
  return new Promise((resolve, reject) => {
    const blocked = { resolve, reject, transform, timer: null };
    if (timeout > 0 && timeout <= MAX_TIMER_MS) {
      blocked.timer = setTimeout(() => {
        if (st.blocked === blocked && st.handle) {
          binding.exec(st.handle, 0, 'CLIENT', 'UNBLOCK', String(st.id), 'TIMEOUT');
        }
      }, timeout);
    }
    st.blocked = blocked;
  });
}

// Run 'run' (which returns a promise) once the client is no longer blocked.
function deferWhileBlocked(client, run) {
  return new Promise((resolve, reject) => {
    client._state.waiting.push({ run, resolve, reject });
  });
}

// Run the calls that waited behind a blocked command, until one blocks again.
function runWaiting(client) {
  const st = client._state;
  while (!st.blocked && st.waiting.length) {
    const w = st.waiting.shift();
    w.resolve(w.run());
  }
}

// The blocked command's reply arrived (outbox message RL_OUT_REPLY).
function onBlockedReply(client, value) {
  const st = client._state;
  const b = st.blocked;
  if (!b) return;
  st.blocked = null;
  if (b.timer) clearTimeout(b.timer);
  if (value instanceof SimpleError) {
    b.reject(value);
  } else {
    try {
      b.resolve(b.transform ? b.transform(value) : value);
    } catch (err) {
      b.reject(err);
    }
  }
  runWaiting(client);
}

// The client is closing: the blocked command and everything behind it reject.
function releaseBlocked(client) {
  const st = client._state;
  const b = st.blocked;
  st.blocked = null;
  if (b) {
    if (b.timer) clearTimeout(b.timer);
    b.reject(new DisconnectsClientError());
  }
  const waiting = st.waiting;
  st.waiting = [];
  for (const w of waiting) w.reject(new DisconnectsClientError());
}

module.exports = { waitBlocked, deferWhileBlocked, onBlockedReply, releaseBlocked };
