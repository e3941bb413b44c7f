'use strict';

// Background refresh for stale-while-revalidate: the stale copy has already answered the
// client, so the route runs again on a copy of the request, dispatched through the
// express application from the top (every middleware sees it, as a new request), with a
// response object that is never attached to a socket: nothing it writes goes anywhere.
// The copy carries REFRESH, set to what redispatch() was given, so the cache middleware
// instance that asked for the refresh recognizes it (and every other instance lets it
// through untouched).
const http = require('node:http');

const REFRESH = Symbol('redlite.cache.refresh');

// Request headers left out of the copy: its answer must be the full response.
const DROPPED = new Set(['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since',
  'if-range', 'range', 'cache-control', 'pragma', 'content-length', 'transfer-encoding']);

// The top express application that handled 'req', or null when 'req' did not come
// through express (then there is nothing to dispatch a copy through).
function rootApp(req) {
  let app = req.app;
  if (!app || typeof app.handle !== 'function') return null;
  while (app.parent && typeof app.parent.handle === 'function') app = app.parent;
  return app;
}

// A GET for req.originalUrl with req's headers (but DROPPED) and an empty body. Its socket
// is a detached stand-in that reports req's addresses (req.ip, req.protocol keep working)
// and is already destroyed, so nothing done to the copy can touch req's connection.
function copyRequest(req) {
  const src = req.socket || {};
  const socket = {
    remoteAddress: src.remoteAddress,
    remotePort: src.remotePort,
    remoteFamily: src.remoteFamily,
    localAddress: src.localAddress,
    localPort: src.localPort,
    encrypted: src.encrypted,
    readable: false,
    writable: false,
    destroyed: true,
    destroy() {},
    on() {
      return this;
    },
    once() {
      return this;
    },
    removeListener() {
      return this;
    }
  };
  const copy = new http.IncomingMessage(socket);
  copy.method = 'GET';
  copy.url = req.originalUrl || req.url;
  copy.httpVersionMajor = req.httpVersionMajor || 1;
  copy.httpVersionMinor = req.httpVersionMinor || 1;
  copy.httpVersion = `${copy.httpVersionMajor}.${copy.httpVersionMinor}`;
  const headers = {};
  const rawHeaders = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (DROPPED.has(name)) continue;
    headers[name] = value;
    for (const v of [].concat(value)) rawHeaders.push(name, v);
  }
  copy.headers = headers;
  copy.rawHeaders = rawHeaders;
  copy.complete = true;
  copy.push(null);
  return copy;
}

// Dispatch a copy of 'req' through its express application, with copy[REFRESH] = 'mark'.
// 'onUnhandled(err)' is called if the application's stack ends without the copy being
// answered, or with an error. Returns false (and does nothing) when 'req' did not come
// through express.
function redispatch(req, mark, onUnhandled) {
  const app = rootApp(req);
  if (!app) return false;
  const copy = copyRequest(req);
  copy[REFRESH] = mark;
  const res = new http.ServerResponse(copy);
  try {
    app.handle(copy, res, (err) => onUnhandled(err || null));
  } catch (err) {
    onUnhandled(err);
  }
  return true;
}

module.exports = { REFRESH, rootApp, redispatch };
