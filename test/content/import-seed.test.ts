import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const SEED = join(ROOT, 'content/seed/k8s-interview-qa.zh-CN.md');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'k8sq-import-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const markdownFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));

describe('content import of the seed', () => {
  it('GIVEN the seed THEN it writes 45 question files, drops the 11 repeats by line and exits 0', () => {
    const out = tempDir();
    const run = runCli(['content', 'import', SEED, '--out', out, '--map', 'content/seed-map.yaml', '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.imported).toHaveLength(45);
    expect(markdownFiles(out)).toHaveLength(45);
    expect(report.dropped.map((d: { line: number }) => d.line)).toEqual([
      1394, 1436, 1473, 1507, 1540, 1570, 1609, 1646, 1990, 2063, 2126,
    ]);
    expect(report.dropped[0]).toMatchObject({ title: 'traefik对比nginx ingress优点', repeatOf: 1100 });
    expect(report.problems).toEqual([]);
  });

  it('GIVEN the seed map THEN misfiled troubleshooting questions land in their real categories', () => {
    const out = tempDir();
    runCli(['content', 'import', SEED, '--out', out, '--map', 'content/seed-map.yaml']);
    const files = markdownFiles(out);
    expect(files).toContain(join('services', 'traefik-vs-nginx-ingress.md'));
    expect(files).toContain(join('containers', 'docker-network-modes.md'));
    expect(files).toContain(join('observability', 'log-collection.md'));
    expect(files.filter((f) => f.startsWith('troubleshooting'))).toHaveLength(4);
  });

  it('GIVEN an imported answer THEN it is kept whole, code fences included', () => {
    const out = tempDir();
    runCli(['content', 'import', SEED, '--out', out, '--map', 'content/seed-map.yaml']);
    const file = readFileSync(join(out, 'containers', 'image-optimization.md'), 'utf8');
    const seed = readFileSync(SEED, 'utf8');
    const body = file.slice(file.indexOf('---', 3) + 3).trim();
    expect(body.length).toBeGreaterThan(500);
    expect(seed).toContain(body);
    expect(body).toContain('```dockerfile');
  });

  it('GIVEN no map THEN ids are derived and sections map through category names and aliases', () => {
    const out = tempDir();
    const run = runCli(['content', 'import', SEED, '--out', out, '--json']);
    const report = JSON.parse(run.stdout);
    const ids = report.imported.map((q: { id: string }) => q.id);
    expect(new Set(ids).size).toBe(45);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(report.imported.find((q: { title: string }) => q.title === 'K8S QoS等级').category).toBe('pods');
  });

  it('GIVEN a second import into the same folder THEN existing files are left unchanged', () => {
    const out = tempDir();
    runCli(['content', 'import', SEED, '--out', out, '--map', 'content/seed-map.yaml']);
    const path = join(out, 'pods', 'pod-qos-classes.md');
    writeFileSync(path, 'hand edited');
    const run = runCli(['content', 'import', SEED, '--out', out, '--map', 'content/seed-map.yaml']);
    expect(run.status).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('hand edited');
    expect(run.stdout).toContain('0 written, 45 already there');
  });
});
