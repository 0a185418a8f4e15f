// A stand-in record store over HTTPS for the certificate test: it takes any POST of statements
// and answers with their ids, as a real store does. Its certificate and key are given by the
// test (a self-signed pair made for 127.0.0.1). Usage: node tls_store.js CERT KEY PORT
'use strict';
const https = require('https');
const fs = require('fs');
const [cert, key, port] = process.argv.slice(2);
https.createServer({ cert: fs.readFileSync(cert), key: fs.readFileSync(key) }, (req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    let ids = [];
    try { ids = JSON.parse(body).map((s) => s.id); } catch (e) { res.writeHead(400); res.end('not JSON'); return; }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(ids));
  });
}).listen(Number(port), '127.0.0.1', () => { process.stderr.write('listening\n'); });
