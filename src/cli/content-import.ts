import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ImportMapSchema } from '../content/import/assign-ids.js';
import { importSeed } from '../content/import/import-seed.js';
import { DEFAULT_CONTENT_DIR } from '../content/load-bank.js';
import { CategoriesFileSchema } from '../content/schema.js';
import { formatContentError } from '../content/types.js';
import { parseYaml } from '../content/yaml-source.js';

export interface ImportCliOptions {
  out: string;
  json?: boolean;
  map?: string;
  categories?: string;
}

/** `content import <file.md> --out <dir>`: exit 0 only when every entry was imported cleanly. */
export async function runContentImport(file: string, opts: ImportCliOptions): Promise<number> {
  const categoriesFile = opts.categories ?? join(DEFAULT_CONTENT_DIR, 'categories.yaml');
  const categories = await readYamlFile(categoriesFile, CategoriesFileSchema);
  const map = opts.map ? await readYamlFile(opts.map, ImportMapSchema) : {};
  if (!categories || !map) return 2;

  if (!(await isReadable(file))) {
    process.stderr.write(`${file}: cannot read file\n`);
    return 2;
  }
  const report = await importSeed(file, { outDir: opts.out, categories, map });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const written = report.imported.filter((q) => q.written).length;
    const kept = report.imported.length - written;
    process.stdout.write(
      `${file}: imported ${report.imported.length} questions into ${opts.out} (${written} written, ${kept} already there and left unchanged)\n`,
    );
    if (report.dropped.length > 0)
      process.stdout.write(`dropped ${report.dropped.length} exact repeat(s):\n`);
    for (const d of report.dropped)
      process.stdout.write(`${file}:${d.line}: "${d.title}" repeats line ${d.repeatOf}; dropped\n`);
    for (const n of report.notes) process.stdout.write(`${file}:${n.line}: note: ${n.message}\n`);
    if (report.problems.length > 0) process.stdout.write(`${report.problems.length} problem(s):\n`);
    for (const p of report.problems) process.stdout.write(`${file}:${p.line}: ${p.message}\n`);
  }
  return report.problems.length === 0 ? 0 : 1;
}

async function isReadable(file: string): Promise<boolean> {
  return access(file, constants.R_OK).then(
    () => true,
    () => false,
  );
}

async function readYamlFile<T>(file: string, schema: import('zod').ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    process.stderr.write(`${file}: cannot read file\n`);
    return undefined;
  }
  const parsed = parseYaml(text, schema, { file, firstLine: 1 });
  if (parsed.ok) return parsed.value.value;
  for (const e of parsed.error) process.stderr.write(`${formatContentError(e)}\n`);
  return undefined;
}
