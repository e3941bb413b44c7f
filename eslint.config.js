'use strict';

// ESLint (flat config): eslint:recommended over the JavaScript of the package, its tests,
// benchmarks and examples. Style (2 spaces, single quotes, semicolons) is checked too.
const js = require('@eslint/js');
const globals = require('globals');

module.exports = [
  { ignores: ['node_modules/**', 'build/**', 'build-core/**', 'test/types/**/*.ts'] },
  js.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'commonjs',
      globals: { ...globals.node, ...globals.mocha }
    },
    rules: {
      indent: ['error', 2, { SwitchCase: 1 }],
      quotes: ['error', 'single', { avoidEscape: true }],
      semi: ['error', 'always'],
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    // Tests send node-redis the same out-of-range literals users do (e.g. 9999999999999999).
    files: ['test/**/*.js'],
    rules: { 'no-loss-of-precision': 'off' }
  }
];
