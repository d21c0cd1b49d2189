import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../src/config/env.js';
import { COMPILED } from '../support/bot-process.js';
import { readDockerfilePlan } from '../support/dockerfile-plan.js';
import { ROOT } from '../support/run-cli.js';

/** `Key=value` lines of a unit file (the last one wins, as systemd reads them). */
const unit = Object.fromEntries(
  readFileSync(join(ROOT, 'deploy/systemd/k8s-quiz.service'), 'utf8')
    .split('\n')
    .map((line) => /^([A-Za-z]+)=(.*)$/.exec(line))
    .flatMap((m) => (m ? [[m[1], m[2]]] : [])),
) as Record<string, string>;

describe('deploy/systemd/k8s-quiz.service', () => {
  it('GIVEN the unit THEN it runs the compiled app like the image and npm run start:prod, as its own user, signals only the bot and waits longer than the drain', () => {
    const [node, ...cmd] = readDockerfilePlan(join(ROOT, 'Dockerfile')).image.cmd;
    // The image, the unit and `npm run start:prod` run one command (flags included).
    expect([node, ...cmd]).toEqual(['node', ...COMPILED.args]);
    expect(unit.ExecStart).toBe(`/usr/bin/node ${cmd.join(' ')}`);
    expect(unit.User).toBe('k8s-quiz');
    expect(unit.KillSignal).toBe('SIGTERM');
    expect(unit.KillMode).toBe('mixed'); // the embedded redis-server must outlive the drain
    expect(Number(unit.TimeoutStopSec)).toBeGreaterThan(EnvSchema.parse({}).DRAIN_SECONDS + 10);
    expect(unit.Environment).toBe(`DATA_DIR=/var/lib/${unit.StateDirectory}`);
  });
});
