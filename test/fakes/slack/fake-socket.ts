import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack.js';

export interface Envelope {
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: Record<string, unknown>;
}

/**
 * Socket Mode's WebSocket on 127.0.0.1: apps.connections.open on the fake hands out its
 * URL; a connecting client gets `hello`, then envelopes, and must ack each by its
 * envelope_id over the same socket — as Slack requires within 3 seconds.
 */
export class FakeSocket {
  private readonly sockets = new Set<WebSocket>();
  private readonly acks = new Map<string, (ack: Record<string, unknown>) => void>();
  connections = 0;

  private constructor(private readonly server: WebSocketServer) {
    server.on('connection', (socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as { envelope_id?: string };
        if (ack.envelope_id) this.acks.get(ack.envelope_id)?.(ack);
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' } }),
      );
    });
  }

  static async attach(slack: FakeSlack): Promise<FakeSocket> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    slack.socketUrl = `ws://127.0.0.1:${port}/link/?ticket=fake`;
    return new FakeSocket(server);
  }

  /** Waits until a client has connected (after `hello`). */
  async connected(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.sockets.size === 0) {
      if (Date.now() > until) throw new Error('fake socket: no client connected');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Sends an envelope; resolves with the client's ack and how long it took. */
  async deliver(envelope: Envelope, timeoutMs = 5000): Promise<{ ack: Record<string, unknown>; ms: number }> {
    const socket = [...this.sockets][0];
    if (!socket) throw new Error('fake socket: no client connected');
    const id = randomUUID();
    const started = performance.now();
    const acked = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake socket: envelope ${id} not acked`)), timeoutMs);
      this.acks.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    socket.send(JSON.stringify({ envelope_id: id, accepts_response_payload: true, ...envelope }));
    const ack = await acked;
    return { ack, ms: performance.now() - started };
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
