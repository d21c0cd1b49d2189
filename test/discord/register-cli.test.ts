import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { runCliAsync as runAsync } from './support.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => fake.close());

describe('npm run cli -- discord register', () => {
  test('GIVEN --guild THEN the command is PUT to that guild with the bot token and is usable at once', async () => {
    const guild = '123456789012345678';
    const run = await runAsync(['discord', 'register', '--guild', guild], fake.env);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`in guild ${guild}`);
    const [put] = fake.requestsTo(
      'PUT',
      new RegExp(`/applications/${fake.applicationId}/guilds/${guild}/commands$`),
    );
    expect(put?.authorization).toBe(`Bot ${fake.token}`);
    expect(fake.commands.get(guild)).toEqual([expect.objectContaining({ name: 'k8s-quiz' })]);
  });

  test('GIVEN no --guild THEN the command is registered globally', async () => {
    const run = await runAsync(['discord', 'register'], fake.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('globally');
    expect(fake.commands.get('global')).toHaveLength(1);
  });

  test('GIVEN no DISCORD_TOKEN THEN it exits 1 naming the missing settings and sends nothing', async () => {
    const before = fake.requests.length;
    const run = await runAsync(['discord', 'register'], { ...fake.env, DISCORD_TOKEN: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('DISCORD_TOKEN');
    expect(fake.requests.length).toBe(before);
  });

  test('GIVEN a wrong token THEN it exits 1 with Discord’s refusal', async () => {
    const run = await runAsync(['discord', 'register'], { ...fake.env, DISCORD_TOKEN: 'wrong' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('401');
  });
});
