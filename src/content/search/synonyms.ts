/**
 * English words a player may type for what the (Chinese) bank says in Chinese, and Chinese
 * words for terms it keeps in English. A query containing a key also searches its values;
 * keys are lower-case and matched on word boundaries (Latin) or as substrings (Chinese).
 */
export const SEARCH_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  probe: ['探针'],
  probes: ['探针'],
  eviction: ['驱逐'],
  evict: ['驱逐'],
  taint: ['污点'],
  toleration: ['容忍'],
  affinity: ['亲和'],
  scheduler: ['调度'],
  scheduling: ['调度'],
  certificate: ['证书'],
  certificates: ['证书'],
  cert: ['证书'],
  renewal: ['更新', '续期'],
  renew: ['更新', '续期'],
  backup: ['备份'],
  restore: ['恢复'],
  upgrade: ['升级'],
  log: ['日志'],
  logs: ['日志'],
  logging: ['日志'],
  collection: ['采集'],
  timezone: ['时区'],
  'time zone': ['时区'],
  image: ['镜像'],
  optimization: ['优化'],
  optimize: ['优化'],
  workflow: ['流程'],
  hook: ['钩子'],
  hooks: ['钩子'],
  lifecycle: ['生命周期'],
  troubleshooting: ['排查'],
  troubleshoot: ['排查'],
  permission: ['权限'],
  encryption: ['加密'],
  network: ['网络'],
  networking: ['网络'],
  storage: ['存储'],
  architecture: ['架构'],
  服务质量: ['qos'],
  水平自动扩缩: ['hpa', 'horizontalpodautoscaler'],
  自动扩缩: ['hpa'],
  污点: ['taint'],
  探针: ['probe', '健康检查'],
  健康检查: ['探针', 'probe'],
};

/** The values of every synonym key the query contains. */
export function synonymsOf(query: string): string[] {
  const lower = query.normalize('NFKC').toLowerCase();
  return Object.entries(SEARCH_SYNONYMS)
    .filter(([key]) => (/^[a-z ]+$/.test(key) ? new RegExp(`\\b${key}\\b`).test(lower) : lower.includes(key)))
    .flatMap(([, values]) => values);
}
