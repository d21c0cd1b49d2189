import type { Heading, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { parseMarkdown } from '../markdown.js';

/** One `### Q:` entry of a seed-format document, before any decision about it. */
export interface SeedEntry {
  title: string;
  /** The reference answer (Markdown), without its `**A:**` marker; empty when missing. */
  answer: string;
  section: string | undefined;
  line: number;
}

/** A `##` section: a category in the seed's format. */
export interface SeedSection {
  name: string;
  line: number;
  entries: number;
  /** Lines of content that is neither a question nor a table of contents. */
  strayLines: number[];
  isTableOfContents: boolean;
}

export interface UnclosedFence {
  line: number;
  /** Lines of headings the open fence swallowed as code. */
  swallowedHeadings: number[];
}

export interface SeedDocument {
  entries: SeedEntry[];
  sections: SeedSection[];
  unclosedFences: UnclosedFence[];
  /** Content before the first section that is not the document title. */
  strayLines: number[];
}

const QUESTION = /^Q\s*[:：]\s*/u;
const ANSWER = /^\s*\*\*A\s*[:：]\s*\*\*\s*/u;

/** Reads a seed-format document (`## category`, `### Q: title`, `**A:** answer`) with its mdast tree. */
export function readSeedDocument(text: string): SeedDocument {
  const nodes = parseMarkdown(text).children;
  const doc: SeedDocument = { entries: [], sections: [], unclosedFences: [], strayLines: [] };
  let section: SeedSection | undefined;
  let entry: { title: string; line: number; bodyStart: number } | undefined;

  const closeEntry = (end: number) => {
    if (!entry) return;
    const answer = text.slice(entry.bodyStart, end).trim().replace(ANSWER, '').trim();
    doc.entries.push({ title: entry.title, answer, section: section?.name, line: entry.line });
    if (section) section.entries++;
    entry = undefined;
  };

  for (const node of nodes) {
    const start = node.position?.start.offset ?? 0;
    const line = node.position?.start.line ?? 1;
    if (node.type === 'code') {
      const fence = unclosedFence(text, node);
      if (fence) doc.unclosedFences.push(fence);
    }
    if (isHeading(node, 2)) {
      closeEntry(start);
      section = { name: textOf(node).trim(), line, entries: 0, strayLines: [], isTableOfContents: false };
      doc.sections.push(section);
    } else if (isHeading(node, 3) && QUESTION.test(textOf(node))) {
      closeEntry(start);
      entry = {
        title: textOf(node).replace(QUESTION, '').trim(),
        line,
        bodyStart: node.position?.end.offset ?? start,
      };
    } else if (!entry) {
      if (isHeading(node, 1) && !section) continue;
      if (section && section.entries === 0 && isTableOfContents(node)) section.isTableOfContents = true;
      else (section?.strayLines ?? doc.strayLines).push(line);
    }
  }
  closeEntry(text.length);
  return doc;
}

function isHeading(node: RootContent, depth: Heading['depth']): boolean {
  return node.type === 'heading' && node.depth === depth;
}

/** A list whose every item is only a link to an anchor of this document. */
function isTableOfContents(node: RootContent): boolean {
  if (node.type !== 'list') return false;
  return node.children.every((item) => {
    const para = item.children[0];
    return (
      item.children.length === 1 &&
      para?.type === 'paragraph' &&
      para.children.length === 1 &&
      para.children[0]?.type === 'link' &&
      para.children[0].url.startsWith('#')
    );
  });
}

function unclosedFence(
  text: string,
  node: Extract<RootContent, { type: 'code' }>,
): UnclosedFence | undefined {
  const { start, end } = node.position ?? {};
  if (!start || !end) return undefined;
  const source = text.slice(start.offset ?? 0, end.offset ?? 0).trimEnd();
  const fence = source.match(/^\s*(`{3,}|~{3,})/)?.[1];
  if (!fence) return undefined;
  const lines = source.split('\n');
  if (lines.length > 1 && (lines.at(-1) ?? '').trim().startsWith(fence)) return undefined;
  const swallowedHeadings = lines.flatMap((l, i) =>
    i > 0 && /^#{1,3}\s/.test(l.trim()) ? [start.line + i] : [],
  );
  return { line: start.line, swallowedHeadings };
}
