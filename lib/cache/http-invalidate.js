'use strict';

// Invalidation of route cache entries (key layout in http-keys.js). Patterns are matched
// with SCAN MATCH (cursor by cursor, never KEYS); the prefix and literal keys are escaped
// so that their glob characters match only themselves.
const keys = require('./http-keys');

const SCAN_COUNT = 100;

async function del(client, list) {
  return list.length ? client.del(list) : 0;
}

// Delete the keys matching 'pattern' but tag sets and locks under 'prefix'; resolves the
// number deleted.
async function dropMatching(client, prefix, pattern) {
  let count = 0;
  for await (const page of client.scanIterator({ MATCH: pattern, COUNT: SCAN_COUNT })) {
    count += await del(client, page.filter((k) => !keys.isAuxiliary(String(k).slice(prefix.length))));
  }
  return count;
}

// Drop the entries under 'prefix' that 'what' names; resolves the number of entry keys
// deleted (tag sets not counted). Rejects with the client's error.
//   'pattern' or { pattern }: entries whose key part matches the Redis glob 'pattern';
//   { tags: [...] }: every entry tagged so, and the tag sets;
//   { keys: [...] }: the entries of these exact key parts, Vary variants included.
// The forms combine in one object.
async function invalidate(client, prefix, what) {
  if (typeof what === 'string') what = { pattern: what };
  if (!what || typeof what !== 'object') {
    throw new TypeError('invalidate() takes a glob pattern or { tags, keys, pattern }');
  }
  let count = 0;
  for (const tag of [].concat(what.tags || [])) {
    const set = keys.tagKey(prefix, String(tag));
    count += await del(client, await client.sMembers(set));
    await client.del(set);
  }
  for (const part of [].concat(what.keys || [])) {
    const base = prefix + String(part);
    count += await del(client, [base]);
    count += await dropMatching(client, prefix, `${keys.escapeGlob(base)} vary:*`);
  }
  if (what.pattern !== undefined && what.pattern !== null) {
    count += await dropMatching(client, prefix, keys.escapeGlob(prefix) + String(what.pattern));
  }
  return count;
}

module.exports = { invalidate };
