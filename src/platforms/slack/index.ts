import { webApi } from '@slack/bolt';
import { Intake } from '../../ops/intake.js';
import type { AdapterDeps, PlatformAdapter } from '../adapter.js';
import { type BoltApp, createBoltApp, type SlackMode } from './bolt-app.js';
import { registerListeners } from './listeners.js';
import { Members } from './members.js';
import { SlackOutbox } from './outbox.js';
import { RecentDeliveries } from './recent.js';
import { Replies } from './replies.js';
import { outboxClient, webApiBase, webClientOptions } from './web-client.js';

/**
 * The Slack connection: the real Bolt app (Socket Mode when SLACK_APP_TOKEN is set, else
 * HTTP on the bot's server with the signing secret) and the outbox for scheduled posts,
 * which needs only the Web API — a worker-only process posts without any listener.
 * SLACK_API_URL moves every Web API call, Socket Mode's apps.connections.open included.
 */
export function createSlackAdapter(deps: AdapterDeps): PlatformAdapter {
  const { env, logger, config } = deps;
  const token = env.SLACK_BOT_TOKEN;
  const mode = modeOf(env);
  if (!token || !mode)
    throw new Error('SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) are required');
  const intake = deps.intake ?? new Intake();
  const clientOptions = webClientOptions(env.SLACK_API_URL, logger);
  const client = new webApi.WebClient(token, clientOptions);
  const outbox = new SlackOutbox(outboxClient(token, env.SLACK_API_URL, logger), logger, {
    pacer: deps.pacer,
    ...config.pacing.slack,
  });
  let bolt: BoltApp | undefined;
  let members: Members | undefined;
  let started = false;

  return {
    platform: 'slack',
    outbox,
    async start() {
      const auth = await client.auth.test().catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`slack: SLACK_BOT_TOKEN was refused by ${webApiBase(env.SLACK_API_URL)} (${reason})`);
      });
      if (deps.listen !== false) {
        bolt = createBoltApp({
          mode,
          authorization: {
            botToken: token,
            botId: auth.bot_id,
            botUserId: auth.user_id,
            teamId: auth.team_id,
          },
          clientOptions,
          logger,
          http: deps.http,
        });
        if (mode.kind === 'socket')
          // HTTP requests are shut out and counted by the server; socket events here.
          bolt.app.use(async ({ next }) => {
            if (intake.accepting) await intake.track(next);
          });
        members = new Members(client, logger, { configAdmins: config.admins.slack });
        registerListeners(bolt.app, {
          engine: deps.engine,
          members,
          replies: new Replies(client, logger),
          recent: new RecentDeliveries(),
          limits: config.live,
          logger,
        });
        await bolt.app.start();
      }
      started = true;
      const listening = deps.listen === false ? 'none (worker)' : mode.kind;
      logger.info({ mode: listening, team: auth.team, bot: auth.user }, 'slack: connected');
    },
    async stop() {
      await bolt?.app.stop();
      members?.stop();
      bolt = undefined;
      started = false;
    },
    ready: () => started && (bolt?.connected() ?? true),
  };
}

/** The mode follows from the credentials: an app-level token means Socket Mode. */
function modeOf(env: AdapterDeps['env']): SlackMode | undefined {
  if (env.SLACK_APP_TOKEN) return { kind: 'socket', appToken: env.SLACK_APP_TOKEN };
  if (env.SLACK_SIGNING_SECRET) return { kind: 'http', signingSecret: env.SLACK_SIGNING_SECRET };
  return undefined;
}
