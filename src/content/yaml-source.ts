import { isMap, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { err, ok, type Result } from '../core/result.js';
import type { ContentError } from './types.js';

/** Where a YAML text sits: its file, and the file line its first line is on. */
export interface YamlOrigin {
  file: string;
  firstLine: number;
}

type PathKey = PropertyKey;

export interface ParsedYaml<T> {
  value: T;
  /** The file line of a field, for errors found after validation (duplicates across files). */
  lineOf(path: PathKey[]): number;
}

/** `quizzes[0].options[2]` — how a field is named in every content error. */
export function fieldPath(path: readonly PathKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

/** Parses YAML and validates it, naming file, line and field for every problem. */
export function parseYaml<S extends z.ZodType>(
  text: string,
  schema: S,
  origin: YamlOrigin,
): Result<ParsedYaml<z.output<S>>, ContentError[]> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => origin.firstLine + lineCounter.linePos(offset).line - 1;
  if (doc.errors.length > 0) {
    return err(
      doc.errors.map((e) => ({
        file: origin.file,
        line: lineAt(e.pos[0]),
        field: '',
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) {
    return ok({ value: parsed.data, lineOf: (path: PathKey[]) => lineAt(offsetOf(doc, path)) });
  }
  return err(
    parsed.error.issues.map((issue) => {
      const path = issue.path as PathKey[];
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const field = fieldPath(keys.length === 1 ? [...path, keys[0] as string] : path);
      return { file: origin.file, line: lineAt(offsetOf(doc, path, keys[0])), field, message: issue.message };
    }),
  );
}

/** The offset of the deepest existing node on `path` (a missing field points at its parent). */
function offsetOf(doc: ReturnType<typeof parseDocument>, path: PathKey[], key?: string): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      if (depth === path.length && key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === key);
        const keyRange = (pair?.key as { range?: number[] } | undefined)?.range;
        if (keyRange?.[0] !== undefined) return keyRange[0];
      }
      return node.range[0] as number;
    }
  }
  return 0;
}
