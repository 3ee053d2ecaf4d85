import { createServer } from 'node:http';

import { Server } from 'socket.io';

/**
 * The baseline for `realtime.bench.ts`: a bare socket.io server with the same transport options
 * as the Overleg gateway, broadcasting whatever payload an HTTP POST hands it. No auth, no
 * database, no relay: the floor that HTTP + socket.io fan-out alone costs on this machine.
 */
const port = Number(process.env.PORT ?? 0);

const http = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { room, event } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
      room: string;
      event: unknown;
    };
    io.to(room).emit('event', event);
    res.writeHead(204).end();
  });
});

const io = new Server(http, {
  path: '/ws',
  transports: ['websocket'],
  serveClient: false,
  maxHttpBufferSize: 16 * 1024,
});
io.on('connection', (socket) => {
  socket.on('subscribe', (body: { caseId: string }, ack?: (result: { ok: true }) => void) => {
    void socket.join(`case:${body.caseId}`);
    ack?.({ ok: true });
  });
});

http.listen(port, '127.0.0.1');
