import { hash } from 'node:crypto';

/** Short, deterministic ids: they travel in button ids (Discord allows 100 characters). One-shot: no Hash object per daily job. */
const digest = (text: string, length: number) => hash('sha256', text, 'base64url').slice(0, length);

/** One daily round per team and local date: a job that runs twice finds the same round. */
export const dailyRoundId = (teamId: string, localDate: string): string =>
  dailyRoundIds(teamId, [localDate])[0] as string;

/** `dailyRoundId` for several dates, the team's part hashed once. */
export function dailyRoundIds(teamId: string, localDates: readonly string[]): string[] {
  const team = digest(teamId, 10).replaceAll('-', 'x').replaceAll('_', 'y');
  return localDates.map((date) => `day-${date.replaceAll('-', '')}-${team}`);
}

export const isDailyRoundId = (roundId: string): boolean => roundId.startsWith('day-');

export const liveRoundId = (liveId: string, index: number): string => `live-${liveId}-${index}`;

/** The question before a live question, whose players close it early once they all answered. */
export function previousRoundId(roundId: string): string | undefined {
  const m = roundId.match(/^(live-[A-Za-z0-9]+)-(\d+)$/);
  if (!m?.[1] || !m[2] || m[2] === '0') return undefined;
  return `${m[1]}-${Number(m[2]) - 1}`;
}

export const newLiveId = (): string =>
  digest(`${Math.random()}:${process.hrtime.bigint()}`, 8).replace(/[-_]/g, 'z');
