'use strict';
// Tiny helpers shared by the scenario files in test/diff/cases/.

/* A named group of scenarios; each file in cases/ exports one. */
function group(name) {
  const g = { group: name, scenarios: [] };
  g.scenario = (title, fn) => {
    if (g.scenarios.some((s) => s.name === title)) throw new Error(`duplicate scenario: ${title}`);
    g.scenarios.push({ name: title, fn });
  };
  return g;
}

/* c.sendCommand with the argv spelled inline: raw(c, 'SET', 'k', 'v'). */
function raw(c, ...argv) {
  return c.sendCommand(argv);
}

module.exports = { group, raw };
