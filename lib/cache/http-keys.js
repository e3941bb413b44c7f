'use strict';

// Redis key names of the route cache and the request checks that decide whether a request
// may use it. Under the 'prefix':
//   <prefix><key part>                    the entry, or a Vary marker when it varies
//   <prefix><key part> vary:<sha1>        the entry for one set of Vary header values
//   <prefix>tag <tag>                     SET of the keys of the entries tagged <tag>
//   <prefix>lock <key>                    the stampede lock while <key> is rebuilt
// The default key part is req.originalUrl, which never holds a space (HTTP forbids it in
// the request target), so these cannot collide with an entry of a URL.
const crypto = require('node:crypto');
const { directives, headerValue } = require('./http-entry');

// 's' with Redis's glob characters (* ? [ ] \) escaped, to match itself literally in
// SCAN MATCH / KEYS patterns.
function escapeGlob(s) {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}

// The key of the entry for 'baseKey' and the values the request 'headers' have for the
// header 'names' a response varies on ({ name: value|null } returned as 'values').
function variantKey(baseKey, names, headers) {
  const values = {};
  for (const name of names) values[name] = headerValue(headers, name);
  const hash = crypto.createHash('sha1').update(JSON.stringify(values)).digest('hex');
  return { key: `${baseKey} vary:${hash}`, values };
}

const tagKey = (prefix, tag) => `${prefix}tag ${tag}`;
const lockKey = (prefix, key) => `${prefix}lock ${key.slice(prefix.length)}`;

// Whether the remainder of a key after the prefix names an auxiliary key (tag set, lock).
const isAuxiliary = (rest) => rest.startsWith('tag ') || rest.startsWith('lock ');

// Whether the request asks to bypass stored copies: Cache-Control: no-cache, or
// Pragma: no-cache without a Cache-Control (HTTP/1.0).
function wantsNoCache(headers) {
  if (headers['cache-control'] !== undefined) return directives(headers['cache-control']).has('no-cache');
  return directives(headers.pragma).has('no-cache');
}

// Whether the Cookie header 'cookie' holds a cookie named 'name'.
function hasCookie(cookie, name) {
  if (!cookie || !name) return false;
  for (const pair of [].concat(cookie).join(';').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return true;
  }
  return false;
}

// Whether the request carries credentials: an Authorization header or the session cookie
// 'sessionCookie' (a falsy name disables the cookie check).
function isAuthenticated(headers, sessionCookie) {
  return headers.authorization !== undefined || hasCookie(headers.cookie, sessionCookie);
}

module.exports = { escapeGlob, variantKey, tagKey, lockKey, isAuxiliary, wantsNoCache, hasCookie, isAuthenticated };
