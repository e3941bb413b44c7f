'use strict';

// Cached responses for the route cache: which responses may be stored, what of them is
// stored, how an entry is laid out as bytes in Redis, and how it is replayed.
//
// An entry is one Redis string, binary-safe, written as a Buffer and read through the
// client's Buffer type mapping (no base64, no UTF-8 round trip):
//
//   'RLC1' | uint32 BE length of the head | head (JSON, UTF-8) | body (raw bytes)
//
// head of a response entry: { v: 1, kind: 'entry', key, vary, status, headers, began,
// created, fresh, tags }: 'key' the key part it was made for and 'vary' the request header values
// it was made for (both checked on every read, so an entry found under a colliding or
// tampered key is never served to the wrong request), 'headers' the stored response
// headers (lower-case names, getHeaders() values), 'began'/'created'/'fresh' epoch ms
// (the route began, ended; fresh until), 'tags' its tags.
// head of a Vary marker, stored at the key part's own key when the response varies:
// { v: 1, kind: 'vary', vary: [header names] }: the entries live at variant keys.
const etag = require('etag');
const fresh = require('fresh');

const MAGIC = Buffer.from('RLC1', 'latin1');
const HEAD_OFFSET = MAGIC.length + 4;
const VERSION = 1;

// Never stored: hop-by-hop headers (RFC 9110 7.6.1), per-response ones and our own.
const NOT_STORED = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection',
  'te', 'trailer', 'transfer-encoding', 'upgrade', 'set-cookie', 'date', 'content-length',
  'age', 'x-cache'
]);

// Statuses that have no body (RFC 9110 6.4.1): no Content-Length, nothing sent.
const NO_BODY = new Set([204, 304]);

// The directive names of a Cache-Control value (string or array), lower-cased.
function directives(value) {
  const names = new Set();
  if (value === undefined || value === null) return names;
  for (const part of [].concat(value).join(',').split(',')) {
    const name = part.split('=')[0].trim().toLowerCase();
    if (name) names.add(name);
  }
  return names;
}

// The header names a Vary value (string or array) lists, lower-cased, sorted and unique;
// [] when there is no Vary, null for 'Vary: *' (never cacheable).
function varyNames(value) {
  if (value === undefined || value === null) return [];
  const names = new Set();
  for (const part of [].concat(value).join(',').split(',')) {
    const name = part.trim().toLowerCase();
    if (name === '*') return null;
    if (name) names.add(name);
  }
  return [...names].sort();
}

// A request header's value as it is compared for Vary: a string, or null when absent.
function headerValue(headers, name) {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

// Why the response with 'status' and 'headers' (getHeaders() shape) may not be stored,
// or null when it may: a status outside 'statuses', Set-Cookie, Cache-Control no-store /
// private / no-cache, or Vary: *.
function unstorableReason(status, headers, statuses) {
  if (!statuses.includes(status)) return 'status';
  if (headers['set-cookie'] !== undefined) return 'set-cookie';
  const cc = directives(headers['cache-control']);
  if (cc.has('no-store') || cc.has('private') || cc.has('no-cache')) return 'cache-control';
  if (varyNames(headers.vary) === null) return 'vary';
  return null;
}

// The headers of a captured response that are stored: all but NOT_STORED, plus the
// 'cacheControl' default when the route set no Cache-Control, plus an ETag computed from
// 'body' (weak, as express computes them) when the route set none.
function storedHeaders(headers, body, cacheControl) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!NOT_STORED.has(name) && value !== undefined) out[name] = value;
  }
  if (out['cache-control'] === undefined && cacheControl) out['cache-control'] = cacheControl;
  if (out.etag === undefined) out.etag = etag(body, { weak: true });
  return out;
}

// 'head' (a JSON-able object) and 'body' (a Buffer) framed as one Buffer.
function encode(head, body) {
  const json = Buffer.from(JSON.stringify(head), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length, 0);
  return Buffer.concat([MAGIC, len, json, body || Buffer.alloc(0)]);
}

// The { ...head, body } framed in 'buf', or null for anything else (null, a string, bytes
// not written by encode(), another version): a malformed value reads as a miss.
function decode(buf) {
  if (!Buffer.isBuffer(buf) || buf.length < HEAD_OFFSET) return null;
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const len = buf.readUInt32BE(MAGIC.length);
  if (HEAD_OFFSET + len > buf.length) return null;
  let head;
  try {
    head = JSON.parse(buf.toString('utf8', HEAD_OFFSET, HEAD_OFFSET + len));
  } catch {
    return null;
  }
  if (!head || head.v !== VERSION) return null;
  if (head.kind === 'vary' && Array.isArray(head.vary)) return { kind: 'vary', vary: head.vary.map(String) };
  if (head.kind !== 'entry' || !Number.isInteger(head.status) || !head.headers ||
      typeof head.headers !== 'object' || typeof head.fresh !== 'number' || typeof head.began !== 'number' ||
      typeof head.created !== 'number') return null;
  return { ...head, body: buf.subarray(HEAD_OFFSET + len) };
}

// A response entry (what encodeEntry stores and decode returns).
function makeEntry({ key, vary, status, headers, body, began, created, fresh: freshUntil, tags }) {
  return { v: VERSION, kind: 'entry', key, vary, status, headers, began, created, fresh: freshUntil, tags, body };
}

function encodeEntry(entry) {
  const { body, ...head } = entry;
  return encode(head, body);
}

function encodeMarker(names) {
  return encode({ v: VERSION, kind: 'vary', vary: names }, null);
}

// Whether 'entry' was made for the key part 'key' and for the values that the request
// 'headers' have for every header the entry varies on.
function entryMatches(entry, key, headers) {
  if (!entry || entry.key !== key) return false;
  const vary = entry.vary || {};
  for (const name of Object.keys(vary)) {
    if (headerValue(headers, name) !== vary[name]) return false;
  }
  return true;
}

// Send 'entry' ({ status, headers, body }) on 'res': the stored headers over those already
// set, X-Cache: 'xcache', then the body (none for HEAD). A 2xx answer to a GET or HEAD whose
// validators match (If-None-Match / If-Modified-Since, judged by fresh()) gets 304 Not
// Modified without a body instead. Returns false (and sends nothing) if 'res' already sent
// its headers.
function sendEntry(res, entry, { method, reqHeaders, xcache }) {
  if (res.headersSent) return false;
  for (const [name, value] of Object.entries(entry.headers)) res.setHeader(name, value);
  if (xcache) res.setHeader('X-Cache', xcache);
  const ok = entry.status >= 200 && entry.status < 300;
  if (ok && (method === 'GET' || method === 'HEAD') &&
      fresh(reqHeaders, { etag: entry.headers.etag, 'last-modified': entry.headers['last-modified'] })) {
    res.statusCode = 304;
    for (const name of ['content-type', 'content-length', 'transfer-encoding']) res.removeHeader(name);
    res.end();
    return true;
  }
  res.statusCode = entry.status;
  if (NO_BODY.has(entry.status)) {
    res.end();
    return true;
  }
  res.setHeader('Content-Length', entry.body.length);
  if (method === 'HEAD') res.end();
  else res.end(entry.body);
  return true;
}

module.exports = {
  NOT_STORED, directives, varyNames, headerValue, unstorableReason, storedHeaders,
  makeEntry, encodeEntry, encodeMarker, decode, entryMatches, sendEntry
};
