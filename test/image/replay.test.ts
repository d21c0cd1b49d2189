import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { slashCommandBody } from '../fakes/slack/payloads.js';
import { postSigned } from '../fakes/slack/signed-request.js';
import { SIGNING_SECRET } from '../slack/support.js';
import { BotProcess, COMPILED, type Launch, runBot } from '../support/bot-process.js';
import { imageFigures, importedPackages } from '../support/image-figures.js';
import { type ReplayedImage, replayImage } from '../support/image-replay.js';
import { type LocalRedis, startLocalRedis } from '../support/redis-server.js';
import { ROOT } from '../support/run-cli.js';

/**
 * The image, proven without a Docker engine: the Dockerfile's stages are replayed into
 * folders (same COPY sources, same RUN commands: npm ci, build, npm ci --omit=dev), and the
 * runtime stage's files are started the way the image starts them — its CMD, its ENV only,
 * as its USER — against a real redis-server and the fake Slack.
 */
let into: string;
let image: ReplayedImage;
let redis: LocalRedis;
let slack: FakeSlack;
const bots: BotProcess[] = [];

beforeAll(async () => {
  into = mkdtempSync(join(tmpdir(), 'k8sq-image-'));
  image = await replayImage(ROOT, into);
  redis = await startLocalRedis();
  slack = await FakeSlack.start();
  const figures = imageFigures(image);
  console.info(
    `image replay: ${image.timings.map((t) => `${t.stage}:${t.line} ${t.seconds.toFixed(0)} s`).join(', ')}; contents ${figures.lines.join(', ')}`,
  );
}, 900_000);

afterAll(async () => {
  for (const bot of bots) await bot.kill();
  await slack?.stop();
  await redis?.stop();
  if (into) rmSync(into, { recursive: true, force: true });
});

/** USER uid:gid of the image, numeric (Kubernetes' runAsNonRoot can only check a number). */
const imageUser = () => {
  const [uid, gid] = (image.plan.image.user ?? '').split(':').map(Number);
  return { uid: uid ?? Number.NaN, gid: gid ?? uid ?? Number.NaN };
};

/** How the image runs a command: from WORKDIR, as USER (switching needs root; non-root runs as itself). */
const asImage = (argv: string[]): Launch => {
  const [program, ...args] = argv;
  if (program !== 'node') throw new Error(`the replay runs node commands only, not ${program}`);
  const user = imageUser();
  const root = process.getuid?.() === 0;
  return {
    command: join(image.path, 'node'),
    args,
    cwd: image.appDir,
    exactEnv: true,
    ...(root ? { uid: user.uid, gid: user.gid } : {}),
  };
};

/**
 * The image's environment: its ENV lines and PATH (node only), plus what `docker run -e` adds.
 * PORT is a free one here (Docker would map the container's 3000), set by BotProcess.
 */
const imageEnv = (extra: Record<string, string>) => {
  const { PORT: _, ...env } = image.plan.image.env;
  return { ...env, PATH: image.path, ...extra };
};
const slackEnv = () => ({
  REDIS_URL: redis.url,
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
});

const uidOf = (pid: number) =>
  Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
