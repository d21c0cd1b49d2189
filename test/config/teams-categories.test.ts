import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBot } from '../support/bot-process.js';
import { ROOT } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('config/teams.yaml categories (the real process)', () => {
  it('GIVEN a team with categories: [pods, nonsense] THEN the start stops with file:line, the field and the choices', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'k8sq-teams-'));
    dirs.push(configDir);
    copyFileSync(join(ROOT, 'config/default.yaml'), join(configDir, 'default.yaml'));
    writeFileSync(
      join(configDir, 'teams.yaml'),
      [
        '- platform: slack',
        '  workspaceId: T1',
        '  channelId: C1',
        '  settings:',
        '    categories: [pods, nonsense]',
        '',
      ].join('\n'),
    );
    const run = await runBot({
      REDIS_URL: 'redis://127.0.0.1:1', // never contacted: validation comes first
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
      CONFIG_DIR: configDir,
      CONTENT_DIR: join(ROOT, 'content'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /teams\.yaml:5: \[0\]\.settings\.categories\[1\]: unknown category "nonsense"; choose from: basics, .*networking/,
    );
    expect(run.stderr).not.toMatch(/cannot reach Redis/);
  });
});
