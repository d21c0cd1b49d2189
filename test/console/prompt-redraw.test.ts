import { PassThrough, Writable } from 'node:stream';
import xterm from '@xterm/headless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { readEnv } from '../../src/config/env.js';
import { recordingLogger } from '../support/recording-logger.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';

const COLUMNS = 100;

/**
 * A terminal for the playground to talk to: what it writes is interpreted by xterm.js's
 * headless emulator (cursor moves, line clears and all), so the test reads the screen a
 * person would see; keystrokes go in through a stream, as from a TTY in raw mode.
 */
class FakeTerminal {
  // convertEol: a TTY turns \n into \r\n (ONLCR), raw mode included.
  readonly screen = new xterm.Terminal({ cols: COLUMNS, rows: 60, allowProposedApi: true, convertEol: true });
  readonly input = new PassThrough();
  readonly output: Writable & { columns: number; rows: number; isTTY: boolean };
  private pending = Promise.resolve();

  constructor() {
    const screen = this.screen;
    const output = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.pending = new Promise((resolve) => screen.write(chunk.toString(), () => resolve()));
        done();
      },
    });
    this.output = Object.assign(output, { columns: COLUMNS, rows: 60, isTTY: true });
  }

  type(keys: string) {
    this.input.write(keys);
  }

  /** The screen's lines, trailing blanks trimmed, empty lines at the end dropped. */
  async lines(): Promise<string[]> {
    await this.pending;
    const buffer = this.screen.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++)
      lines.push((buffer.getLine(i)?.translateToString(true) ?? '').trimEnd());
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  }

  async cursor(): Promise<{ x: number; y: number }> {
    await this.pending;
    const buffer = this.screen.buffer.active;
    return { x: buffer.cursorX, y: buffer.baseY + buffer.cursorY };
  }

  async waitFor(what: string, test: (lines: string[]) => boolean, timeoutMs = 20_000): Promise<string[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const lines = await this.lines();
      if (test(lines)) return lines;
      if (Date.now() > until)
        throw new Error(`timed out waiting for ${what}; screen:\n${JSON.stringify(lines)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('the playground at a terminal', () => {
  let redis: LocalRedis;
  let app: App;
  let term: FakeTerminal;
  beforeAll(async () => {
    redis = await startLocalRedis();
    term = new FakeTerminal();
    app = await createApp({
      env: readEnv({ REDIS_URL: redis.url }),
      redisPrefix: `redraw-${process.pid}:`,
      logger: recordingLogger(),
      consoleIo: { input: term.input, output: term.output, interactive: true },
    });
    await app.start();
  });
  afterAll(async () => {
    await app?.stop();
    await redis?.stop();
  });

  it('GIVEN a half-typed line WHEN a reveal arrives on its own THEN it prints above the prompt and the line is redrawn intact', async () => {
    await term.waitFor('the prompt', (l) => l.at(-1) === 'you>');
    term.type(':run daily\r');
    await term.waitFor(
      'the daily question and a new prompt',
      (l) => l.includes('[A] [B] [C] [D]') && l.at(-1) === 'you>',
    );
    term.type(':pre');
    await term.waitFor('the typed text', (l) => l.at(-1) === 'you> :pre');

    // The close job fires by itself (as the timer would), while ":pre" is still being typed.
    const history = await app.engine.ctx.store.rounds.dailyHistory('console:local:playground');
    await app.queue.add('close', { roundId: history.latestRoundId }, { jobId: 'close-by-timer' });
    const screen = await term.waitFor(
      'the reveal',
      (l) => l.some((line) => line.includes('答案揭晓')) && l.at(-1) === 'you> :pre',
    );

    // The reveal sits above the prompt; nothing was printed into or over the typed line.
    const revealAt = screen.findIndex((line) => line.includes('答案揭晓'));
    expect(revealAt).toBeGreaterThan(screen.indexOf('you> :run daily'));
    expect(revealAt).toBeLessThan(screen.length - 1);
    expect(screen.filter((line) => /:pre(?!ss)/.test(line))).toEqual(['you> :pre']);
    expect(await term.cursor()).toEqual({ x: 'you> :pre'.length, y: screen.length - 1 });

    // Finishing the line sends all of it.
    term.type('ss A\r');
    const after = await term.waitFor(
      'the answer to :press A',
      (l) => l.includes('you> :press A') && l.at(-1) === 'you>',
    );
    expect(after.some((line) => /no button "A"|已经结束/.test(line))).toBe(true);
  }, 60_000);

  it('GIVEN a typed line longer than the terminal is wide WHEN a post arrives THEN both of its rows are redrawn below it', async () => {
    const long = `/k8s-quiz ask ${'probe '.repeat(22)}`.trimEnd(); // 151 columns with the prompt: two rows
    // Pasted in one go: readline then loses count of the rows it spans (see terminal.ts).
    term.type(long);
    const typed = `you> ${long}`;
    await term.waitFor(
      'the long line',
      (l) => l.slice(-2).join('').replaceAll(' ', '') === typed.replaceAll(' ', ''),
    );
    await app.queue.add('weekly', { teamId: 'console:local:playground', at: Date.now(), scope: 'current' });
    const screen = await term.waitFor(
      'this week so far',
      (l) =>
        l.some((line) => line.includes('本周至今')) &&
        l.slice(-2).join('').replaceAll(' ', '') === typed.replaceAll(' ', ''),
    );
    // The whole post — its title and its one line — right above the two rows of the prompt.
    const title = screen.findIndex((line) => line.includes('本周至今'));
    expect(screen.slice(title + 1, -2)).toEqual(['本周还没有人作答。']);
    // The typed text appears once: in the last two rows, under the post.
    expect(screen.filter((line) => line.includes('probe probe')).length).toBe(2);
    expect(screen.at(-2)?.startsWith('you> /k8s-quiz ask probe')).toBe(true);
  }, 60_000);

  it('GIVEN Ctrl-C at the prompt (the terminal is in raw mode, so no signal) THEN the playground ends and the app stops', async () => {
    term.type('\x03');
    const stopped = await Promise.race([
      app.finished.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
    ]);
    expect(stopped).toBe(true);
  }, 30_000);
});
