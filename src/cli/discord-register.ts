import { DiscordAPIError, REST } from '@discordjs/rest';
import type { Command } from 'commander';
import { Routes } from 'discord-api-types/v10';
import { readEnv } from '../config/env.js';
import { loadAppConfig } from '../config/load-config.js';
import { DEFAULT_CONTENT_DIR, readContent } from '../content/load-bank.js';
import { quizCommand } from '../platforms/discord/commands.js';
import { restApiBase } from '../platforms/discord/index.js';

export interface RegisterOptions {
  /** Register in one guild (shows up at once) instead of globally (for production). */
  guild?: string;
}

/**
 * `discord register [--guild ID]`: PUTs the `/k8s-quiz` definition to Discord (or to
 * DISCORD_API_URL). PUT replaces the application's commands in that scope, so running it
 * again after a change (new category, new range) is safe.
 */
export async function runDiscordRegister(
  opts: RegisterOptions,
  source: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const env = readEnv(source);
  const token = env.DISCORD_TOKEN;
  const applicationId = env.DISCORD_APPLICATION_ID;
  if (!token || !applicationId) {
    process.stderr.write(
      'discord register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID in the environment\n',
    );
    return 1;
  }
  if (opts.guild !== undefined && !/^\d{1,20}$/.test(opts.guild)) {
    process.stderr.write(`--guild must be a guild id (digits), not "${opts.guild}"\n`);
    return 1;
  }
  const [config, content] = await Promise.all([loadAppConfig(), readContent(DEFAULT_CONTENT_DIR)]);
  const command = quizCommand(content.categories, config.live);
  const rest = new REST({ api: restApiBase(env.DISCORD_API_URL), retries: 1 }).setToken(token);
  const route = opts.guild
    ? Routes.applicationGuildCommands(applicationId, opts.guild)
    : Routes.applicationCommands(applicationId);
  try {
    await rest.put(route, { body: [command] });
  } catch (error) {
    const why = error instanceof DiscordAPIError ? `${error.status} ${error.message}` : String(error);
    process.stderr.write(`Discord refused the command registration: ${why}\n`);
    return 1;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  const subs = command.options?.length ?? 0;
  process.stdout.write(
    opts.guild
      ? `registered /${command.name} (${subs} subcommands) in guild ${opts.guild} — usable there now\n`
      : `registered /${command.name} (${subs} subcommands) globally — Discord may take a while to show it in every server\n`,
  );
  return 0;
}

/** The `discord` command group of the maintenance CLI. */
export function addDiscordCommands(program: Command): void {
  program
    .command('discord')
    .description('the Discord application')
    .command('register')
    .description('register the /k8s-quiz slash command (global, or in one guild with --guild)')
    .option('--guild <id>', 'register in this guild only (instant; for trying it out)')
    .action(async (opts: RegisterOptions) => {
      process.exitCode = await runDiscordRegister(opts);
    });
}
