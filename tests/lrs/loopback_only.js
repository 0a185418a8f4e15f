// Preloaded (node -r) into the record store the tests run: whatever port it opens, it listens
// on 127.0.0.1 only, so a test's store is never reachable from the network.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
