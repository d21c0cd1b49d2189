/**
 * The baseline for the bot's memory and press latency: the smallest Bolt app doing the same
 * work per button press — verify the signed request (Bolt's own HTTP receiver), ack, record
 * the answer with one HSETNX, reply through the response_url. Nothing else: no engine, no
 * bank, no jobs, no metrics, no logs. Run with plain node (bench/support/plain-node.ts
 * compiles it), with REDIS_URL, PORT, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL.
 * Prints `ready` on stdout once it listens.
 */
import { App, type BlockAction, type ButtonAction } from '@slack/bolt';
import { Redis } from 'ioredis';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`bare-bolt: ${name} is required`);
  return value;
};

const redis = new Redis(env('REDIS_URL'));
const prefix = process.env.REDIS_PREFIX ?? 'bare:';
const app = new App({
  signingSecret: env('SLACK_SIGNING_SECRET'),
  // The identity is known up front, as the bot learns it once from auth.test.
  authorize: async () => ({ botToken: env('SLACK_BOT_TOKEN'), botId: 'BBOT', botUserId: 'UBOT' }),
  clientOptions: { slackApiUrl: env('SLACK_API_URL') },
});

app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, async ({ ack, body, respond }) => {
  await ack();
  const action = body.actions[0];
  const first = await redis.hsetnx(
    `${prefix}answers:${action?.action_id}`,
    body.user.id,
    action?.value ?? '',
  );
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    text: first ? 'Your answer is recorded.' : 'You have already answered.',
  });
});

await app.start(Number(env('PORT')));
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void app.stop().then(() => redis.quit().then(() => process.exit(0)));
});
