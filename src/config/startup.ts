import { join } from 'node:path';
import { readCategoryIds } from '../content/load-bank.js';
import { defaultPaths } from '../paths.js';
import type { AppConfig } from './app-config.js';
import { ConfigError } from './config-error.js';
import { type Env, readEnv } from './env.js';
import { loadAppConfig, loadTeamsFile } from './load-config.js';
import type { TeamsFile } from './teams-file.js';

export interface Settings {
  env: Env;
  config: AppConfig;
  teams: TeamsFile;
}

/**
 * Everything the bot is configured with — environment, config/default.yaml, config/teams.yaml
 * — checked before anything connects. Every problem in every source is reported at once.
 */
export async function loadSettings(source: NodeJS.ProcessEnv = process.env): Promise<Settings> {
  const problems: string[] = [];
  const collect = (error: unknown) => {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.lines);
    return undefined;
  };
  let env: Env | undefined;
  try {
    env = readEnv(source);
  } catch (error) {
    collect(error);
  }
  const dir = env?.CONFIG_DIR ?? (source.CONFIG_DIR?.trim() || defaultPaths.config);
  // Config may only name categories the bank has (a broken bank is reported when it loads).
  const categories = env ? await readCategoryIds(env.CONTENT_DIR) : undefined;
  const [config, teams] = await Promise.all([
    loadAppConfig(join(dir, 'default.yaml'), categories).catch(collect),
    loadTeamsFile(join(dir, 'teams.yaml'), categories).catch(collect),
  ]);
  if (!env || !config || !teams || problems.length > 0) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new ConfigError(`invalid configuration (${count})`, problems);
  }
  return { env, config, teams };
}
