import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

const FORBIDDEN = [
  'discord.js',
  '@discordjs/',
  '@slack/',
  'ioredis',
  'bullmq',
  '../store/',
  '../jobs/',
  '../platforms/',
];

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

const importsOf = (file: string) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );

describe('the core boundary', () => {
  it('GIVEN src/core THEN no file imports a platform SDK, Redis, BullMQ, the store, jobs or an adapter', () => {
    const offenders = sources('src/core').flatMap((file) =>
      importsOf(file)
        .filter((spec) =>
          FORBIDDEN.some((f) => spec.startsWith(f) || spec.includes(`/${f}`.replace('//', '/'))),
        )
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('GIVEN the rest of the code THEN only src/platforms/<platform> imports that platform SDK', () => {
    const offenders = sources('src')
      .filter((file) => !file.startsWith(join('src', 'platforms')) && !file.startsWith(join('src', 'cli')))
      .flatMap((file) =>
        importsOf(file)
          .filter((spec) => spec === 'discord.js' || spec.startsWith('@slack/'))
          .map((spec) => `${file} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it('GIVEN the check itself THEN it sees a forbidden import when one is there', () => {
    expect(importsOf('src/store/redis-store.ts')).toContain('ioredis');
  });
});
