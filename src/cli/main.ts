import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { addDiscordCommands } from './discord-register.js';
import { maintainerModule } from './maintainer-module.js';

/** The version users see is package.json's, so a release bumps one place. */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const program = new Command('k8s-quiz')
  .description('k8s-quiz maintenance commands')
  .version(version, '-V, --version', 'print the version');
const content = program.command('content').description('the question bank');

content
  .command('check')
  .description('load and validate a content folder')
  .argument('[dir]', 'content folder', 'content')
  .option('--json', 'print the result as JSON')
  .option('--strict', 'fail on quality warnings too (giveaways, missing sources, unrecorded changes)')
  .action(async (dir: string, opts: { json?: boolean; strict?: boolean }) => {
    const { runContentCheck } = await maintainerModule('content check', () => import('./content-check.js'));
    process.exitCode = await runContentCheck(dir, opts);
  });

content
  .command('import')
  .description('turn a seed-format Markdown document (## category, ### Q:, **A:**) into content files')
  .argument('<file>', 'the Markdown document')
  .requiredOption('--out <dir>', 'folder for the question files (e.g. content/questions)')
  .option('--map <file>', 'YAML map of question title to { id, category }')
  .option('--categories <file>', 'categories.yaml to map sections to', 'content/categories.yaml')
  .option('--json', 'print the report as JSON')
  .action(async (file: string, opts) => {
    const { runContentImport } = await maintainerModule(
      'content import',
      () => import('./content-import.js'),
    );
    process.exitCode = await runContentImport(file, opts);
  });

const reports = content
  .command('reports')
  .description("players' reports on quiz items, grouped by item (needs REDIS_URL)")
  .option('--json', 'print the reports as JSON')
  .action(async (opts: { json?: boolean }) => {
    // Operators run this in the production image too: it needs only runtime dependencies.
    const { runContentReports } = await import('./content-reports.js');
    process.exitCode = await runContentReports(opts);
  });

reports
  .command('clear')
  .description('a maintainer dealt with the item: drop its reports, so it is drawn again')
  .argument('<item-id>', 'the quiz item id')
  .action(async (itemId: string) => {
    const { runContentReports } = await import('./content-reports.js');
    process.exitCode = await runContentReports({ clear: itemId });
  });

addDiscordCommands(program);

await program.parseAsync();
