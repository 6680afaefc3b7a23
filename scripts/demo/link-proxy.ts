import { connect, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay between one node and NATS, so the demo can cut that node's network link (and only
 * its link) and restore it, the way a co-op's broadband drops.
 */
export class LinkProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private up = true;

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<LinkProxy> {
    const proxy = new LinkProxy(0, target);
    await proxy.listen();
    return proxy;
  }

  private listen(): Promise<void> {
    return new Promise((resolve) => {
      this.server = createServer((client) => {
        if (!this.up) return client.destroy();
        const upstream = connect(this.target.port, this.target.host);
        for (const s of [client, upstream]) {
          this.sockets.add(s);
          s.on('close', () => this.sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      this.server.listen(0, '127.0.0.1', () => {
        (this as { port: number }).port = (this.server!.address() as { port: number }).port;
        resolve();
      });
    });
  }

  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.up = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((r) => this.server?.close(r));
  }
}
