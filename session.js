'use strict';

// require('redlite/session'): the express-session store (lib/session.js), a drop-in for
// connect-redis's RedisStore over a redlite or node-redis client. Kept out of the main entry
// point because it loads express-session, which only session users install.
module.exports = require('./lib/session');
