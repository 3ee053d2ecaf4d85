import { createServer, type Server } from 'node:http';

import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

import { StartupError } from '@wc/core';

import type { Metrics } from './metrics';
import { answerScrape } from './metrics-endpoint';

/**
 * `/metrics` on a port of its own (METRICS_PORT for the API, WORKER_METRICS_PORT for the worker),
 * which a deployment keeps off the public network; nothing else is served there.
 */
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | undefined;

  constructor(
    private readonly metrics: Metrics,
    private readonly port: number | undefined,
    private readonly token: string | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.port === undefined) {
      return;
    }
    const server = createServer((req, res) => {
      if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
        void answerScrape(this.metrics, this.token, req, res);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new StartupError(
                `The metrics port ${this.port} is in use. Choose another (METRICS_PORT / WORKER_METRICS_PORT) or stop what holds it.`,
              )
            : error,
        ),
      );
      server.listen(this.port, '0.0.0.0', resolve);
    });
    this.server = server;
    this.logger.log({ port: this.boundPort }, 'metrics listening');
  }

  /** The port actually bound (differs from the configured one when that is 0). */
  get boundPort(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
}
