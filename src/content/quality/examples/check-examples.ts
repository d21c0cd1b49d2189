import { isMap, LineCounter, parseAllDocuments } from 'yaml';
import type { ContentError, ContentWarning, Question } from '../../types.js';
import { codeBlocks } from './code-blocks.js';
import { lintDockerfile, TEACHES_NON_ROOT } from './dockerfile-advice.js';
import { validateManifest } from './manifests.js';

/**
 * The examples in reference answers are facts we teach, so a YAML block that does not parse or a
 * manifest that does not validate is an error. The Dockerfile rules are a heuristic about advice
 * (pinning, small final stage), so they are warnings.
 */
export interface ExampleFigures {
  yamlBlocks: number;
  /** YAML documents with apiVersion and kind. */
  manifests: number;
  /** … of which validated against a schema. */
  validated: number;
  /** apiVersion/kind pairs with no schema here (parsed only), with how often they occur. */
  unchecked: Record<string, number>;
  dockerfiles: number;
}

export async function checkExamples(
  questions: readonly Question[],
): Promise<{ errors: ContentError[]; warnings: ContentWarning[]; figures: ExampleFigures }> {
  const errors: ContentError[] = [];
  const warnings: ContentWarning[] = [];
  const figures: ExampleFigures = {
    yamlBlocks: 0,
    manifests: 0,
    validated: 0,
    unchecked: {},
    dockerfiles: 0,
  };
  for (const q of questions) {
    const teachesNonRoot = TEACHES_NON_ROOT.test(q.referenceAnswer);
    for (const block of codeBlocks(q.referenceAnswer)) {
      // Body line → file line: the body starts at q.lines.body.
      const fileLine = (blockLine: number) => q.lines.body + block.firstLine - 1 + blockLine - 1;
      if (block.lang === 'yaml' || block.lang === 'yml') {
        figures.yamlBlocks++;
        for (const finding of await checkYamlBlock(block.code, figures)) {
          errors.push({
            file: q.file,
            line: fileLine(finding.line),
            field: 'body',
            message: finding.message,
          });
        }
      } else if (block.lang === 'dockerfile' || block.lang === 'docker') {
        figures.dockerfiles++;
        for (const finding of lintDockerfile(block.code, teachesNonRoot)) {
          warnings.push({
            file: q.file,
            line: fileLine(finding.line),
            field: 'body',
            message: `Dockerfile example: ${finding.message}`,
            rule: 'dockerfile',
          });
        }
      }
    }
  }
  return { errors, warnings, figures };
}

/** Problems of one YAML block, by line within the block. */
async function checkYamlBlock(
  code: string,
  figures: ExampleFigures,
): Promise<{ line: number; message: string }[]> {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(code, { lineCounter, prettyErrors: false });
  if (!Array.isArray(docs)) return []; // an empty block
  const found: { line: number; message: string }[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        found.push({
          line: lineCounter.linePos(e.pos[0]).line,
          message: `YAML example does not parse: ${e.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    if (!isMap(doc.contents) || !doc.has('apiVersion') || !doc.has('kind')) continue; // a fragment
    figures.manifests++;
    const result = await validateManifest(doc.toJS() as Record<string, unknown>);
    const line = lineCounter.linePos(doc.contents.range[0]).line;
    if (result.status === 'valid') figures.validated++;
    else if (result.status === 'unchecked') {
      const what = `${doc.get('apiVersion')} ${doc.get('kind')}`;
      figures.unchecked[what] = (figures.unchecked[what] ?? 0) + 1;
    } else {
      const name = `${doc.get('apiVersion')} ${doc.get('kind')}`;
      for (const problem of result.problems)
        found.push({ line, message: `${name} example is invalid: ${problem}` });
    }
  }
  return found;
}
