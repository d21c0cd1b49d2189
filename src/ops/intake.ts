/**
 * The door for interactions (commands, presses): open while the bot runs, shut when it
 * drains. Work that came in before is counted until it has finished — stored and answered —
 * so a shutdown waits for it instead of closing Redis under it.
 */
export class Intake {
  private open = true;
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  get accepting(): boolean {
    return this.open;
  }

  get pending(): number {
    return this.inFlight;
  }

  /** Counts `work` as in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** No new work from now on. */
  close(): void {
    this.open = false;
  }

  /** Resolves true when nothing is in flight, false if `deadline` (epoch ms) came first. */
  async drained(deadline: number): Promise<boolean> {
    if (this.inFlight === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)));
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    });
    const result = await Promise.race([idle, late]);
    clearTimeout(timer);
    return result;
  }
}
