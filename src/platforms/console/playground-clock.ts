import type { Clock } from '../../core/ports.js';

/**
 * The playground's clock: the real time plus however far `:wait` jumped ahead, so a player can
 * try what takes days — a review item coming due, the next daily question — in one session.
 */
export class PlaygroundClock implements Clock {
  private offset = 0;
  now = (): number => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
  }
}

const UNIT_MS = { d: 24 * 3600_000, h: 3600_000 } as const;

/** `3d`, `12h` → milliseconds; anything else (or more than a year) → undefined. */
export function parseWait(text: string): number | undefined {
  const m = text
    .trim()
    .toLowerCase()
    .match(/^(\d{1,3})([dh])$/);
  if (!m?.[1] || !m[2]) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  return ms > 0 && ms <= 366 * UNIT_MS.d ? ms : undefined;
}
