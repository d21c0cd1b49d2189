/**
 * How many `users.info` calls the bot may make now. Slack rates it Tier 4 (100+ a minute per
 * workspace): a bucket of `burst` calls, refilled at `perMinute`, so a crowd of new players
 * pressing at once costs a few lookups and the rest wait their turn instead of provoking 429s
 * (and the CPU of hundreds of Web API calls in the middle of the burst).
 */
export class LookupBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly burst = 20,
    private readonly perMinute = 100,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  /** Takes one call if there is one left now. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Counts a call that is made anyway (an admin check cannot wait). */
  spend(): void {
    this.refill();
    this.tokens -= 1;
  }

  /** Milliseconds until a call can be taken (0: now). */
  msUntilNext(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perMinute) / 60_000);
    this.at = now;
  }
}
