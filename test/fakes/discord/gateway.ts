import type { Server } from 'node:http';
import {
  type APIUser,
  ChannelType,
  GatewayCloseCodes,
  GatewayDispatchEvents,
  type GatewayIdentifyData,
  GatewayOpcodes,
} from 'discord.js';
import { type WebSocket, WebSocketServer } from 'ws';
import { snowflake } from './payloads.js';

export interface FakeGuild {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

export interface GatewayOptions {
  token: string;
  applicationId: string;
  botUser: APIUser;
  guilds: FakeGuild[];
}

interface Session {
  socket: WebSocket;
  seq: number;
  ready: boolean;
  /** [shard id, shard count] from IDENTIFY. */
  shard: [number, number];
}

/** The shard a guild's events go to: (guild_id >> 22) % num_shards, as Discord documents. */
export function shardOf(guildId: string, shards: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shards));
}

/**
 * The gateway as Discord documents it, JSON encoding without compression (what discord.js
 * asks for when zlib-sync is absent): HELLO → IDENTIFY → READY (+ GUILD_CREATE per guild),
 * heartbeats acknowledged, then whatever dispatches the test sends.
 */
export class FakeGateway {
  readonly identifies: GatewayIdentifyData[] = [];
  /** Query strings the client connected with (`v`, `encoding`, `compress`). */
  readonly connections: URLSearchParams[] = [];
  /** Every dispatch sent after READY: its event, the shard it went out on and the payload's id. */
  readonly dispatched: { t: string; shard: number; id: unknown }[] = [];
  private readonly sessions = new Set<Session>();
  private wss: WebSocketServer | undefined;

  constructor(
    private readonly options: GatewayOptions,
    private readonly url: () => string,
  ) {}

  attach(server: Server): void {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket, request) => {
      this.connections.push(new URL(request.url ?? '/', 'ws://fake').searchParams);
      const session: Session = { socket, seq: 0, ready: false, shard: [0, 1] };
      this.sessions.add(session);
      socket.on('close', () => this.sessions.delete(session));
      socket.on('message', (raw) => this.onMessage(session, JSON.parse(raw.toString())));
      this.send(session, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41_250 } });
    });
  }

  get readySessions(): number {
    return [...this.sessions].filter((s) => s.ready).length;
  }

  /**
   * Sends a dispatch (e.g. INTERACTION_CREATE) to every identified session — for an event of
   * a guild, only to the session of that guild's shard.
   */
  dispatch(t: string, d: unknown): number {
    let sent = 0;
    const guildId = (d as { guild_id?: string } | null)?.guild_id;
    for (const session of this.sessions) {
      if (!session.ready) continue;
      const [id, count] = session.shard;
      if (guildId && shardOf(guildId, count) !== id) continue;
      this.dispatched.push({ t, shard: id, id: (d as { id?: unknown } | null)?.id });
      session.seq += 1;
      this.send(session, { op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
      sent += 1;
    }
    return sent;
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.socket.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  private onMessage(session: Session, packet: { op: number; d: unknown }): void {
    switch (packet.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(session, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.identify(session, packet.d as GatewayIdentifyData);
        return;
      case GatewayOpcodes.Resume:
        // No session store: tell the client to identify afresh.
        this.send(session, { op: GatewayOpcodes.InvalidSession, d: false });
        return;
    }
  }

  private identify(session: Session, data: GatewayIdentifyData): void {
    this.identifies.push(data);
    if (data.token !== this.options.token) {
      session.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    session.ready = true;
    session.shard = data.shard ?? [0, 1];
    const [shardId, shardCount] = session.shard;
    const { botUser, applicationId } = this.options;
    const guilds = this.options.guilds.filter((g) => shardOf(g.id, shardCount) === shardId);
    this.sendDispatch(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user: { ...botUser, bot: true, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: snowflake(),
      resume_gateway_url: this.url(),
      shard: session.shard,
      application: { id: applicationId, flags: 0 },
    });
    for (const guild of guilds)
      this.sendDispatch(session, GatewayDispatchEvents.GuildCreate, guildCreate(guild, botUser));
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    this.send(session, { op: GatewayOpcodes.Dispatch, t, s: session.seq, d });
  }

  private send(session: Session, packet: object): void {
    session.socket.send(JSON.stringify({ s: null, t: null, ...packet }));
  }
}

function guildCreate(guild: FakeGuild, botUser: APIUser) {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: snowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    preferred_locale: 'zh-CN',
    features: [],
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        hoist: false,
        position: 0,
        permissions: '0',
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [
      { user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
    ],
    channels: guild.channels.map((c, position) => ({
      id: c.id,
      type: ChannelType.GuildText,
      guild_id: guild.id,
      name: c.name,
      position,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
    })),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
