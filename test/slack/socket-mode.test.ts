import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { PlatformAdapter } from '../../src/platforms/adapter.js';
import { createSlackAdapter } from '../../src/platforms/slack/index.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { FakeSocket } from '../fakes/slack/fake-socket.js';
import { blockActionsBody, type Place, slashCommandBody } from '../fakes/slack/payloads.js';
import { freePort } from '../support/redis-server.js';
import { recordingLogger, ScriptedEngine } from './support.js';

const place: Place = { teamId: 'T0001', channelId: 'C9', userId: 'U1', userName: 'ana' };

describe('Slack adapter in Socket Mode (real Bolt, fake Slack WebSocket)', () => {
  let fake: FakeSlack;
  let socket: FakeSocket;
  let adapter: PlatformAdapter;
  const engine = new ScriptedEngine();
  let port = 0;

  beforeAll(async () => {
    fake = await FakeSlack.start({ users: [{ id: 'U1', name: 'ana', display_name: 'Ana' }] });
    socket = await FakeSocket.attach(fake);
    port = await freePort();
    const env = readEnv({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-test-token',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    });
    adapter = createSlackAdapter({ engine, config: await loadAppConfig(), env, logger: recordingLogger() });
    await adapter.start();
    await socket.connected();
  });
  afterAll(async () => {
    await adapter.stop();
    await socket.stop();
    await fake.stop();
  });

  it('GIVEN SLACK_APP_TOKEN THEN the socket is opened with it through apps.connections.open, and no HTTP port is opened', async () => {
    const open = fake.okCallsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-test-token');
    await expect(fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).rejects.toThrow();
  });

  it('GIVEN a slash command envelope THEN it is acked over the socket and answered through the response_url', async () => {
    engine.answer = () => [{ visibility: 'private', body: 'socket ok' }];
    const payload = Object.fromEntries(
      new URLSearchParams(slashCommandBody(place, 'stats', fake.responseUrl('sock'))),
    );
    const { ms } = await socket.deliver({ type: 'slash_commands', payload });
    expect(ms).toBeLessThan(1000);
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.key === 'sock'));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: 'socket ok' });
    expect(engine.requests.at(-1)).toMatchObject({
      team: { workspaceId: 'T0001', channelId: 'C9' },
      actor: { id: 'U1', name: 'Ana' },
      command: { name: 'stats' },
    });
  });

  it('GIVEN a button press envelope THEN the engine gets the answer', async () => {
    const body = blockActionsBody(place, {
      actionId: 'k8sq:a:daily-x:3',
      messageTs: '1.000002',
      responseUrl: fake.responseUrl('sock-press'),
    });
    const payload = JSON.parse(new URLSearchParams(body).get('payload') ?? '{}') as Record<string, unknown>;
    await socket.deliver({ type: 'interactive', payload });
    await fake.waitFor(() => fake.responses.find((r) => r.key === 'sock-press'));
    expect(engine.requests.at(-1)?.command).toEqual({ name: 'answer', roundId: 'daily-x', choice: 3 });
  });
});
