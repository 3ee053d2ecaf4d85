import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the app and PostgreSQL that a test can cut: `cut()` drops every open
 * connection and refuses new ones (like a network partition or a restarted database), `stall()`
 * swallows traffic first so a request is caught mid-flight, `restore()` lets connections through again.
 */
export class TcpProxy {
  private state: 'open' | 'stalled' | 'cut' = 'open';
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  /** Bytes from the app held while stalled; counts prove a request is in flight. */
  heldBytes = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const holder: { proxy?: TcpProxy } = {};
    const server = createServer((client) => holder.proxy!.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    return holder.proxy;
  }

  /** Rewrites a PostgreSQL URL to go through the proxy. */
  urlFor(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  /** Swallows traffic (a hung network); always followed by `cut()`. */
  stall(): void {
    this.state = 'stalled';
    this.heldBytes = 0;
  }

  cut(): void {
    this.state = 'cut';
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  restore(): void {
    this.state = 'open';
  }

  get connections(): number {
    return this.pairs.size;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.state === 'cut') {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    const pair = { client, upstream };
    this.pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk: Buffer) => {
      if (this.state === 'stalled') {
        this.heldBytes += chunk.length; // swallowed: a stall always ends in cut()
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (this.state === 'open') {
        client.write(chunk);
      }
    });
  }
}
