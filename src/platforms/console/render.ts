import stringWidth from 'string-width';
import type { TextFormat, View, ViewField } from '../../core/view.js';
import { RULE_WIDTH } from './limits.js';
import { PLAIN_STYLE, renderMarkdown, type TerminalStyle } from './markdown.js';

export interface RenderOptions {
  ref?: string;
  /** Who "only you" is, for private views. */
  audience?: string;
  style?: TerminalStyle;
}

/**
 * Renders a View as terminal text: a rule with the title, the body (Markdown rendered for a
 * terminal, plain text as is), inline fields as a compact table, the others as headed
 * blocks, buttons as `[A] [B] …`, the footer.
 */
export function renderView(view: View, options: RenderOptions = {}): string {
  const style = options.style ?? PLAIN_STYLE;
  const text = (value: string, format?: TextFormat) =>
    format === 'plain' ? value : renderMarkdown(value, style);
  const lines: string[] = [];
  const who = view.visibility === 'private' ? `only ${options.audience ?? 'you'}` : 'channel';
  const head = `── ${view.title ? `${view.title} ` : ''}(${who}${options.ref ? ` · ${options.ref}` : ''}) `;
  lines.push(style.bold(head) + '─'.repeat(Math.max(3, RULE_WIDTH - stringWidth(head))));
  if (view.body) lines.push(text(view.body, view.bodyFormat));
  const fields = view.fields ?? [];
  for (let i = 0; i < fields.length; ) {
    const field = fields[i] as ViewField;
    if (field.inline) {
      const run: ViewField[] = [];
      while (fields[i]?.inline) run.push(fields[i++] as ViewField);
      lines.push(
        '',
        ...grid(
          run.map((f) => [heading(f.name), text(f.value, f.format)]),
          style,
        ),
      );
      continue;
    }
    lines.push(
      '',
      style.bold(`${heading(field.name)}${colon(field.name)}`),
      indent(text(field.value, field.format)),
    );
    i++;
  }
  const buttons = view.buttons ?? [];
  if (buttons.length > 0) {
    lines.push('', buttons.map((b) => (b.disabled ? `(${b.label})` : `[${b.label}]`)).join(' '));
  }
  if (view.footer) lines.push(style.dim(`  ${view.footer}`));
  return `${lines.join('\n')}\n`;
}

const heading = (name: string) => name.trim();

/** A heading in Chinese (or Japanese, Korean; or ending in full-width punctuation) takes the full-width colon. */
const colon = (name: string) =>
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]$/u.test(
    name.trim(),
  )
    ? '：'
    : ':';

/** Name/value pairs side by side, as many per row as fit the rule, columns aligned by display width. */
function grid(pairs: [string, string][], style: TerminalStyle): string[] {
  const cell = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));
  for (let perRow = Math.min(3, pairs.length); perRow >= 1; perRow--) {
    const nameWidth = (c: number) =>
      Math.max(...pairs.filter((_, i) => i % perRow === c).map((p) => stringWidth(p[0])));
    const valueWidth = (c: number) =>
      Math.max(...pairs.filter((_, i) => i % perRow === c).map((p) => stringWidth(p[1])));
    const columns = Array.from({ length: perRow }, (_, c) => ({ name: nameWidth(c), value: valueWidth(c) }));
    const width = 2 + columns.reduce((w, c) => w + c.name + 2 + c.value, 0) + 4 * (perRow - 1);
    const multiline = pairs.some((p) => p[1].includes('\n'));
    if ((width > RULE_WIDTH || multiline) && perRow > 1) continue;
    const rows: string[] = [];
    for (let i = 0; i < pairs.length; i += perRow) {
      const row = pairs.slice(i, i + perRow).map(([name, value], c) => {
        const column = columns[c] ?? { name: 0, value: 0 };
        return `${style.dim(cell(name, column.name))}  ${cell(value, column.value)}`;
      });
      rows.push(`  ${row.join('    ')}`.trimEnd());
    }
    return rows;
  }
  return [];
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => (l ? `  ${l}` : ''))
    .join('\n');
