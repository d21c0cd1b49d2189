/** Why a REDIS_URL cannot be used, or undefined when it can. */
export function redisUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be a URL like redis://host:6379/0 or rediss://user:password@host:6380 (got "${maskRedisUrl(value)}")`;
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    return `must start with redis:// or rediss:// (got ${url.protocol}//)`;
  if (!url.hostname) return 'names no host (e.g. redis://127.0.0.1:6379)';
  if (url.pathname && url.pathname !== '/' && !/^\/\d+$/.test(url.pathname))
    return `the path must be a database number, e.g. /0 (got "${url.pathname}")`;
  return undefined;
}

/** The URL with its password replaced by `***`, fit for a log line or an error message. */
export function maskRedisUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    // Not a URL: mask anything between `:` and `@` that looks like credentials.
    return value.replace(/:[^:@/]*@/, ':***@');
  }
}
