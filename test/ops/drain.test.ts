import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAction } from '../../src/core/actions.js';
import type { Place } from '../fakes/slack/payloads.js';
import { actionIdsOf, SlackWorld, WORKSPACE } from './slack-world.js';

const CHANNEL = 'CDRAIN';
const PLAYERS = 200;
const DRAIN_SECONDS = 20;

let world: SlackWorld;
beforeAll(async () => {
  world = await SlackWorld.start({ teams: [{ channelId: CHANNEL }] });
});
afterAll(() => world.stop());

describe('graceful drain (the real process, Slack HTTP mode)', () => {
  it(`GIVEN a burst of ${PLAYERS} signed presses WHEN SIGTERM comes in the middle THEN every press that got a 200 is stored and answered, /readyz is 503 from the signal on, and the bot exits 0 within DRAIN_SECONDS`, async () => {
    const bot = await world.startBot({ DRAIN_SECONDS: String(DRAIN_SECONDS) });
    await bot.waitReady(40_000);
    await world.runDaily(CHANNEL);
    const question = await world.fake.waitFor(
      () => world.fake.state.messages.find((m) => m.channel === CHANNEL && actionIdsOf(m).length > 0),
      20_000,
      'the daily question',
    );
    const actionId = actionIdsOf(question)[0] ?? '';
    const roundId = (decodeAction(actionId) as { roundId: string }).roundId;

    const statuses = new Map<number, number>();
    let signalAt = 0;
    const readyAfterSignal: number[] = [];
    const pollReady = async () => {
      // From the moment the process has the signal (it logs it), /readyz must say 503.
      await bot.waitForLog('draining', (l) => l.msg === 'k8s-quiz: draining', 10_000).catch(() => undefined);
      while (bot.alive) {
        readyAfterSignal.push((await bot.get('/readyz')).status);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    let next = 0;
    let polling: Promise<void> | undefined;
    const sendOne = async (n: number) => {
      const place: Place = { teamId: WORKSPACE, channelId: CHANNEL, userId: `UP${n}`, userName: `p${n}` };
      const res = await world
        .press(bot, place, question.ts, actionId, `press-${n}`)
        .catch(() => ({ status: 0 }));
      statuses.set(n, res.status);
      if (statuses.size === PLAYERS / 2 && !signalAt) {
        signalAt = bot.signal('SIGTERM');
        polling = pollReady();
      }
    };
    // 25 presses in flight at a time, as a busy channel sends them.
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        while (next < PLAYERS) await sendOne(next++);
      }),
    );
    const code = await bot.exited;
    const exitMs = Date.now() - signalAt;
    await polling;

    const ok = [...statuses].filter(([, s]) => s === 200).map(([n]) => n);
    const stored = new Set(await world.answered(roundId));
    const answered = new Set(world.fake.responses.map((r) => r.key));
    const lost = ok.filter((n) => !stored.has(`UP${n}`) || !answered.has(`press-${n}`));
    const refused = [...statuses.values()].filter((s) => s !== 200);
    console.info(
      `drain: ${PLAYERS} sent, ${ok.length} got 200, ${stored.size} stored, ${answered.size} answered, ${refused.length} refused (${[...new Set(refused)].join('/')}), exit ${code} after ${exitMs} ms; readyz ${readyAfterSignal.join(',')}`,
    );
    expect(code).toBe(0);
    expect(ok.length).toBeGreaterThanOrEqual(PLAYERS / 2);
    expect(lost).toEqual([]);
    expect(refused.every((s) => s === 503 || s === 0)).toBe(true);
    expect(readyAfterSignal.length).toBeGreaterThan(0);
    expect(readyAfterSignal.every((s) => s === 503 || s === 0)).toBe(true);
    expect(exitMs).toBeLessThan(DRAIN_SECONDS * 1000);
    expect(bot.logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 120_000);
});

describe('a second signal', () => {
  it('GIVEN a drain waiting for a request still in flight THEN a second SIGTERM exits at once', async () => {
    const bot = await world.startBot({ DRAIN_SECONDS: '60' });
    await bot.waitReady(40_000);
    // A request whose body never finishes: the drain waits for it.
    const socket = connect(bot.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ty',
    );
    await new Promise((r) => setTimeout(r, 300));
    bot.signal('SIGTERM');
    await bot.waitForLog('draining', (l) => l.msg === 'k8s-quiz: draining');
    await new Promise((r) => setTimeout(r, 1000));
    expect(bot.alive).toBe(true); // still draining
    const second = bot.signal('SIGTERM');
    expect(await bot.exited).toBe(143);
    expect(Date.now() - second).toBeLessThan(5000);
    expect(bot.stderr).toContain('SIGTERM again: exiting now');
    socket.destroy();
  }, 60_000);
});
