'use strict';
// Small helpers for printing benchmark numbers.

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// 1234567.8 -> '1,234,568'
const int = (x) => Math.round(x).toLocaleString('en-US');

const mb = (bytes) => (bytes / 1048576).toFixed(1) + ' MB';

// Left-aligned text table from an array of rows (arrays of strings).
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => {
    const s = String(c);
    return i === 0 || isNaN(parseFloat(s)) ? s.padEnd(widths[i]) : s.padStart(widths[i]);
  }).join('  ').trimEnd()).join('\n');
}

module.exports = { median, int, mb, table };
