import type { Code, List, RootContent } from 'mdast';
import { parseMarkdown } from './markdown.js';

/** Measures text as a platform will count it (e.g. after escaping). */
export type Measure = (text: string) => number;

const plainLength: Measure = (text) => text.length;

/**
 * Splits Markdown into parts that each measure at most `max`, cutting between blocks
 * where possible, then between list items, then between code lines (closing and
 * re-opening the fence so every part renders on its own), then between sentences.
 */
export function splitMarkdown(markdown: string, max: number, measure: Measure = plainLength): string[] {
  const text = markdown.trim();
  if (measure(text) <= max) return text ? [text] : [];
  const pieces = blocksOf(text).flatMap((block) => fitBlock(block, max, measure));
  return pack(pieces, max, measure);
}

interface Block {
  node?: RootContent;
  source: string;
}

function blocksOf(text: string): Block[] {
  const nodes = parseMarkdown(text).children.filter((n) => n.position);
  return nodes.map((node, i) => {
    const start = node.position?.start.offset ?? 0;
    const end = nodes[i + 1]?.position?.start.offset ?? text.length;
    return { node, source: text.slice(start, end).trim() };
  });
}

function fitBlock(block: Block, max: number, measure: Measure): string[] {
  if (measure(block.source) <= max) return [block.source];
  if (block.node?.type === 'list')
    return listItems(block.node, block.source).flatMap((b) => fitBlock(b, max, measure));
  if (block.node?.type === 'code') return codeChunks(block.node, max, measure);
  return sentenceChunks(block.source, max, measure);
}

function listItems(list: List, source: string): Block[] {
  const base = list.position?.start.offset ?? 0;
  return list.children.map((item, i) => {
    const start = (item.position?.start.offset ?? base) - base;
    const next = list.children[i + 1]?.position?.start.offset;
    const end = next === undefined ? source.length : next - base;
    return { source: source.slice(start, end).trim() };
  });
}

function codeChunks(code: Code, max: number, measure: Measure): string[] {
  const open = `\`\`\`${code.lang ?? ''}`;
  const wrap = (lines: string[]) => `${open}\n${lines.join('\n')}\n\`\`\``;
  const chunks: string[] = [];
  let current: string[] = [];
  for (const line of code.value.split('\n')) {
    if (current.length > 0 && measure(wrap([...current, line])) > max) {
      chunks.push(wrap(current));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) chunks.push(wrap(current));
  return chunks.flatMap((c) => (measure(c) <= max ? [c] : hardCut(c, max, measure)));
}

function sentenceChunks(source: string, max: number, measure: Measure): string[] {
  // Keep the sentence-ending punctuation (Chinese and Latin) with its sentence.
  const sentences = source.split(/(?<=[。！？；.!?;\n])/u).filter((s) => s.length > 0);
  return pack(
    sentences.flatMap((s) => (measure(s) <= max ? [s] : hardCut(s, max, measure))),
    max,
    measure,
    '',
  );
}

function hardCut(text: string, max: number, measure: Measure): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  let current = '';
  for (const ch of chars) {
    if (current && measure(current + ch) > max) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  if (current) out.push(current);
  return out;
}

function pack(pieces: string[], max: number, measure: Measure, joiner = '\n\n'): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const candidate = current ? current + joiner + piece : piece;
    if (current && measure(candidate) > max) {
      parts.push(current.trim());
      current = piece;
    } else {
      current = candidate;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
