import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { EnvSchema } from '../../src/config/env.js';
import { loadAppConfig } from '../../src/config/load-config.js';
import { validateManifest } from '../../src/content/quality/examples/manifests.js';
import { readDockerfilePlan } from '../support/dockerfile-plan.js';
import { ROOT } from '../support/run-cli.js';

const DIR = join(ROOT, 'deploy/kubernetes');
// biome-ignore lint/suspicious/noExplicitAny: parsed YAML probed by path; validateManifest checks its shape against the schemas
type Doc = Record<string, any>;

const docsOf = (file: string): Doc[] =>
  parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0]?.message}`);
    return d.toJS() as Doc;
  });
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const all = files.flatMap((file) => docsOf(file).map((doc) => ({ file, doc })));
const ofKind = (kind: string) => all.filter((x) => x.doc.kind === kind).map((x) => x.doc);
const kustomization = docsOf('kustomization.yaml')[0] as Doc;
const image = readDockerfilePlan(join(ROOT, 'Dockerfile')).image;
const deployments = ofKind('Deployment');
const envDefault = (name: keyof typeof EnvSchema.shape) => EnvSchema.parse({})[name];

describe('deploy/kubernetes', () => {
  it('GIVEN every manifest THEN each validates against the Kubernetes schemas (kubernetes-models), with metadata.name and a served API version', async () => {
    const results = await Promise.all(
      all
        .filter((x) => x.doc.kind !== 'Kustomization')
        .map(async ({ file, doc }) => ({ file, kind: doc.kind, result: await validateManifest(doc) })),
    );
    expect(results.map((r) => r.kind).sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'Deployment',
      'Secret',
      'Service',
    ]);
    expect(results.filter((r) => r.result.status !== 'valid')).toEqual([]);
    const broken = structuredClone(deployments[0] as Doc);
    broken.spec.template.spec.containers[0].resources.limits.memory = 'lots';
    expect((await validateManifest(broken)).status).toBe('invalid'); // the check can fail
  });

  it('GIVEN kustomization.yaml THEN every resource exists, and every manifest but the Secret template is a resource', () => {
    const resources = kustomization.resources as string[];
    expect(resources.filter((r) => !existsSync(join(DIR, r)))).toEqual([]);
    const manifests = files.filter((f) => f !== 'kustomization.yaml' && f !== 'secret.example.yaml');
    expect([...resources].sort()).toEqual(manifests.sort());
    const names = deployments.map((d) => d.spec.template.spec.containers[0].image.split(':')[0]);
    expect(kustomization.images.map((i: Doc) => i.name)).toEqual([...new Set(names)]);
  });

  it('GIVEN the Deployments THEN gateway and worker roles, probes on /healthz and /readyz, a grace period longer than the drain, non-root as the image user with a read-only root, and requests/limits', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(['k8s-quiz-gateway', 'k8s-quiz-worker']);
    const [uid, gid] = (image.user ?? '').split(':').map(Number);
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      const [c] = pod.containers;
      const env = Object.fromEntries(c.env.map((e: Doc) => [e.name, e.value]));
      expect(Object.keys(env).filter((k) => !(k in EnvSchema.shape))).toEqual([]);
      expect(env.ROLE).toBe(d.metadata.name.replace('k8s-quiz-', ''));
      expect(d.spec.selector.matchLabels).toEqual(
        Object.fromEntries(
          Object.entries(d.spec.template.metadata.labels).filter(([k]) => k in d.spec.selector.matchLabels),
        ),
      );
      const port = c.ports.find((p: Doc) => p.name === 'http');
      expect(port.containerPort).toBe(Number(env.PORT ?? image.env.PORT));
      expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
      expect(c.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
      const drain = Number(env.DRAIN_SECONDS ?? envDefault('DRAIN_SECONDS'));
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(drain + 10); // the bot stops itself by then
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: uid, runAsGroup: gid });
      expect(c.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
      expect(c.resources.requests.memory).toMatch(/^\d+Mi$/);
      expect(parseInt(c.resources.limits.memory, 10)).toBeGreaterThan(
        parseInt(c.resources.requests.memory, 10),
      );
      expect(c.envFrom[0].secretRef.name).toBe(ofKind('Secret')[0]?.metadata.name);
      const mount = c.volumeMounts.find((m: Doc) => m.mountPath === env.CONFIG_DIR);
      const volume = pod.volumes.find((v: Doc) => v.name === mount.name);
      expect(volume.configMap.name).toBe(ofKind('ConfigMap')[0]?.metadata.name);
    }
  });

  it('GIVEN the Service THEN it selects the gateway pods on their http port', () => {
    const [service] = ofKind('Service') as [Doc];
    const gateway = deployments.find((d) => d.metadata.name === 'k8s-quiz-gateway') as Doc;
    expect(gateway.spec.template.metadata.labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports[0].targetPort).toBe('http');
  });

  it('GIVEN the ConfigMap THEN its default.yaml is the repository’s config/default.yaml, and the bot’s config schema accepts it', async () => {
    const [configMap] = ofKind('ConfigMap') as [Doc];
    const text = configMap.data['default.yaml'] as string;
    expect(text).toBe(readFileSync(join(ROOT, 'config/default.yaml'), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'k8sq-cm-'));
    try {
      writeFileSync(join(dir, 'default.yaml'), text);
      await expect(loadAppConfig(join(dir, 'default.yaml'))).resolves.toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN the Secret template THEN its keys are environment variables the bot reads, with no real secret in it', () => {
    const [secret] = ofKind('Secret') as [Doc];
    const keys = Object.keys(secret.stringData);
    expect(keys.filter((k) => !(k in EnvSchema.shape))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['REDIS_URL', 'SLACK_BOT_TOKEN', 'DISCORD_TOKEN']));
    const values = Object.entries(secret.stringData).filter(([k]) => k !== 'REDIS_URL');
    expect(values.filter(([, v]) => v !== '')).toEqual([]);
  });
});
