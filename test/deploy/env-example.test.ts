import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config/env.js';
import { ROOT } from '../support/run-cli.js';

const VARIABLE = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/;

/** .env.example's variables, each with the comment lines right above it and whether it is set. */
function readExample() {
  const lines = readFileSync(join(ROOT, '.env.example'), 'utf8').split('\n');
  return lines.flatMap((line, i) => {
    const m = VARIABLE.exec(line);
    if (!m) return [];
    const above = lines[i - 1] ?? '';
    const described = above.startsWith('# ') && !VARIABLE.test(above.slice(2)) && !above.startsWith('# ---');
    return [{ name: m[2] ?? '', value: m[3] ?? '', active: !m[1], described, line: i + 1 }];
  });
}

describe('.env.example', () => {
  it('GIVEN the bot’s environment schema THEN .env.example lists exactly its variables, once each, each under a comment', () => {
    const vars = readExample();
    expect(vars.map((v) => v.name).sort()).toEqual(Object.keys(EnvSchema.shape).sort());
    expect(new Set(vars.map((v) => v.name)).size).toBe(vars.length);
    expect(vars.filter((v) => !v.described).map((v) => `line ${v.line}: ${v.name}`)).toEqual([]);
  });

  it('GIVEN the values .env.example sets THEN the bot’s schema accepts them (the defaults it shows are valid)', () => {
    const set = Object.fromEntries(
      readExample()
        .filter((v) => v.active)
        .map((v) => [v.name, v.value]),
    );
    const parsed = EnvSchema.safeParse(set);
    expect(
      parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`),
    ).toEqual([]);
    expect(parsed.data?.REDIS_URL).toBe('redis://redis:6379/0'); // the compose service
  });
});