const filesOf = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('the Dockerfile', () => {
  it('GIVEN the runtime stage THEN it is node:20 slim, runs node dist/main.js in exec form as a numeric non-root user, stops on SIGTERM and checks /healthz with node', () => {
    const { plan } = image;
    expect(plan.stages.map((s) => s.image)).toEqual(plan.stages.map(() => 'node:20-bookworm-slim'));
    expect(COMPILED.args.at(-1)).toBe('dist/main.js');
    expect(plan.image.cmd).toEqual(['node', ...COMPILED.args]); // npm run start:prod's command
    expect(imageUser().uid).toBeGreaterThan(0);
    expect(Number.isInteger(imageUser().gid)).toBe(true);
    expect(plan.image.stopSignal).toBe('SIGTERM');
    expect(plan.image.healthcheck?.cmd).toEqual(['node', 'dist/healthcheck.js']);
    expect(plan.image.exposed).toEqual([Number(plan.image.env.PORT)]);
    expect(plan.image.env.REDIS_URL).toBeUndefined(); // no embedded Redis in the image: the operator names one
  });

  it('GIVEN the replayed runtime stage THEN it holds the compiled app, the Lua scripts, content and config, and no TypeScript, compiler or maintainer-only package', () => {
    const files = filesOf(image.appDir).filter((f) => !f.startsWith('node_modules'));
    expect(files).toContain(join('dist', 'main.js'));
    expect(files).toContain(join('dist', 'store', 'lua', 'record-answers.lua'));
    expect(files).toContain(join('content', 'categories.yaml'));
    expect(files).toContain(join('config', 'default.yaml'));
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    const modules = readdirSync(join(image.appDir, 'node_modules'));
    const scoped = (scope: string) =>
      readdirSync(join(image.appDir, 'node_modules', scope)).map((n) => `${scope}/${n}`);
    const installed = new Set([...modules, ...modules.filter((m) => m.startsWith('@')).flatMap(scoped)]);
    for (const devOnly of [
      'typescript',
      'vitest',
      '@biomejs/biome',
      'tsx',
      'kubernetes-models',
      'dockerfile-ast',
    ])
      expect(installed.has(devOnly), devOnly).toBe(false);
  });

  it('GIVEN every module the compiled bot and its CLI can load THEN each package they import is installed in the image', () => {
    const entries = ['dist/main.js', 'dist/healthcheck.js', 'dist/cli/main.js'];
    const maintainerOnly = ['dist/cli/content-check.js', 'dist/cli/content-import.js'];
    const packages = importedPackages(image.appDir, entries, maintainerOnly);
    expect(packages).toEqual(
      expect.arrayContaining(['@slack/bolt', 'bullmq', 'discord.js', 'ioredis', 'pino']),
    );
    const missing = packages.filter(
      (pkg) => !existsSync(join(image.appDir, 'node_modules', pkg, 'package.json')),
    );
    expect(missing).toEqual([]);
  });
});

describe('the replayed image, started as the image starts it', () => {
  it('GIVEN only the image environment with REDIS_URL and Slack credentials THEN as the image user /healthz and /readyz answer 200, a signed /k8s-quiz help is answered, the HEALTHCHECK passes, SIGTERM exits 0, and nothing was written in the image', async () => {
    const before = filesOf(image.root);
    const bot = await BotProcess.start(imageEnv(slackEnv()), { launch: asImage(image.plan.image.cmd) });
    bots.push(bot);
    await bot.waitReady(60_000);
    expect(uidOf(bot.pid)).toBe(process.getuid?.() === 0 ? imageUser().uid : process.getuid?.());
    expect(uidOf(bot.pid)).not.toBe(0);
    expect((await bot.get('/healthz')).status).toBe(200);
    expect((await bot.get('/readyz')).status).toBe(200);

    const place = { teamId: 'T0001', channelId: 'CIMAGE', userId: 'UIMAGE', userName: 'operator' };
    slack.state.users.set('UIMAGE', { id: 'UIMAGE', name: 'operator', real_name: 'Operator' });
    const body = slashCommandBody(place, 'help', slack.responseUrl('image-help'));
    const res = await postSigned(bot.url('/slack/events'), body, { signingSecret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    const reply = await slack.waitFor(
      () => slack.responses.find((r) => r.key === 'image-help'),
      15_000,
      'the help reply',
    );
    expect(JSON.stringify(reply.body)).toContain('/k8s-quiz start');

    const health = await runBot(
      imageEnv({ PORT: String(bot.port) }),
      20_000,
      asImage(image.plan.image.healthcheck?.cmd ?? []),
    );
    expect(health.code).toBe(0);

    bot.signal('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(filesOf(image.root)).toEqual(before);
    const down = await runBot(
      imageEnv({ PORT: String(bot.port) }),
      20_000,
      asImage(image.plan.image.healthcheck?.cmd ?? []),
    );
    expect(down.code).toBe(1);
  }, 120_000);

  it('GIVEN the image environment without REDIS_URL THEN the bot exits 1 with one line saying REDIS_URL is required (the image has no redis-server)', async () => {
    const { REDIS_URL: _, ...noRedis } = slackEnv();
    const run = await runBot(imageEnv(noRedis), 60_000, asImage(image.plan.image.cmd));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^k8s-quiz: redis-server not found: .*REDIS_URL is required there/);
  }, 90_000);

  it('GIVEN the CLI in the image THEN --version runs compiled, and content check (a maintainer command) says in one line that it needs the development dependencies', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const cli = (...args: string[]) =>
      runBot(imageEnv({}), 60_000, asImage(['node', 'dist/cli/main.js', ...args]));
    const shown = await cli('--version');
    expect(shown.code).toBe(0);
    expect(shown.stdout.trim()).toBe(version);
    const check = await cli('content', 'check');
    expect(check.code).toBe(1);
    expect(check.stderr.trim().split('\n')).toHaveLength(1);
    expect(check.stderr).toMatch(/^k8s-quiz: content check needs the development dependencies/);
  }, 90_000);
});
