'use strict';
// A small, dependency-free SVG writer for the benchmark charts: horizontal bar charts,
// grouped, on a linear or log10 axis. Output is deterministic (same input, same bytes) and
// readable on GitHub in light and dark mode (own white background, dark text).

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";
const COLOR = {
  background: '#ffffff', text: '#1f2328', muted: '#57606a', grid: '#d8dee4', axis: '#8c959f',
  bar: '#8fa3bf', highlight: '#d6336c', slot: '#afb8c1'
};
const BAR_H = 16;      // height of one bar
const ROW_H = 22;      // vertical space taken by one bar
const GROUP_HEAD = 22; // space above a group's bars for its label
const GROUP_GAP = 10;  // space between groups

// The string 's' with the five XML special characters replaced by entities.
function escapeXml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c]);
}

// 'n' with a comma every three digits in its integer part: 1234567.5 -> '1,234,567.5'.
function withCommas(n, decimals) {
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  return (n < 0 ? '-' : '') + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '');
}

// A value as a bar label: integers with commas from 100 up, 3 significant digits below
// (1,234,567 / 123 / 12.3 / 0.85 / 0.0042).
function formatNumber(v) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100 || a === 0) return withCommas(v, 0);
  return String(Number(v.toPrecision(3)));
}

// A tick value, compact: 1k, 2.5M, 1G, 0.1.
function formatTick(v) {
  const a = Math.abs(v);
  for (const [d, s] of [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']]) {
    if (a >= d) return String(Number((v / d).toPrecision(3))) + s;
  }
  return String(Number(v.toPrecision(3)));
}

// Rough width in px of 'text' at font size 'size' (no font metrics in a string writer).
const textWidth = (text, size) => String(text).length * size * 0.58;

// The axis for values 'values' (finite numbers): { ticks, pos(v) -> 0..1 }. Log: from the
// power of ten below the smallest positive value to the one at or above the largest, one
// tick per decade (every other decade beyond 8). Linear: from 0 to a round step multiple.
function axis(values, log) {
  if (log) {
    const pos = values.filter((v) => v > 0);
    let lo = pos.length ? Math.floor(Math.log10(Math.min(...pos))) : 0;
    let hi = pos.length ? Math.ceil(Math.log10(Math.max(...pos))) : 1;
    if (pos.length && lo === Math.log10(Math.min(...pos))) lo -= 1; // no zero-length bar
    if (hi <= lo) hi = lo + 1;
    const every = hi - lo > 8 ? 2 : 1;
    const ticks = [];
    for (let e = lo; e <= hi; e += every) ticks.push(Number(`1e${e}`));
    return { ticks, pos: (v) => (v > 0 ? Math.max(0, (Math.log10(v) - lo) / (hi - lo)) : 0) };
  }
  const max = Math.max(0, ...values) || 1;
  const raw = max / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const top = Math.ceil(max / step) * step;
  const ticks = [];
  for (let i = 0; i * step <= top + step / 1e9; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { ticks, pos: (v) => Math.max(0, v) / top };
}

const num = (x) => String(Math.round(x * 10) / 10);

// An SVG document (string) of a horizontal bar chart:
//   { title, subtitle: string | string[], unit: axis caption, log: log10 axis,
//     groups: [{ label, bars: [{ label, value, highlight?, note? }] }],
//     width = 800, format(v) = formatNumber: bar value label, tickFormat = formatTick }.
// A bar whose value is null/undefined gets no bar, only a dashed box around its note (or
// 'no data'), so a missing figure never looks like a zero.
// On a measured bar the note is printed in brackets after the value. Highlighted bars use another colour.
function barChart(opts) {
  const { title = '', unit = '', log = false, groups = [], width = 800 } = opts;
  const format = opts.format || formatNumber;
  const tickFormat = opts.tickFormat || formatTick;
  const subtitle = [].concat(opts.subtitle || []);
  const bars = groups.flatMap((g) => g.bars);
  const measured = (b) => b.value !== null && b.value !== undefined;
  const valueText = (b) => (measured(b) ? format(b.value) + (b.note ? ` (${b.note})` : '') : (b.note || 'no data'));

  const left = Math.min(width * 0.4, Math.ceil(Math.max(60, ...bars.map((b) => textWidth(b.label, 12))) + 24));
  const right = Math.min(width * 0.35, Math.ceil(Math.max(40, ...bars.filter(measured).map((b) => textWidth(valueText(b), 11))) + 16));
  const plotW = width - left - right;
  const ax = axis(bars.filter(measured).map((b) => b.value), log);
  const x = (v) => left + ax.pos(v) * plotW;

  const out = [];
  let y = 28;
  out.push(`<text class="title" x="12" y="${y}">${escapeXml(title)}</text>`);
  for (const line of subtitle) {
    y += 18;
    out.push(`<text class="sub" x="12" y="${y}">${escapeXml(line)}</text>`);
  }
  const plotTop = y + 16;
  y = plotTop;
  const body = [];
  groups.forEach((g, gi) => {
    if (gi > 0) body.push(`<line class="sep" x1="12" x2="${width - 12}" y1="${num(y + GROUP_GAP / 2)}" y2="${num(y + GROUP_GAP / 2)}"/>`);
    if (gi > 0) y += GROUP_GAP;
    body.push(`<text class="group" x="12" y="${y + 15}">${escapeXml(g.label)}</text>`);
    y += GROUP_HEAD;
    for (const b of g.bars) {
      const mid = y + ROW_H / 2;
      body.push(`<text class="label" x="${left - 8}" y="${num(mid + 4)}" text-anchor="end">${escapeXml(b.label)}</text>`);
      if (measured(b)) {
        const w = x(b.value) - left;
        const cls = b.highlight ? 'bar hl' : 'bar';
        if (w > 0) body.push(`<rect class="${cls}" x="${left}" y="${num(mid - BAR_H / 2)}" width="${num(w)}" height="${BAR_H}"/>`);
        body.push(`<text class="value${b.highlight ? ' hlv' : ''}" x="${num(left + Math.max(w, 0) + 6)}" y="${num(mid + 4)}">${escapeXml(valueText(b))}</text>`);
      } else {
        const slotW = Math.min(plotW, textWidth(valueText(b), 11) + 16);
        body.push(`<rect class="slot" x="${left}" y="${num(mid - BAR_H / 2)}" width="${num(slotW)}" height="${BAR_H}"/>`);
        body.push(`<text class="note" x="${left + 8}" y="${num(mid + 4)}">${escapeXml(valueText(b))}</text>`);
      }
      y += ROW_H;
    }
  });
  const plotBottom = y + 4;
  for (const t of ax.ticks) {
    const tx = num(x(t));
    out.push(`<line class="grid" x1="${tx}" x2="${tx}" y1="${plotTop}" y2="${plotBottom}"/>`);
    out.push(`<text class="tick" x="${tx}" y="${plotBottom + 16}" text-anchor="middle">${escapeXml(tickFormat(t))}</text>`);
  }
  out.push(`<line class="axis" x1="${left}" x2="${left}" y1="${plotTop}" y2="${plotBottom}"/>`);
  out.push(...body);
  const caption = unit + (log ? ' (log scale)' : '');
  out.push(`<text class="tick" x="${num(left + plotW / 2)}" y="${plotBottom + 34}" text-anchor="middle">${escapeXml(caption)}</text>`);
  const height = plotBottom + 48;

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    '<style>',
    `text { font-family: ${FONT}; fill: ${COLOR.text}; font-size: 12px; }`,
    '.title { font-size: 16px; font-weight: 600; }',
    `.sub { fill: ${COLOR.muted}; }`,
    '.group { font-size: 13px; font-weight: 600; }',
    '.value { font-size: 11px; }',
    '.hlv { font-weight: 600; }',
    `.tick { fill: ${COLOR.muted}; font-size: 11px; }`,
    `.note { fill: ${COLOR.muted}; font-size: 11px; font-style: italic; }`,
    `.bar { fill: ${COLOR.bar}; }`,
    `.hl { fill: ${COLOR.highlight}; }`,
    `.slot { fill: none; stroke: ${COLOR.slot}; stroke-dasharray: 4 3; }`,
    `.grid { stroke: ${COLOR.grid}; }`,
    `.sep { stroke: ${COLOR.grid}; }`,
    `.axis { stroke: ${COLOR.axis}; }`,
    '</style>',
    `<rect width="${width}" height="${height}" fill="${COLOR.background}"/>`,
    ...out,
    '</svg>',
    ''
  ].join('\n');
}

module.exports = { barChart, formatNumber, formatTick, escapeXml };
