import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { DiscordWorld, TEAM_ID } from './e2e-harness.js';

/** Names that are Discord Markdown, and one with a zero-width space and a bidi override in it. */
const TYPED = ['*bold*', '_x_', '~~x~~', '`x`', '||x||', 'bo\u200Bb\u202E'];
const SHOWN = ['*bold*', '_x_', '~~x~~', '`x`', '||x||', 'bob'];
const players: FakePlayer[] = TYPED.map((name, i) => ({ id: `82000000000000000${i}`, name }));

/** What a Discord client displays for Markdown text: a backslash before punctuation shows that character. */
const displayed = (markdown: string) => markdown.replace(/\\([^\p{L}\p{N}\s])/gu, '$1');
/** A Markdown marker without a backslash in front: it would format the text. */
const LIVE_MARKER = /(?<!\\)(\*|_|~~|`|\|\|)/;

let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'en' } });
});
afterAll(async () => world?.stop());

describe('player names on Discord, end to end', () => {
  test('GIVEN players named *bold*, _x_, ~~x~~, `x`, ||x|| and one with invisible characters THEN the reveal, the board and stats show each name as typed', async () => {
    await world.app.queue.add('daily', { teamId: TEAM_ID, at: Date.now() });
    const [question] = (await world.waitForPosts('the daily question', /^Question of the day/)) as [
      FakeMessage,
    ];
    const roundId = buttonsOf(question)[0]?.custom_id.split(':')[2] ?? '';
    const round = await world.app.engine.ctx.store.rounds.get(roundId);
    for (const player of players) await world.replies(world.press(player, question, round?.answer ?? 0));
    await world.app.queue.add('close', { roundId });
    const [reveal] = (await world.waitForPosts('the reveal', /^Reveal ·/)) as [FakeMessage];

    const winners = reveal.embeds.flatMap((e) => e.fields ?? []).find((f) => f.name.startsWith('Right'));
    const lines = winners?.value.split('\n') ?? [];
    expect(lines).toHaveLength(SHOWN.length);
    for (const line of lines) expect(line, line).not.toMatch(LIVE_MARKER);
    expect(lines.map((line) => displayed(line).replace(/^\d+\. | \+\d+ pts?$/g, ''))).toEqual(SHOWN);

    const [board] = await world.replies(world.command(players[0] as FakePlayer, 'leaderboard'));
    const rows = (board?.embeds[0]?.description ?? '').split('\n');
    for (const row of rows) expect(row, row).not.toMatch(LIVE_MARKER);
    expect(
      rows
        .map((row) => displayed(row).replace(/^(\p{Extended_Pictographic}|\u2007?\d+) | — \d+ pts?$/gu, ''))
        .sort(),
    ).toEqual([...SHOWN].sort());

    const [stats] = await world.replies(world.command(players[1] as FakePlayer, 'stats'));
    expect(stats?.embeds[0]?.title).toBe('Stats for \\_x\\_');

    // The zero-width space and the bidi override never reached Discord.
    const sent = JSON.stringify(world.fake.requests.map((r) => r.body));
    expect(sent).not.toContain('bo\u200Bb');
    expect(sent).not.toContain('\u202E');
  }, 60_000);
});
