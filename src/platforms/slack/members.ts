import type { webApi } from '@slack/bolt';
import type { Actor } from '../../core/model.js';
import type { Logger } from '../../core/ports.js';

export interface MembersOptions {
  /** Slack user ids that are admins in every team (config `admins.slack`). */
  configAdmins: readonly string[];
  /**
   * How long a looked-up profile is reused.
   * @defaultValue 10 minutes
   */
  ttlMs?: number;
  /** @defaultValue 5000 */
  maxEntries?: number;
}

interface Entry {
  name: string;
  isAdmin: boolean;
  expires: number;
}

/**
 * Who is acting: the display name and admin rights from `users.info` (workspace admins
 * and owners), cached so a burst of presses in a live round costs one lookup per player.
 * A failed lookup falls back to the name in the payload, without admin rights.
 */
export class Members {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry | undefined>>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly options: MembersOptions,
  ) {}

  async actor(userId: string, payloadName: string): Promise<Actor> {
    const entry = await this.lookup(userId);
    const configAdmin = this.options.configAdmins.includes(userId);
    return {
      id: userId,
      name: entry?.name || payloadName || userId,
      isAdmin: configAdmin || entry?.isAdmin === true,
    };
  }

  private lookup(userId: string): Promise<Entry | undefined> {
    const cached = this.cache.get(userId);
    if (cached && cached.expires > Date.now()) return Promise.resolve(cached);
    let pending = this.pending.get(userId);
    if (!pending) {
      pending = this.fetch(userId).finally(() => this.pending.delete(userId));
      this.pending.set(userId, pending);
    }
    return pending;
  }

  private async fetch(userId: string): Promise<Entry | undefined> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      if (!user) return undefined;
      const entry: Entry = {
        name: user.profile?.display_name || user.real_name || user.name || userId,
        isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
        expires: Date.now() + (this.options.ttlMs ?? 600_000),
      };
      if (this.cache.size >= (this.options.maxEntries ?? 5000)) this.cache.clear();
      this.cache.set(userId, entry);
      return entry;
    } catch (error) {
      this.logger.warn(
        { userId, err: error instanceof Error ? error.message : String(error) },
        'slack: users.info failed',
      );
      return undefined;
    }
  }
}
