export {};

/**
 * The image's HEALTHCHECK (`node dist/healthcheck.js`): GET /healthz on this container's
 * PORT; exit 0 on 200, 1 otherwise. Plain node, because the slim image has no curl or wget.
 */
const port = Number(process.env.PORT ?? 3000);
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
  process.exit(res.status === 200 ? 0 : 1);
} catch {
  process.exit(1);
}
