import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';

/** The fakes' limits themselves, over raw HTTP: what an unpaced bot would meet. */
describe('Fakes enforce the platforms’ rate limits', () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  const discordPost = (fake: FakeDiscord, channel: string) =>
    fetch(`${fake.apiUrl}/v10/channels/${channel}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'hello' }),
    });

  it('GIVEN Discord’s global limit of 20/s and 25 posts at once THEN 5 are answered 429 as Discord does (global, Retry-After, retry_after)', async () => {
    const fake = await FakeDiscord.start({ rateLimits: { globalPerSecond: 20 } });
    closing.push(() => fake.close());
    const replies = await Promise.all(
      Array.from({ length: 25 }, (_, i) => discordPost(fake, String(300 + i))),
    );
    const limited = replies.filter((r) => r.status === 429);
    expect(limited).toHaveLength(5);
    const [first] = limited;
    expect(first?.headers.get('x-ratelimit-global')).toBe('true');
    expect(first?.headers.get('x-ratelimit-scope')).toBe('global');
    expect(Number(first?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await first?.json()) as { retry_after: number; global: boolean };
    expect(body.global).toBe(true);
    expect(body.retry_after).toBeGreaterThan(0);
    expect(body.retry_after).toBeLessThanOrEqual(1);
    expect(fake.state.messages.size).toBe(20);
  });

  it('GIVEN a per-route bucket of 2 per 5 s THEN the third post to one channel is a 429 with the bucket’s headers, another channel is not affected', async () => {
    const fake = await FakeDiscord.start({ rateLimits: { route: { limit: 2, windowMs: 5000 } } });
    closing.push(() => fake.close());
    const first = await discordPost(fake, '400');
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('x-ratelimit-bucket')).toBeTruthy();
    await discordPost(fake, '400');
    const third = await discordPost(fake, '400');
    expect(third.status).toBe(429);
    expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(third.headers.get('x-ratelimit-scope')).toBe('user');
    expect(Number(third.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(((await third.json()) as { global: boolean }).global).toBe(false);
    expect((await discordPost(fake, '401')).status).toBe(200);
  });

  it('GIVEN Slack’s one message per second per channel with a burst of 3 THEN the fourth post at once is HTTP 429 `ratelimited` with Retry-After: 1, another channel is not affected', async () => {
    const fake = await FakeSlack.start({ rateLimits: { perChannelPerSecond: 1, channelBurst: 3 } });
    closing.push(() => fake.stop());
    const post = (channel: string) =>
      fetch(`${fake.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fake.state.botToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ channel, text: 'hello' }),
      });
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await post('C1'));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(replies[3]?.headers.get('retry-after')).toBe('1');
    expect(await replies[3]?.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect((await post('C2')).status).toBe(200);
    expect(fake.state.messages).toHaveLength(4);
    expect(fake.limits.limited).toBe(1);
  });

  it('GIVEN no limits set THEN nothing is refused (the other tests keep their speed)', async () => {
    const fake = await FakeDiscord.start();
    closing.push(() => fake.close());
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) => discordPost(fake, String(500 + i))),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
  });
});
