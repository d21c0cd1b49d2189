import { spawn } from 'node:child_process';
import { readEnv } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { Request } from '../../src/core/command.js';
import type { Logger } from '../../src/core/ports.js';
import type { View } from '../../src/core/view.js';
import { HttpServer } from '../../src/http/server.js';
import { Intake } from '../../src/ops/intake.js';
import type { PlatformAdapter, RequestHandler } from '../../src/platforms/adapter.js';
import {
  createDiscordAdapter,
  type DiscordAdapterOptions,
  INTERACTIONS_PATH,
} from '../../src/platforms/discord/index.js';
import type { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { recordingLogger } from '../support/recording-logger.js';
import { type CliRun, ROOT } from '../support/run-cli.js';

export { type LogLine, recordingLogger } from '../support/recording-logger.js';

/** A stand-in engine for adapter-only tests: records requests and answers with what the test says. */
export function scriptedEngine(answer: (request: Request) => View[] | Promise<View[]>) {
  const requests: Request[] = [];
  const engine: RequestHandler = {
    async handle(request) {
      requests.push(request);
      return answer(request);
    },
  };
  return { engine, requests };
}

/** The real adapter (real discord.js client) pointed at the fake. */
export async function startAdapter(
  fake: FakeDiscord,
  engine: RequestHandler,
  options: DiscordAdapterOptions = {},
  logger: Logger = recordingLogger(),
): Promise<PlatformAdapter> {
  const config = await loadAppConfig();
  const adapter = createDiscordAdapter({ engine, config, env: readEnv({ ...fake.env }), logger }, options);
  await adapter.start();
  return adapter;
}

/**
 * The real adapter in HTTP-interactions mode on its own HTTP server (127.0.0.1, a free port),
 * the fake pointed at its endpoint: `fake.interact` then POSTs signed interactions to it.
 * Stopping the adapter closes the server too.
 */
export async function startHttpAdapter(
  fake: FakeDiscord,
  engine: RequestHandler,
  options: DiscordAdapterOptions = {},
  logger: Logger = recordingLogger(),
): Promise<PlatformAdapter> {
  const intake = new Intake();
  const http = new HttpServer(logger, intake);
  const port = await http.listen(0, '127.0.0.1');
  fake.interactionsUrl = `http://127.0.0.1:${port}${INTERACTIONS_PATH}`;
  const env = readEnv({ ...fake.env, DISCORD_PUBLIC_KEY: fake.publicKey });
  const config = await loadAppConfig();
  const adapter = createDiscordAdapter({ engine, config, env, logger, intake, http }, options);
  await adapter.start();
  return {
    ...adapter,
    ready: () => adapter.ready(),
    async stop() {
      await adapter.stop();
      await http.close();
    },
  };
}

/**
 * `npm run cli -- …` without blocking this process (unlike spawnSync), so a fake Discord
 * running in the test can answer the CLI's requests.
 */
export function runCliAsync(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
