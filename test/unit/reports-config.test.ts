import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadAppConfig } from '../../src/config/load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'k8sq-reports-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const shipped = readFileSync('config/default.yaml', 'utf8');

describe('reports.holdAfter in config/default.yaml', () => {
  it('GIVEN the shipped file THEN 3 different reporters hold an item back', async () => {
    expect((await loadAppConfig('config/default.yaml')).reports).toEqual({ holdAfter: 3 });
  });

  it('GIVEN 0 or a fraction THEN the start stops naming the file, line and field', async () => {
    for (const bad of ['0', '2.5', 'three']) {
      const file = join(dir, `default-${bad}.yaml`);
      writeFileSync(file, shipped.replace('holdAfter: 3', `holdAfter: ${bad}`));
      const error = await loadAppConfig(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).lines).toEqual([
        expect.stringMatching(/default-.*\.yaml:\d+: reports\.holdAfter: /),
      ]);
    }
  });
});
