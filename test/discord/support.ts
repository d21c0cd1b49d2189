import { spawn } from 'node:child_process';
import { readEnv } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import type { Request } from '../../src/core/command.js';
import type { Logger } from '../../src/core/ports.js';
import type { View } from '../../src/core/view.js';
import type { PlatformAdapter, RequestHandler } from '../../src/platforms/adapter.js';
import { createDiscordAdapter, type DiscordAdapterOptions } from '../../src/platforms/discord/index.js';
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
