import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { formatContentError } from '../content/types.js';
import { parseYaml } from '../content/yaml-source.js';
import { defaultPaths } from '../paths.js';
import { type AppConfig, appConfigSchema } from './app-config.js';
import { ConfigError } from './config-error.js';
import { type TeamsFile, teamsFileSchema } from './teams-file.js';

export { ConfigError };

/** `categories` (the bank's) makes an unknown category in `team.categories` a start-up error. */
export async function loadAppConfig(
  file = join(defaultPaths.config, 'default.yaml'),
  categories?: readonly string[],
): Promise<AppConfig> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ConfigError(`${file}: cannot read file`);
  });
  return parseOrThrow(text, appConfigSchema(categories), file);
}

/**
 * config/teams.yaml is optional: no file, no static teams. `categories` (the bank's, with
 * questions) makes an unknown category a start-up error naming file, line and the choices.
 */
export async function loadTeamsFile(
  file = join(defaultPaths.config, 'teams.yaml'),
  categories?: readonly string[],
): Promise<TeamsFile> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? [] : parseOrThrow(text, teamsFileSchema(categories), file);
}

function parseOrThrow<S extends z.ZodType>(text: string, schema: S, file: string): z.output<S> {
  const parsed = parseYaml(text, schema, { file, firstLine: 1 });
  if (parsed.ok) return parsed.value.value;
  throw new ConfigError(`${file} is invalid`, parsed.error.map(formatContentError));
}
