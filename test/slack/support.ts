import type { AppConfig } from '../../src/config/app-config.js';
import { readEnv } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { Request } from '../../src/core/command.js';
import type { View } from '../../src/core/view.js';
import { HttpServer } from '../../src/http/server.js';
import { Intake } from '../../src/ops/intake.js';
import type { PlatformAdapter, RequestHandler } from '../../src/platforms/adapter.js';
import { createSlackAdapter } from '../../src/platforms/slack/index.js';
import { FakeSlack, type FakeSlackOptions } from '../fakes/slack/fake-slack.js';
import { type Place, slashCommandBody } from '../fakes/slack/payloads.js';
import { postSigned, type SignedPostOptions } from '../fakes/slack/signed-request.js';
import { freePort } from '../support/redis-server.js';

export const SIGNING_SECRET = 'test-signing-secret';

import { type RecordingLogger, recordingLogger } from '../support/recording-logger.js';

export { type RecordingLogger, recordingLogger };

/** Our own RequestHandler (not a mock of Bolt): records requests and answers with given Views. */
export class ScriptedEngine implements RequestHandler {
  readonly requests: Request[] = [];
  delayMs = 0;
  answer: (request: Request) => View[] = () => [{ visibility: 'private', body: 'ok' }];

  async handle(request: Request): Promise<View[]> {
    this.requests.push(request);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.answer(request);
  }
}

export interface AdapterRig {
  fake: FakeSlack;
  adapter: PlatformAdapter;
  engine: ScriptedEngine;
  logger: RecordingLogger;
  config: AppConfig;
  /** The app's `/slack/events` on 127.0.0.1. */
  eventsUrl: string;
  port: number;
  stop(): Promise<void>;
}

/** The Slack adapter (real Bolt, HTTP mode) in front of a scripted engine, against a fake Slack. */
export async function startAdapterRig(
  options: { fake?: FakeSlackOptions; admins?: string[]; env?: Record<string, string> } = {},
): Promise<AdapterRig> {
  const fake = await FakeSlack.start(options.fake);
  const port = await freePort();
  const base = await loadAppConfig();
  const config: AppConfig = { ...base, admins: { ...base.admins, slack: options.admins ?? [] } };
  const env = readEnv({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    ...options.env,
  });
  const engine = new ScriptedEngine();
  const logger = recordingLogger();
  const http = new HttpServer(logger, new Intake());
  await http.listen(port, '127.0.0.1');
  const adapter = createSlackAdapter({ engine, config, env, logger, http });
  await adapter.start().catch(async (error) => {
    await http.close();
    await fake.stop();
    throw error;
  });
  return {
    fake,
    adapter,
    engine,
    logger,
    config,
    port,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    async stop() {
      await adapter.stop();
      await http.close();
      await fake.stop();
    },
  };
}

/** Sends `/k8s-quiz <text>` as Slack would, signed, with a response_url on the fake. */
export function sendCommand(
  rig: { fake: FakeSlack; eventsUrl: string },
  place: Place,
  text: string,
  key: string,
  options: Partial<SignedPostOptions> = {},
) {
  const body = slashCommandBody(place, text, rig.fake.responseUrl(key));
  return postSigned(rig.eventsUrl, body, { signingSecret: SIGNING_SECRET, ...options });
}
