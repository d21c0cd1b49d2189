/** Thrown into a start-up that a stop overtook; not an error to report. */
export class StartAborted extends Error {
  override name = 'StartAborted';
}

/**
 * What the app has opened, closed in reverse order on stop — also when the stop comes in
 * the middle of start-up, so every failure or signal after the embedded redis-server
 * started still stops it. A resource opened after the stop began is closed at once.
 */
export class Resources {
  private readonly closers: { name: string; close: () => Promise<void> }[] = [];
  private closed = false;

  constructor(private readonly onError: (name: string, error: unknown) => void) {}

  get closing(): boolean {
    return this.closed;
  }

  async own(name: string, close: () => Promise<void>): Promise<void> {
    if (this.closed) {
      await close().catch((error) => this.onError(name, error));
      throw new StartAborted();
    }
    this.closers.push({ name, close });
  }

  /** Throws StartAborted when a stop has begun (between start-up steps). */
  check(): void {
    if (this.closed) throw new StartAborted();
  }

  /** Closes everything, newest first; each gets `timeoutMs` so one stuck client cannot hold the rest. */
  async closeAll(timeoutMs = 5000): Promise<void> {
    this.closed = true;
    for (const { name, close } of this.closers.splice(0).reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`not closed within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([close(), late]).catch((error) => this.onError(name, error));
      clearTimeout(timer);
    }
  }
}
