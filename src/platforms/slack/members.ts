import type { webApi } from '@slack/bolt';
import type { Actor } from '../../core/model.js';
import type { Logger } from '../../core/ports.js';
import { LookupBudget } from './lookup-budget.js';

export interface MembersOptions {
  /** Slack user ids that are admins in every team (config `admins.slack`). */
  configAdmins: readonly string[];
  /**
   * How long a looked-up profile is trusted for admin rights (a press reuses an older name).
   * @defaultValue 10 minutes
   */
  ttlMs?: number;
  /** @defaultValue 5000 */
  maxEntries?: number;
  /** @defaultValue 20 lookups at once, then 100 a minute (Slack's Tier 4) */
  budget?: LookupBudget;
}

interface Entry {
  name: string;
  isAdmin: boolean;
  expires: number;
}

/**
 * Who is acting: the display name and admin rights from `users.info` (workspace admins
 * and owners), cached. A command looks the actor up when the cache has nothing fresh (admin
 * rights decide what it may do). A button press never needs admin rights, so it waits for a
 * lookup only while the budget allows one: otherwise it takes the name it has — an older
 * display name, or the one in the payload — and the display name is looked up afterwards, at
 * Slack's pace, for the next time. A failed lookup falls back to the payload's name, without
 * admin rights.
 */
export class Members {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry | undefined>>();
  /** Players to look up when the budget allows, oldest first. */
  private readonly later = new Set<string>();
  private readonly budget: LookupBudget;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly options: MembersOptions,
  ) {
    this.budget = options.budget ?? new LookupBudget();
  }

  /** The actor of a command or a form: looked up unless the cache has them fresh. */
  async actor(userId: string, payloadName: string): Promise<Actor> {
    const cached = this.fresh(userId);
    if (cached) return this.actorOf(userId, payloadName, cached);
    if (!this.pending.has(userId)) this.budget.spend();
    return this.actorOf(userId, payloadName, await this.lookup(userId));
  }

  /** The actor of a button press: never waits past the lookup budget (see the class). */
  async presser(userId: string, payloadName: string): Promise<Actor> {
    const cached = this.cache.get(userId);
    if (cached && cached.expires > Date.now()) return this.actorOf(userId, payloadName, cached);
    if (this.pending.has(userId) || (!cached && this.budget.take()))
      return this.actorOf(userId, payloadName, await this.lookup(userId));
    this.lookUpLater(userId);
    return this.actorOf(userId, payloadName, cached);
  }

  /** Drops the lookups still waiting (the adapter is stopping). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.later.clear();
  }

  private actorOf(userId: string, payloadName: string, entry: Entry | undefined): Actor {
    const configAdmin = this.options.configAdmins.includes(userId);
    return {
      id: userId,
      name: entry?.name || payloadName || userId,
      isAdmin: configAdmin || entry?.isAdmin === true,
    };
  }

  private fresh(userId: string): Entry | undefined {
    const cached = this.cache.get(userId);
    return cached && cached.expires > Date.now() ? cached : undefined;
  }

  private lookUpLater(userId: string): void {
    if (this.later.size >= (this.options.maxEntries ?? 5000)) return;
    this.later.add(userId);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.later.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const userId of this.later) {
        if (!this.budget.take()) break;
        this.later.delete(userId);
        void this.lookup(userId);
      }
      this.schedule();
    }, this.budget.msUntilNext());
    this.timer.unref();
  }

  private lookup(userId: string): Promise<Entry | undefined> {
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
