'use strict';

// Response capture for the route cache. Every way express (or plain Node) answers goes
// through res.writeHead, res.write and res.end (res.send and res.json end in res.end;
// streams, res.sendFile and hand-written responses in write/end; the implicit head of a
// first write is this.writeHead(this.statusCode)), so capture() wraps those three and
// holds the response back instead of sending it.
const { Buffer } = require('node:buffer');

// Take over 'res' until the route ends its response:
// - At the head (an explicit writeHead, or the implicit one of the first write/end),
//   headers passed to writeHead are set on 'res' and decide(statusCode, res.getHeaders())
//   is asked whether to hold the response: true holds (buffers) the body; false gives the
//   response back to the original methods and it streams through untouched.
// - A held body that grows past 'maxSize' bytes is flushed and streamed through as well
//   (a Content-Length over maxSize is caught by decide).
// - At res.end, the original methods are put back and done() is called exactly once:
//   done({ status, headers, body }) for a held response, which done must send itself
//   (nothing has gone out yet), or done(null) after a streamed-through response ended.
// If the route never ends its response, done is never called.
function capture(res, { decide, maxSize, done }) {
  const orig = { writeHead: res.writeHead, write: res.write, end: res.end };
  let mode = 'head'; // 'head' -> 'hold' | 'stream' -> 'done'
  let status = 200;
  let reason;
  let chunks = [];
  let size = 0;

  function restore() {
    if (res.writeHead === writeHead) res.writeHead = orig.writeHead;
    if (res.write === write) res.write = orig.write;
    if (res.end === end) res.end = orig.end;
  }

  // Send the head and the held chunks through the original methods; returns the last
  // write's result (backpressure).
  function streamThrough() {
    mode = 'stream';
    orig.writeHead.call(res, status, reason);
    let ok = true;
    for (const chunk of chunks) ok = orig.write.call(res, chunk);
    chunks = [];
    return ok;
  }

  // Hold 'chunk' (a copy: the caller may reuse its buffer once write returns). Returns
  // false when it is not string/Buffer/Uint8Array: the caller streams through and lets
  // Node reject it with its own error.
  function hold(chunk, encoding) {
    let buf;
    if (typeof chunk === 'string') buf = Buffer.from(chunk, encoding || 'utf8');
    else if (chunk instanceof Uint8Array) buf = Buffer.from(chunk);
    else return false;
    chunks.push(buf);
    size += buf.length;
    return true;
  }

  function writeHead(code, reasonOrHeaders, maybeHeaders) {
    if (mode !== 'head') return orig.writeHead.apply(res, arguments);
    let headers = maybeHeaders;
    if (typeof reasonOrHeaders === 'string') reason = reasonOrHeaders;
    else headers = reasonOrHeaders;
    setHeaders(res, headers);
    status = code;
    res.statusCode = code;
    if (decide(code, res.getHeaders())) mode = 'hold';
    else streamThrough();
    return res;
  }

  function write(chunk, encoding, cb) {
    if (mode === 'head') writeHead(res.statusCode);
    if (mode !== 'hold') return orig.write.apply(res, arguments);
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (!hold(chunk, encoding)) {
      streamThrough();
      return orig.write.apply(res, arguments);
    }
    if (size > maxSize) {
      const ok = streamThrough();
      if (cb) process.nextTick(cb);
      return ok;
    }
    if (cb) process.nextTick(cb);
    return true;
  }

  function end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
      encoding = undefined;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (mode === 'head') writeHead(res.statusCode);
    if (mode === 'hold' && chunk !== undefined && chunk !== null) {
      if (!hold(chunk, encoding)) streamThrough();
      else if (size > maxSize) {
        streamThrough();
        chunk = undefined;
      }
    }
    if (mode === 'hold') {
      mode = 'done';
      restore();
      if (cb) res.once('finish', cb);
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      chunks = [];
      done({ status, headers: res.getHeaders(), body });
      return res;
    }
    if (mode === 'stream') {
      mode = 'done';
      restore();
      const ret = orig.end.call(res, chunk, encoding, cb);
      done(null);
      return ret;
    }
    return orig.end.apply(res, arguments);
  }

  res.writeHead = writeHead;
  res.write = write;
  res.end = end;
}

// Set the headers given to writeHead ({ name: value } or Node's flat [name, value, ...]
// array) on 'res', as Node would have merged them.
function setHeaders(res, headers) {
  if (!headers) return;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) res.appendHeader(headers[i], headers[i + 1]);
    return;
  }
  for (const name of Object.keys(headers)) {
    if (headers[name] !== undefined) res.setHeader(name, headers[name]);
  }
}

module.exports = { capture };
