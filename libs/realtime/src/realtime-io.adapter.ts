import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';

import { RealtimeRedis } from './realtime-redis';

/**
 * The socket.io adapter chosen by config: in memory by default (one instance), Redis pub/sub when
 * REDIS_URL is set, so an emit from any instance (the relay runs on one) reaches clients on all.
 * Installed by `configureApp`.
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(private readonly app: INestApplicationContext) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    const { clients, key } = this.app.get(RealtimeRedis, { strict: false });
    if (clients) {
      server.adapter(createAdapter(clients.pub, clients.sub, { key }));
    }
    return server;
  }
}
