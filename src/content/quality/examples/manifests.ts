/**
 * Validates Kubernetes manifests against the OpenAPI schemas shipped by `kubernetes-models`
 * (core and built-in groups, generated from about Kubernetes 1.35) and `@kubernetes-models/gateway-api`
 * (Gateway API v1, with GRPCRoute, ListenerSet, TLSRoute). Both declare node >= 22 but run on Node 20
 * (the tests prove it); the older kubernetes-models 4.x that declares node >= 14 has stale schemas
 * (it requires `status` in a Job's podFailurePolicy onPodConditions, which Kubernetes defaults). Those schemas check types, formats (quantities, …) and required fields, but
 * they allow unknown fields and keep API versions Kubernetes no longer serves, so two checks are
 * added here: `metadata.name` is required, and removed API versions are refused.
 */

/** API versions (and kinds) that current Kubernetes no longer serves, from the deprecation guide. */
const REMOVED: Record<string, { kinds: readonly string[] | 'all'; removedIn: string; use: string }> = {
  'extensions/v1beta1': { kinds: 'all', removedIn: '1.16/1.22', use: 'apps/v1, networking.k8s.io/v1' },
  'apps/v1beta1': { kinds: 'all', removedIn: '1.16', use: 'apps/v1' },
  'apps/v1beta2': { kinds: 'all', removedIn: '1.16', use: 'apps/v1' },
  'networking.k8s.io/v1beta1': {
    kinds: ['Ingress', 'IngressClass'],
    removedIn: '1.22',
    use: 'networking.k8s.io/v1',
  },
  'admissionregistration.k8s.io/v1beta1': {
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    removedIn: '1.22',
    use: 'admissionregistration.k8s.io/v1',
  },
  'apiextensions.k8s.io/v1beta1': { kinds: 'all', removedIn: '1.22', use: 'apiextensions.k8s.io/v1' },
  'apiregistration.k8s.io/v1beta1': { kinds: 'all', removedIn: '1.22', use: 'apiregistration.k8s.io/v1' },
  'authentication.k8s.io/v1beta1': {
    kinds: ['TokenReview'],
    removedIn: '1.22',
    use: 'authentication.k8s.io/v1',
  },
  'authorization.k8s.io/v1beta1': { kinds: 'all', removedIn: '1.22', use: 'authorization.k8s.io/v1' },
  'certificates.k8s.io/v1beta1': {
    kinds: ['CertificateSigningRequest'],
    removedIn: '1.22',
    use: 'certificates.k8s.io/v1',
  },
  'coordination.k8s.io/v1beta1': { kinds: ['Lease'], removedIn: '1.22', use: 'coordination.k8s.io/v1' },
  'rbac.authorization.k8s.io/v1beta1': {
    kinds: 'all',
    removedIn: '1.22',
    use: 'rbac.authorization.k8s.io/v1',
  },
  'rbac.authorization.k8s.io/v1alpha1': {
    kinds: 'all',
    removedIn: '1.22',
    use: 'rbac.authorization.k8s.io/v1',
  },
  'scheduling.k8s.io/v1beta1': { kinds: ['PriorityClass'], removedIn: '1.22', use: 'scheduling.k8s.io/v1' },
  'storage.k8s.io/v1beta1': {
    kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment', 'CSIStorageCapacity'],
    removedIn: '1.22/1.27',
    use: 'storage.k8s.io/v1',
  },
  'batch/v1beta1': { kinds: ['CronJob'], removedIn: '1.25', use: 'batch/v1' },
  'discovery.k8s.io/v1beta1': { kinds: ['EndpointSlice'], removedIn: '1.25', use: 'discovery.k8s.io/v1' },
  'events.k8s.io/v1beta1': { kinds: ['Event'], removedIn: '1.25', use: 'events.k8s.io/v1' },
  'autoscaling/v2beta1': { kinds: 'all', removedIn: '1.25', use: 'autoscaling/v2' },
  'autoscaling/v2beta2': { kinds: 'all', removedIn: '1.26', use: 'autoscaling/v2' },
  'policy/v1beta1': {
    kinds: ['PodDisruptionBudget', 'PodSecurityPolicy'],
    removedIn: '1.25',
    use: 'policy/v1 (PodSecurityPolicy: Pod Security Admission)',
  },
  'node.k8s.io/v1beta1': { kinds: ['RuntimeClass'], removedIn: '1.25', use: 'node.k8s.io/v1' },
  'flowcontrol.apiserver.k8s.io/v1beta1': {
    kinds: 'all',
    removedIn: '1.26',
    use: 'flowcontrol.apiserver.k8s.io/v1',
  },
  'flowcontrol.apiserver.k8s.io/v1beta2': {
    kinds: 'all',
    removedIn: '1.29',
    use: 'flowcontrol.apiserver.k8s.io/v1',
  },
  'flowcontrol.apiserver.k8s.io/v1beta3': {
    kinds: 'all',
    removedIn: '1.32',
    use: 'flowcontrol.apiserver.k8s.io/v1',
  },
};

