import type { View } from '../../core/view.js';
import { RULE_WIDTH } from './limits.js';

/** Terminal text: Markdown stays readable as is, minus bold markers and escapes. */
const plain = (markdown: string) =>
  markdown.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\\([\\`*_~|[\]()#>@<])/g, '$1');

/** Renders a View as readable text, buttons as `[A] [B] …`. */
export function renderView(view: View, options: { ref?: string; audience?: string } = {}): string {
  const lines: string[] = [];
  const who = view.visibility === 'private' ? `only ${options.audience ?? 'you'}` : 'channel';
  const head = `── ${view.title ? `${plain(view.title)} ` : ''}(${who}${options.ref ? ` · ${options.ref}` : ''}) `;
  lines.push(head + '─'.repeat(Math.max(3, RULE_WIDTH - displayWidth(head))));
  if (view.body) lines.push(plain(view.body));
  for (const field of view.fields ?? []) lines.push('', `${plain(field.name)}:`, indent(plain(field.value)));
  const buttons = view.buttons ?? [];
  if (buttons.length > 0) {
    lines.push('', buttons.map((b) => (b.disabled ? `(${b.label})` : `[${b.label}]`)).join(' '));
  }
  if (view.footer) lines.push(`  ${plain(view.footer)}`);
  return `${lines.join('\n')}\n`;
}

/** Terminal columns: CJK and full-width characters take two. */
const displayWidth = (text: string) =>
  Array.from(text).reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
