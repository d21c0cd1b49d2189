/**
 * A configuration the bot cannot start with. `lines` are the individual problems — one per
 * bad key or field, each with its reason — so an operator fixes them all in one go.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly lines: readonly string[];

  constructor(what: string, lines: readonly string[] = []) {
    super(lines.length > 0 ? `${what}:\n${lines.map((l) => `  ${l}`).join('\n')}` : what);
    this.lines = lines.length > 0 ? lines : [what];
  }
}
