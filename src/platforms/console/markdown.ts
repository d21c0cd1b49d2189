import type { List, Nodes, Parents, RootContent, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import stringWidth from 'string-width';
import { parseMarkdown } from '../../content/markdown.js';

/** How emphasis shows: ANSI on a terminal, nothing in a piped transcript (same text every run). */
export interface TerminalStyle {
  bold(text: string): string;
  italic(text: string): string;
  code(text: string): string;
  dim(text: string): string;
}

const same = (text: string) => text;
export const PLAIN_STYLE: TerminalStyle = { bold: same, italic: same, code: same, dim: same };

const sgr = (on: number, off: number) => (text: string) => (text ? `\x1b[${on}m${text}\x1b[${off}m` : text);
export const ANSI_STYLE: TerminalStyle = {
  bold: sgr(1, 22),
  italic: sgr(3, 23),
  code: sgr(36, 39),
  dim: sgr(2, 22),
};

/** Indent of a fenced code block: set off from the prose without the fences. */
export const CODE_INDENT = '    ';

/**
 * Markdown (the bank's GFM, parsed with the same parser that loads it) as terminal text:
 * markers gone, emphasis styled, lists bulleted and indented, code blocks indented, tables
 * aligned by display width (CJK takes two columns).
 */
export function renderMarkdown(markdown: string, style: TerminalStyle = PLAIN_STYLE): string {
  return blocks(parseMarkdown(markdown).children, style, false).join('\n');
}

function blocks(nodes: RootContent[], style: TerminalStyle, tight: boolean): string[] {
  const out: string[] = [];
  nodes.forEach((node, i) => {
    if (i > 0 && !tight) out.push('');
    out.push(...block(node, style));
  });
  return out;
}

function block(node: RootContent, style: TerminalStyle): string[] {
  switch (node.type) {
    case 'paragraph':
      return inline(node, style).split('\n');
    case 'heading':
      return [style.bold(inline(node, style))];
    case 'code':
      return node.value.split('\n').map((line) => (line ? style.code(`${CODE_INDENT}${line}`) : ''));
    case 'list':
      return list(node, style);
    case 'blockquote':
      return blocks(node.children, style, false).map((line) => `${style.dim('│')} ${line}`);
    case 'thematicBreak':
      return [style.dim('─'.repeat(20))];
    case 'table':
      return table(node, style);
    case 'html':
      return node.value.split('\n');
    case 'yaml':
    case 'definition':
      return [];
    default:
      return textOf(node).split('\n');
  }
}

function list(node: List, style: TerminalStyle): string[] {
  const start = node.start ?? 1;
  const width = node.ordered ? `${start + node.children.length - 1}.`.length : 1;
  const out: string[] = [];
  node.children.forEach((item, i) => {
    if (i > 0 && node.spread) out.push('');
    const marker = node.ordered ? `${start + i}.`.padStart(width) : '•';
    const pad = ' '.repeat(width + 1);
    const lines = blocks(item.children, style, !item.spread);
    lines.forEach((line, j) => {
      out.push(j === 0 ? `${marker} ${line}` : line ? `${pad}${line}` : '');
    });
  });
  return out;
}

function table(node: Table, style: TerminalStyle): string[] {
  const rows = node.children.map((row) => row.children.map((cell) => inline(cell, PLAIN_STYLE)));
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...rows.map((r) => stringWidth(r[c] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell + ' '.repeat((widths[c] ?? 0) - stringWidth(cell)))
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  return [
    style.bold(line(head ?? [])),
    style.dim(widths.map((w) => '─'.repeat(w)).join('  ')),
    ...body.map(line),
  ];
}

function inline(node: Parents, style: TerminalStyle): string {
  return node.children.map((child) => phrase(child as Nodes, style)).join('');
}

function phrase(node: Nodes, style: TerminalStyle): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'strong':
      return style.bold(inline(node, style));
    case 'emphasis':
      return style.italic(inline(node, style));
    case 'delete':
      return `~${inline(node, style)}~`;
    case 'inlineCode':
      return style.code(node.value);
    case 'break':
      return '\n';
    case 'link': {
      const text = inline(node, style);
      return text === node.url || `mailto:${text}` === node.url ? text : `${text} (${node.url})`;
    }
    case 'image':
      return node.alt ?? '';
    case 'html':
      return node.value;
    default:
      return 'children' in node ? inline(node, style) : textOf(node);
  }
}
