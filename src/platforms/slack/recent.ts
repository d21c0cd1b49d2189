/**
 * Deliveries this process has already taken. Slack sends an event again when it thinks
 * the ack was lost (X-Slack-Retry-Num); the engine would refuse the second answer anyway,
 * but the player would also get a confusing second reply. Bounded, and forgetful after
 * the retry window.
 */
export class RecentDeliveries {
  private readonly seen = new Map<string, number>();

  constructor(
    /** @defaultValue 10 minutes — Slack retries within about 5. */
    private readonly ttlMs = 600_000,
    /** @defaultValue 20,000 keys */
    private readonly maxKeys = 20_000,
  ) {}

  /** True the first time a key is seen (within the window). */
  firstTime(key: string, now = Date.now()): boolean {
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > now) return false;
    if (this.seen.size >= this.maxKeys) this.forgetExpired(now);
    this.seen.set(key, now + this.ttlMs);
    return true;
  }

  private forgetExpired(now: number): void {
    for (const [key, expires] of this.seen) if (expires <= now) this.seen.delete(key);
    // Still full: keys are in insertion order, so drop the oldest half.
    if (this.seen.size >= this.maxKeys) {
      let drop = Math.floor(this.maxKeys / 2);
      for (const key of this.seen.keys()) {
        if (drop-- <= 0) break;
        this.seen.delete(key);
      }
    }
  }
}
