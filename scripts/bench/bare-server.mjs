// The benchmark's baseline: a bare node:http server that reads the whole body and answers 200,
// with nothing else (no signature, no parse, no Kafka). Plain JavaScript, run with plain node,
// like ingest's bundled dist/main.js. Usage: node scripts/bench/bare-server.mjs <port>
import http from 'node:http';

const port = Number(process.argv[2] ?? 4101);
const server = http.createServer((req, res) => {
  let bytes = 0;
  req.on('data', (chunk) => (bytes += chunk.length));
  req.on('end', () => {
    res.statusCode = bytes > 0 || req.method === 'GET' ? 200 : 400;
    res.end();
  });
});
server.keepAliveTimeout = 72_000; // Fastify's default, so both keep connections alike
server.listen(port, '127.0.0.1', () => console.log(JSON.stringify({ msg: 'bare server listening', url: `http://127.0.0.1:${port}` })));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
