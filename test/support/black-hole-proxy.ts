import { connect, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay between one app and NATS that can turn into a black hole: it stops forwarding in both
 * directions and drops what it receives, but closes nothing, like a link whose packets are lost.
 * (The demo's LinkProxy cuts a link by closing it, which every client notices at once.)
 */
export class BlackHoleProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private holed = false;
  port = 0;

  private constructor(private readonly target: { host: string; port: number }) {}

  static async start(targetUrl: string): Promise<BlackHoleProxy> {
    const url = new URL(targetUrl);
    const proxy = new BlackHoleProxy({ host: url.hostname, port: Number(url.port || 4222) });
    await proxy.listen();
    return proxy;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  private listen(): Promise<void> {
    return new Promise((resolve) => {
      this.server = createServer((client) => {
        const upstream = connect(this.target.port, this.target.host);
        for (const s of [client, upstream]) {
          this.sockets.add(s);
          s.on('close', () => this.sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.on('data', (chunk) => void (this.holed || upstream.write(chunk)));
        upstream.on('data', (chunk) => void (this.holed || client.write(chunk)));
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server!.address() as { port: number }).port;
        resolve();
      });
    });
  }

  /** From now on nothing gets through either way, and nobody is told. */
  blackHole(): void {
    this.holed = true;
  }

  /** Forwards again. A connection that lost bytes in the hole is broken; its client must reconnect. */
  restore(): void {
    this.holed = false;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => this.server?.close(r));
  }
}
