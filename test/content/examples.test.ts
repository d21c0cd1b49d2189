import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check-content.js';
import { lintDockerfile } from '../../src/content/quality/examples/dockerfile-advice.js';
import { validateManifest } from '../../src/content/quality/examples/manifests.js';
import { fixtureRoot, questionFile } from './support/fixture-bank.js';

const fixtures = fixtureRoot('k8sq-examples-');
afterAll(fixtures.remove);

const deployment = (spec: object) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec,
});
const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
};

describe('Kubernetes manifests in examples', () => {
  it('GIVEN a complete Deployment, Gateway API HTTPRoute and PDB THEN they validate against the schemas', async () => {
    expect(
      await validateManifest(deployment({ selector: { matchLabels: { app: 'web' } }, template })),
    ).toEqual({
      status: 'valid',
    });
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'web' },
      spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] },
    };
    expect(await validateManifest(route)).toEqual({ status: 'valid' });
    const pdb = {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web' },
      spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } },
    };
    expect(await validateManifest(pdb)).toEqual({ status: 'valid' });
  });

  it('GIVEN a missing required field, a bad quantity, no metadata.name THEN each is named by its path', async () => {
    const noSelector = await validateManifest(deployment({ template }));
    expect(noSelector).toEqual({
      status: 'invalid',
      problems: ['spec: must have required property selector'],
    });
    const badCpu = structuredClone(template);
    Object.assign(badCpu.spec.containers[0] as object, { resources: { limits: { cpu: 'half' } } });
    const result = await validateManifest(
      deployment({ selector: { matchLabels: { app: 'web' } }, template: badCpu }),
    );
    expect(result.status).toBe('invalid');
    expect(JSON.stringify(result)).toContain(
      'spec.template.spec.containers[0].resources.limits.cpu: must match format',
    );
    expect(await validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } })).toEqual({
      status: 'invalid',
      problems: ['metadata.name is required'],
    });
  });

  it('GIVEN removed API versions THEN they are refused with their replacement; config files are parsed only', async () => {
    const pdb = {
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'x' },
      spec: {},
    };
    expect(await validateManifest(pdb)).toEqual({
      status: 'invalid',
      problems: [
        'policy/v1beta1 PodDisruptionBudget is no longer served (removed in 1.25); use policy/v1 (PodSecurityPolicy: Pod Security Admission)',
      ],
    });
    const ingress = { apiVersion: 'extensions/v1beta1', kind: 'Ingress', metadata: { name: 'x' } };
    expect((await validateManifest(ingress)).status).toBe('invalid');
    const kubelet = {
      apiVersion: 'kubelet.config.k8s.io/v1beta1',
      kind: 'KubeletConfiguration',
      cgroupDriver: 'systemd',
    };
    expect(await validateManifest(kubelet)).toEqual({ status: 'unchecked' });
    expect(await validateManifest({ apiVersion: 'v1', kind: 'Config', clusters: [] })).toEqual({
      status: 'unchecked',
    });
  });

  it('GIVEN a reference answer with a broken block, an invalid manifest, a fragment and a valid manifest THEN the errors point at their file lines', async () => {
    const body = [
      '示例：', // body line 1 = file line 15
      '',
      '```yaml',
      'resources:',
      '  limits:',
      '    memory: 128Mi',
      '```',
      '',
      '1. **错误示例**：',
      '   ```yaml',
      '   apiVersion: apps/v1',
      '   kind: Deployment',
      '   metadata:',
      '     name: web',
      '   spec:',
      '     replicas: 2',
      '   ```',
      '',
      '```yml',
      'key: [unclosed',
      '```',
      '',
      '```yaml',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: web }',
      'spec: { selector: { app: web }, ports: [{ port: 80 }] }',
      '---',
      'apiVersion: policy/v1beta1',
      'kind: PodDisruptionBudget',
      'metadata: { name: web }',
      '```',
    ].join('\n');
    const dir = fixtures.folder('yaml', {
      'basics/ex.md': questionFile({
        id: 'ex',
        quizzes: [
          {
            id: 'ex-1',
            prompt: '哪个组件负责调度？',
            options: ['kube-scheduler', 'kube-controller-manager', 'kube-proxy'],
            answer: 0,
            explanation: 'kube-scheduler 为未绑定节点的 Pod 选择节点并写入 binding。',
          },
        ],
        body,
      }),
    });
    const result = await checkContent(dir, []);
    const file = relative(process.cwd(), join(dir, 'questions/basics/ex.md'));
    expect(result.errors.map((e) => [e.line, e.message.replace(/:.*/s, '')])).toEqual([
      [25, 'apps/v1 Deployment example is invalid'], // no selector
      [25, 'apps/v1 Deployment example is invalid'], // no template
      [34, 'YAML example does not parse'],
      [43, 'policy/v1beta1 PodDisruptionBudget example is invalid'],
    ]);
    expect(result.errors.every((e) => e.file === file && e.field === 'body')).toBe(true);
    expect(result.figures.examples).toMatchObject({ yamlBlocks: 4, manifests: 3, validated: 1 });
  });
});

describe('Dockerfile examples', () => {
  const multiStage = `FROM golang:1.26-alpine AS builder
RUN go build -o /out/app .
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder /out/app /app
USER 65532:65532`;

  it("GIVEN the bank's own advice followed THEN nothing is reported", () => {
    expect(lintDockerfile(multiStage, true)).toEqual([]);
    expect(
      lintDockerfile(
        'RUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*',
        false,
      ),
    ).toEqual([]);
    expect(lintDockerfile('FROM node:22.11-alpine@sha256:abc\nRUN apk add --no-cache tini', false)).toEqual(
      [],
    );
  });

  it('GIVEN a final stage on golang, a latest tag, an apt cache and no USER THEN each is reported at its line', () => {
    const bad = `FROM golang:latest AS builder
RUN go build -o /out/app .
FROM golang:1.16
RUN apt-get update && apt-get install -y ca-certificates
COPY --from=builder /out/app /app`;
    expect(lintDockerfile(bad, true).map((f) => [f.line, f.message.slice(0, 30)])).toEqual([
      [1, 'pin golang:latest to a version'],
      [3, 'the final stage runs on golang'],
      [3, 'the answer says to run as non-'],
      [4, 'apt-get install without rm -rf'],
    ]);
    expect(lintDockerfile('FROM node\nFROM python:3.12\n', false).map((f) => f.line)).toEqual([1, 2]);
  });
});
