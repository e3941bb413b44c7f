'use strict';
// Deterministic request traces: a seeded PRNG and a Zipf sampler (no Math.random, so every
// run and every contestant sees the same trace).

// splitmix32: a 32-bit generator used only to expand one seed into xoshiro's state.
function splitmix32(seed) {
  let x = seed | 0;
  return () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

// rng(seed) -> random(): doubles uniform in [0, 1) with 53 random bits, from xoshiro128**
// seeded through splitmix32. The same seed always yields the same sequence.
function rng(seed) {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = () => {
    const t = b << 9;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return r >>> 0;
  };
  return () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
}

// A random permutation of 0..n-1 (Fisher-Yates driven by random()).
function permutation(n, random) {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}

// zipfSampler(n, s, random) -> sample(): ranks in 0..n-1, rank r drawn with probability
// proportional to 1 / (r + 1)^s. Precomputes the CDF (n doubles); each draw is one
// binary search over it.
function zipfSampler(n, s, random) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += Math.pow(r + 1, -s);
    cdf[r] = sum;
  }
  for (let r = 0; r < n; r++) cdf[r] /= sum;
  cdf[n - 1] = 1; // no rounding gap at the top: every u < 1 finds a rank
  return () => {
    const u = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

// zipfTrace({ keys, s, requests, seed }) -> Uint32Array of `requests` key ids in 0..keys-1.
// Ranks follow Zipf(s); rank -> key id goes through a fixed random permutation, so the hot
// keys are scattered over the id space rather than being ids 0, 1, 2...
function zipfTrace({ keys, s, requests, seed }) {
  const random = rng(seed);
  const idOfRank = permutation(keys, random);
  const sample = zipfSampler(keys, s, random);
  const trace = new Uint32Array(requests);
  for (let i = 0; i < requests; i++) trace[i] = idOfRank[sample()];
  return trace;
}

module.exports = { rng, permutation, zipfSampler, zipfTrace };
