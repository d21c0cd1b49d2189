import type { HttpRoutes } from '../http/server.js';
import type { Metrics } from './metrics.js';

export const PROBE_PATHS = { health: '/healthz', ready: '/readyz', metrics: '/metrics' } as const;

/**
 * The operator's endpoints. /healthz: the process answers (liveness). /readyz: it should
 * get traffic — Redis answers, every platform is connected, and it is not shutting down.
 * /metrics: Prometheus text.
 */
export function addProbes(http: HttpRoutes, ready: () => Promise<boolean>, metrics: Metrics): void {
  http.route('GET', PROBE_PATHS.health, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
  });
  http.route('GET', PROBE_PATHS.ready, async (_req, res) => {
    const ok = await ready().catch(() => false);
    res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ready\n' : 'not ready\n');
  });
  http.route('GET', PROBE_PATHS.metrics, async (_req, res) => {
    const text = await metrics.text();
    res.writeHead(200, { 'content-type': metrics.contentType }).end(text);
  });
}
