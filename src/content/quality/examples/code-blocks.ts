import type { Code } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../../markdown.js';

/** A fenced code block of a reference answer. */
export interface CodeBlock {
  /** The fence's language, lower case (`yaml`, `dockerfile`), or '' when it has none. */
  lang: string;
  /** The code, without the fences and without the indentation of an enclosing list. */
  code: string;
  /** Line of the first code line within the Markdown text (1-based). */
  firstLine: number;
}

/** Every fenced code block, nested ones (in list items, quotes) included. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  if (!/^\s*(?:```|~~~)/m.test(markdown)) return blocks; // no fence: skip the (slow) parse
  visit(parseMarkdown(markdown), 'code', (node: Code) => {
    blocks.push({
      lang: (node.lang ?? '').toLowerCase(),
      code: node.value,
      firstLine: (node.position?.start.line ?? 0) + 1,
    });
  });
  return blocks;
}
