/**
 * Fixed queries for `/k8s-quiz ask`, as players would type them, with the question each one
 * means. Shared by the quality test and `bench/search.ts`. Picked for answers that stay put
 * while the bank grows: each names something one question is about.
 */
export interface AskQuery {
  query: string;
  expected: string;
  kind: 'zh' | 'en' | 'mixed' | 'synonym' | 'typo';
}

export const ASK_QUERIES: readonly AskQuery[] = [
  // Chinese
  { query: '探针', expected: 'probe-types', kind: 'zh' },
  { query: '驱逐', expected: 'pdb-drain-eviction', kind: 'zh' },
  { query: '证书过期', expected: 'certificate-renewal', kind: 'zh' },
  { query: '污点 容忍', expected: 'taint-effects-tolerations', kind: 'zh' },
  { query: '日志采集', expected: 'log-collection', kind: 'zh' },
  { query: '容器时区', expected: 'container-timezone', kind: 'zh' },
  { query: '镜像优化', expected: 'image-optimization', kind: 'zh' },
  { query: '调度流程', expected: 'scheduler-workflow', kind: 'zh' },
  { query: '节点亲和性', expected: 'node-affinity-rules', kind: 'zh' },
  { query: '服务发现', expected: 'service-discovery', kind: 'zh' },
  { query: '跨节点 Pod 通信', expected: 'cross-node-pod-traffic', kind: 'zh' },
  { query: '集群规模上千', expected: 'large-cluster-considerations', kind: 'zh' },
  { query: '聚合角色', expected: 'rbac-aggregation-least-privilege', kind: 'zh' },
  { query: '静态加密', expected: 'secret-encryption-at-rest', kind: 'zh' },
  { query: '访问不通怎么排查', expected: 'pod-connectivity-troubleshooting', kind: 'zh' },
  // English
  { query: 'QoS', expected: 'pod-qos-classes', kind: 'en' },
  { query: 'calico BGP', expected: 'calico-networking', kind: 'en' },
  { query: 'flannel', expected: 'calico-vs-flannel', kind: 'en' },
  { query: 'etcd quorum', expected: 'etcd-quorum-members', kind: 'en' },
  { query: 'kubeadm upgrade', expected: 'kubeadm-upgrade-procedure', kind: 'en' },
  { query: 'version skew', expected: 'version-skew-upgrade-path', kind: 'en' },
  { query: 'HPA', expected: 'hpa-internals', kind: 'en' },
  { query: 'topologySpreadConstraints', expected: 'pod-anti-affinity-topology-spread', kind: 'en' },
  { query: 'headless service', expected: 'headless-vs-clusterip', kind: 'en' },
  { query: 'HTTPRoute ReferenceGrant', expected: 'gateway-api-resource-model', kind: 'en' },
  { query: 'traefik', expected: 'traefik-vs-nginx-ingress', kind: 'en' },
  { query: 'pause container', expected: 'pause-container', kind: 'en' },
  { query: 'kubectl exec', expected: 'kubectl-exec-internals', kind: 'en' },
  { query: 'helm rollback', expected: 'helm-rollback', kind: 'en' },
  { query: 'velero', expected: 'velero-backup-restore', kind: 'en' },
  { query: 'maxSurge maxUnavailable', expected: 'deployment-rolling-update-strategy', kind: 'en' },
  { query: 'backoffLimit', expected: 'job-completions-backoff', kind: 'en' },
  { query: 'DaemonSet', expected: 'daemonset-scheduling-updates', kind: 'en' },
  { query: 'WaitForFirstConsumer', expected: 'storageclass-volume-binding', kind: 'en' },
  { query: 'ReadWriteOncePod', expected: 'pv-access-modes', kind: 'en' },
  { query: 'reclaim policy', expected: 'pv-pvc-reclaim-policy', kind: 'en' },
  { query: 'CSI snapshot', expected: 'csi-architecture-snapshots', kind: 'en' },
  { query: 'kubeconfig', expected: 'kubeconfig-contents', kind: 'en' },
  { query: 'operator reconcile', expected: 'operator-reconcile-pattern', kind: 'en' },
  { query: 'webhook failurePolicy', expected: 'admission-webhook-config', kind: 'en' },
  { query: 'ValidatingAdmissionPolicy', expected: 'validating-admission-policy', kind: 'en' },
  { query: 'Pod Security Admission', expected: 'pod-security-admission', kind: 'en' },
  { query: 'kube-proxy', expected: 'kube-proxy-role', kind: 'en' },
  // Mixed
  { query: 'readiness 探针失败', expected: 'probe-failure-troubleshooting', kind: 'mixed' },
  { query: 'etcd 备份恢复', expected: 'etcd-backup-restore', kind: 'mixed' },
  { query: 'Pod 创建过程', expected: 'pod-creation-flow', kind: 'mixed' },
  { query: '删除 Pod 流程', expected: 'pod-deletion-flow', kind: 'mixed' },
  { query: 'preStop 钩子', expected: 'pod-lifecycle-hooks', kind: 'mixed' },
  { query: 'Pod Pending 原因', expected: 'pod-pending-causes', kind: 'mixed' },
  { query: '节点 NotReady', expected: 'node-notready', kind: 'mixed' },
  { query: 'cgroup 限制 CPU', expected: 'cgroup-cpu-limits', kind: 'mixed' },
  { query: 'request limit 底层', expected: 'requests-limits-enforcement', kind: 'mixed' },
  { query: 'Role 和 ClusterRole 区别', expected: 'rbac-role-vs-clusterrole', kind: 'mixed' },
  { query: 'ServiceAccount 令牌', expected: 'serviceaccount-tokens', kind: 'mixed' },
  { query: 'ConfigMap 修改后 自动更新', expected: 'configmap-secret-updates', kind: 'mixed' },
  { query: 'CRD CEL 校验', expected: 'crd-status-cel-validation', kind: 'mixed' },
  { query: 'CronJob 并发策略', expected: 'cronjob-concurrency-schedule', kind: 'mixed' },
  { query: 'deployment statefulset 区别', expected: 'deployment-vs-statefulset', kind: 'mixed' },
  { query: 'docker 网络模式', expected: 'docker-network-modes', kind: 'mixed' },
  { query: 'apiserver 通信', expected: 'apiserver-communication', kind: 'mixed' },
  { query: 'Network Policy 实现原理', expected: 'network-policy-internals', kind: 'mixed' },
  // Synonyms: English words for what the bank says in Chinese, and the reverse
  { query: 'probe', expected: 'probe-types', kind: 'synonym' },
  { query: 'log collection', expected: 'log-collection', kind: 'synonym' },
  { query: 'certificate renewal', expected: 'certificate-renewal', kind: 'synonym' },
  { query: 'container timezone', expected: 'container-timezone', kind: 'synonym' },
  { query: 'image size optimization', expected: 'image-optimization', kind: 'synonym' },
  { query: 'scheduler workflow', expected: 'scheduler-workflow', kind: 'synonym' },
  { query: '服务质量', expected: 'pod-qos-classes', kind: 'synonym' },
  { query: '水平自动扩缩', expected: 'hpa-internals', kind: 'synonym' },
  // Typos (one slip in a distinctive English word)
  { query: 'calcio BGP', expected: 'calico-networking', kind: 'typo' },
  { query: 'kubeadm upgarde', expected: 'kubeadm-upgrade-procedure', kind: 'typo' },
  { query: 'velaro', expected: 'velero-backup-restore', kind: 'typo' },
  { query: 'statefullset deployment', expected: 'deployment-vs-statefulset', kind: 'typo' },
  { query: 'tolerration taint', expected: 'taint-effects-tolerations', kind: 'typo' },
  { query: 'kubeconfg', expected: 'kubeconfig-contents', kind: 'typo' },
];

export interface SearchQuality {
  queries: number;
  top1: number;
  top5: number;
  /** Queries whose expected question is not first: where it came (0-based, -1 = not in the top 5). */
  misses: { query: string; expected: string; position: number; got: string[] }[];
}

/** Runs every query and scores top-1 / top-5 as fractions. */
export function measureSearch(
  search: (words: string) => { questionId: string }[],
  queries: readonly AskQuery[] = ASK_QUERIES,
): SearchQuality {
  let top1 = 0;
  let top5 = 0;
  const misses: SearchQuality['misses'] = [];
  for (const q of queries) {
    const got = search(q.query)
      .slice(0, 5)
      .map((h) => h.questionId);
    const position = got.indexOf(q.expected);
    if (position === 0) top1++;
    if (position >= 0) top5++;
    if (position !== 0) misses.push({ query: q.query, expected: q.expected, position, got });
  }
  return { queries: queries.length, top1: top1 / queries.length, top5: top5 / queries.length, misses };
}