/** `kind: Config` (kubeconfig) has apiVersion v1 but is a client file, not an API object. */
const CLIENT_FILES = new Set(['v1/Config']);

const API_VERSION = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+\/|[a-z0-9-]+\/)?v\d+(?:(?:alpha|beta)\d+)?$/;

export type ManifestResult =
  | { status: 'valid' }
  | { status: 'invalid'; problems: string[] }
  /** No schema for this apiVersion/kind here (a config file, a CRD, a kind newer than the schemas). */
  | { status: 'unchecked' };

type Validated = { validate(): void };
type ModelClass = new (data: object) => Validated;

/** Validates one YAML document that has both `apiVersion` and `kind`. */
export async function validateManifest(doc: Record<string, unknown>): Promise<ManifestResult> {
  const apiVersion = String(doc.apiVersion);
  const kind = String(doc.kind);
  const removed = REMOVED[apiVersion];
  if (removed && (removed.kinds === 'all' || removed.kinds.includes(kind))) {
    return {
      status: 'invalid',
      problems: [
        `${apiVersion} ${kind} is no longer served (removed in ${removed.removedIn}); use ${removed.use}`,
      ],
    };
  }
  if (CLIENT_FILES.has(`${apiVersion}/${kind}`) || !API_VERSION.test(apiVersion))
    return { status: 'unchecked' };
  const Model = await modelOf(apiVersion, kind);
  if (typeof Model !== 'function') return { status: 'unchecked' };
  const problems: string[] = [];
  const metadata = doc.metadata as { name?: unknown; generateName?: unknown } | undefined;
  if (!metadata?.name && !metadata?.generateName) problems.push('metadata.name is required');
  try {
    new (Model as ModelClass)(doc).validate();
  } catch (e) {
    problems.push(...schemaProblems(e));
  }
  return problems.length === 0 ? { status: 'valid' } : { status: 'invalid', problems };
}

const loaded = new Map<string, Promise<unknown>>();
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/** The model class of one apiVersion/kind (one module per kind: loading a whole group is slow), if a package has it. */
function modelOf(apiVersion: string, kind: string): Promise<unknown> {
  if (!KIND.test(kind)) return Promise.resolve(undefined);
  const key = `${apiVersion}/${kind}`;
  let model = loaded.get(key);
  if (!model) {
    const specifier = apiVersion.startsWith('gateway.networking.k8s.io/')
      ? `@kubernetes-models/gateway-api/${key}`
      : `kubernetes-models/${key}`;
    model = import(specifier).then(
      (m: Record<string, unknown>) => m[kind],
      () => undefined,
    );
    loaded.set(key, model);
  }
  return model;
}

/** `spec.template.spec.containers[0].resources.limits.cpu: must match format "quantity"` lines. */
function schemaProblems(e: unknown): string[] {
  const errors = (e as { errors?: { instancePath?: string; message?: string; keyword?: string }[] }).errors;
  if (!Array.isArray(errors)) return [String((e as Error).message ?? e)];
  // oneOf/anyOf wrappers repeat the leaf errors; the leaves say what is wrong.
  const leaves = errors.filter((x) => x.keyword !== 'oneOf' && x.keyword !== 'anyOf');
  const lines = (leaves.length > 0 ? leaves : errors).map((x) => {
    const path = (x.instancePath ?? '')
      .split('/')
      .filter(Boolean)
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '');
    return `${path || '(document)'}: ${x.message ?? 'is invalid'}`;
  });
  return [...new Set(lines)].slice(0, 3);
}
