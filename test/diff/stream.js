'use strict';
module.exports = { runStream: async () => {}, DEFAULT_SEED: 1, DEFAULT_LENGTH: 0 };
