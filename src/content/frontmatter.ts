/** A question file's YAML frontmatter: where it is and what it says. */
export interface Frontmatter {
  /** The YAML between the fences. */
  yaml: string;
  /** File line of the first YAML line (1-based). */
  yamlLine: number;
  /** File line of the closing `---`. */
  endLine: number;
  /** Offset just past the closing `---` (where the body starts). */
  endOffset: number;
}

const FENCE = /^---[ \t]*$/;

/**
 * Finds the `---` block that opens a file, the same block a Markdown parser with the
 * frontmatter extension sees, by scanning lines: parsing the whole reference answer as
 * Markdown just to find it made loading the bank cost ~45 MB of short-lived memory at
 * every start.
 */
export function splitFrontmatter(text: string): Frontmatter | undefined {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const lines = text.slice(start).split('\n');
  if (!FENCE.test(stripCr(lines[0] ?? ''))) return undefined;
  let offset = start + (lines[0]?.length ?? 0) + 1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(stripCr(line))) {
      const yaml = lines.slice(1, i).map(stripCr).join('\n');
      return { yaml, yamlLine: 2, endLine: i + 1, endOffset: offset + stripCr(line).length };
    }
    offset += line.length + 1;
  }
  return undefined;
}

const stripCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
