import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buttonsOf, type FakeMessage } from '../fakes/discord/fake-state.js';
import type { FakePlayer } from '../fakes/discord/payloads.js';
import { CHANNEL, DiscordWorld, TEAM_ID } from './e2e-harness.js';

const players: FakePlayer[] = ['陈静', 'Bruno'].map((name, i) => ({ id: `81000000000000000${i}`, name }));
const WEEK = 7 * 24 * 3600_000;

let world: DiscordWorld;
beforeAll(async () => {
  world = await DiscordWorld.start({ team: { locale: 'zh-CN', timezone: 'Asia/Shanghai' } });
  // This week: a daily question, answered by both, revealed.
  await world.app.queue.add('daily', { teamId: TEAM_ID, at: Date.now() });
  const [question] = (await world.waitForPosts('the daily question', /^每日一题/)) as [FakeMessage];
  await Promise.all(players.map((p, i) => world.replies(world.press(p, question, i))));
  await world.app.queue.add('close', { roundId: buttonsOf(question)[0]?.custom_id.split(':')[2] });
  await world.waitForPosts('the reveal', /^答案揭晓/);
}, 60_000);
afterAll(async () => world?.stop());

describe('the weekly chart on Discord, end to end', () => {
  test('GIVEN the week’s answers WHEN the weekly job runs THEN one multipart post carries the PNG, shown in the embed', async () => {
    await world.app.queue.add('weekly', { teamId: TEAM_ID, at: Date.now() + WEEK });
    const [post] = (await world.waitForPosts('the weekly announcement', /^上周战报/, 1, 60_000)) as [
      FakeMessage,
    ];
    const [attachment] = post.attachments;
    expect(attachment?.filename).toMatch(/^k8s-quiz-\d{4}-W\d\d\.png$/);
    expect(attachment?.content_type).toBe('image/png');
    expect(post.embeds.at(-1)?.image?.url).toBe(`attachment://${attachment?.filename}`);
    const [file] = world.fake.state.uploads.get(post.id) ?? [];
    expect(file?.data.subarray(1, 4).toString()).toBe('PNG');
    expect(file?.data.readUInt32BE(16)).toBe(1600);
    // The retried job posts nothing more.
    await world.app.queue.add('weekly', { teamId: TEAM_ID, at: Date.now() + WEEK });
    await new Promise((r) => setTimeout(r, 1500));
    expect(world.posts(/^上周战报/)).toHaveLength(1);
  }, 90_000);

  test('GIVEN the bot may not attach files in the channel THEN the announcement still goes out, without the picture', async () => {
    world.fake.state.noAttachFiles.add(CHANNEL);
    // This week so far (the same answers), as the playground's `:run weekly now` posts it.
    await world.app.queue.add('weekly', { teamId: TEAM_ID, at: Date.now(), scope: 'current' });
    const [text] = (await world.waitForPosts('this week so far', /^本周至今/, 1, 60_000)) as [FakeMessage];
    expect(text.attachments).toEqual([]);
    expect(text.embeds.some((e) => e.image)).toBe(false);
    const refused = world.fake
      .requestsTo('POST', /\/channels\/\d+\/messages$/)
      .filter((r) => r.status === 403);
    expect(refused).toHaveLength(1);
    expect(refused[0]?.files?.[0]?.name).toMatch(/\.png$/);
    expect(
      world.logger.lines.some((l) => l.msg === 'discord: the picture was refused; posting the text alone'),
    ).toBe(true);
    expect((await world.app.engine.ctx.store.teams.get(TEAM_ID))?.settings.paused).toBe(false);
  }, 90_000);
});
