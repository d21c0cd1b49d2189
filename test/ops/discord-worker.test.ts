import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { buttonsOf } from '../fakes/discord/fake-state.js';
import { SlackWorld } from './slack-world.js';

const GUILD = '760000000000000001';
const CHANNEL = '760000000000000002';

let discord: FakeDiscord;
let world: SlackWorld;
beforeAll(async () => {
  discord = await FakeDiscord.start({
    guilds: [{ id: GUILD, name: 'g', channels: [{ id: CHANNEL, name: 'quiz' }] }],
  });
  world = await SlackWorld.start({
    teams: [{ platform: 'discord', workspaceId: GUILD, channelId: CHANNEL }],
  });
});
afterAll(async () => {
  await world.stop();
  await discord.close();
});

describe('ROLE=worker on Discord', () => {
  it('GIVEN a Discord worker THEN it opens no gateway session, is ready, and posts the daily question through REST', async () => {
    // Discord only: the world's Slack variables are blanked (empty counts as unset).
    const worker = await world.startBot({
      ...discord.env,
      ROLE: 'worker',
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
    });
    await worker.waitReady(40_000);
    expect(discord.gateway.identifies).toHaveLength(0);
    await world.runDaily(CHANNEL, `discord:${GUILD}:${CHANNEL}`);
    const posted = await discord.waitFor('the daily question', () =>
      discord.channelMessages(CHANNEL).find((m) => buttonsOf(m).length > 0),
    );
    expect(posted.channel_id).toBe(CHANNEL);
    expect(discord.gateway.identifies).toHaveLength(0);
  }, 60_000);

  it('GIVEN a Discord worker with a wrong token THEN one line says the token was refused and it exits 1', async () => {
    const worker = await world.startBot({
      ...discord.env,
      DISCORD_TOKEN: 'not-the-token',
      ROLE: 'worker',
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
    });
    expect(await worker.exited).toBe(1);
    expect(worker.stderr.trim()).toBe('k8s-quiz: discord: DISCORD_TOKEN was refused (401 Unauthorized)');
  }, 60_000);
});
