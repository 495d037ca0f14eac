// A MongoDB wire-protocol peer over TLS, from the mongodb-mock-server package (which we did not write).
// It answers the driver's OP_QUERY handshake with a MongoDB 3.4-era hello, so a driver that completes the
// TLS handshake sees a real server reply (and then refuses it as too old). Usage: node mock-tls-server.js PORT CERT KEY
// (PORT 0 binds a free port; the line 'listening PORT' names the port bound.)
// The package loads the native 'snappy' addon for wire compression, which these tests never negotiate. A stub
// keeps the install free of native builds (npm install --ignore-scripts).
const Module = require('module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'snappy') {
    const unused = () => { throw new Error('snappy compression is not used by these tests'); };
    return { compress: unused, uncompress: unused, compressSync: unused, uncompressSync: unused };
  }

  return load.apply(this, arguments);
};

const mock = require('mongodb-mock-server');
const fs = require('fs');

const [, , port, certPath, keyPath] = process.argv;
mock
  .createServer(Number(port), '127.0.0.1', { tls: true, cert: fs.readFileSync(certPath), key: fs.readFileSync(keyPath) })
  .then(server => {
    server.on('parseError', error => console.error('parse error', error));
    server.setMessageHandler(request => {
      const doc = request.document;
      if (process.env.MOCK_DEBUG) {
        console.error('request', JSON.stringify(doc));
      }

      if (doc.ismaster || doc.isMaster || doc.hello) {
        request.reply(Object.assign({}, mock.DEFAULT_ISMASTER, { connectionId: 1 }));
      } else if (doc.getLastError) {
        request.reply({ ok: 1, connectionId: 1 });
      }
    });
    console.log('listening ' + server.address().port);
  })
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
