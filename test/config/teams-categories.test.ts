import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBot } from '../support/bot-process.js';
import { ROOT } from '../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('categories in config/ (the real process)', () => {
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

  it('GIVEN default.yaml with team.categories: [nonsense] THEN the start stops with file:line, the field and the choices', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'k8sq-defaults-'));
    dirs.push(configDir);
    const defaults = readFileSync(join(ROOT, 'config/default.yaml'), 'utf8');
    const line = defaults.split('\n').findIndex((l) => /^\s+categories:/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    writeFileSync(
      join(configDir, 'default.yaml'),
      defaults.replace(/^(\s+categories:) \[\]/m, '$1 [nonsense]'),
    );
    const run = await runBot({
      REDIS_URL: 'redis://127.0.0.1:1',
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: 's',
      CONFIG_DIR: configDir,
      CONTENT_DIR: join(ROOT, 'content'),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `default\\.yaml:${line}: team\\.categories\\[0\\]: unknown category "nonsense"; choose from: basics`,
      ),
    );
  });
});
