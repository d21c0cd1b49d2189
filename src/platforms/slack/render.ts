import type { types } from '@slack/bolt';
import { splitMarkdown } from '../../content/split-markdown.js';
import type { View, ViewButton, ViewField, ViewTone } from '../../core/view.js';
import { escapedLength, SLACK_LIMITS, slackBudget } from './limits.js';
import { escapeMrkdwn, markdownToMrkdwn } from './mrkdwn.js';

type Block = types.KnownBlock;

/** One chat message: Block Kit blocks plus the plain fallback Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * Block Kit has no colours; the tone shows as an emoji before the title. Unicode rather than
 * `:shortcodes:`, because titles are plain text with shortcodes off (a player named `:x:`
 * stays `:x:`).
 */
const TONE_EMOJI: Record<ViewTone, string> = {
  question: '❓',
  reveal: '💡',
  info: 'ℹ️',
  success: '✅',
  warning: '⚠️',
  error: '❌',
};

const TITLE_CHARS = 300;
/** Inline fields share a two-column section; Slack allows 10 per section, 2,000 characters each. */
const FIELDS_PER_SECTION = 10;
const FIELD_CHARS = 2000;

/**
 * Renders any View as one or more messages within Slack's limits: long Markdown is split
 * over several sections, and over several messages past 50 blocks. Buttons and footer go
 * last, so the last message is the one that carries the buttons.
 */
export function renderView(view: View): SlackMessage[] {
  const head = [...titleBlocks(view), ...bodyBlocks(view), ...fieldBlocks(view.fields ?? [])];
  const tail = [...buttonBlocks(view.buttons ?? []), ...footerBlocks(view.footer)];
  const chunks = packBlocks(head, tail);
  const fallback = fallbackText(view);
  return chunks.map((blocks, i) => ({
    text: chunks.length > 1 ? `${fallback} (${i + 1}/${chunks.length})` : fallback,
    blocks,
  }));
}

const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text, verbatim: true },
});

/**
 * Literal text — titles, and anything carrying a player's name: Slack never parses a
 * `plain_text` object as mrkdwn, so `*bold*`, `_x_`, `~x~` and backticks show as typed.
 * (`&`, `<`, `>` are still sent as entities, which Slack shows as the characters.)
 */
const plainText = (text: string) => ({ type: 'plain_text' as const, text: escapeMrkdwn(text), emoji: false });
const plainSection = (text: string): Block => ({ type: 'section', text: plainText(text) });

/** The title as a header block (plain text only, at most 150 characters). */
function titleBlocks(view: View): Block[] {
  if (!view.title) return [];
  const emoji = view.tone ? `${TONE_EMOJI[view.tone]} ` : '';
  const title = fitEscaped(`${emoji}${truncate(view.title, TITLE_CHARS)}`, SLACK_LIMITS.headerText);
  return [{ type: 'header', text: plainText(title) }];
}

function bodyBlocks(view: View): Block[] {
  if (!view.body) return [];
  // A notice without a title still shows when it is a warning or an error.
  const flag =
    !view.title && (view.tone === 'warning' || view.tone === 'error') ? `${TONE_EMOJI[view.tone]} ` : '';
  if (view.bodyFormat === 'plain') return plainSections(`${flag}${view.body}`).map(plainSection);
  const parts = mrkdwnSections(view.body);
  if (flag && parts[0] !== undefined) parts[0] = `${flag}${parts[0]}`;
  return parts.map(section);
}

function fieldBlocks(fields: ViewField[]): Block[] {
  const blocks: Block[] = [];
  type Column = ReturnType<typeof plainText> | { type: 'mrkdwn'; text: string; verbatim: true };
  let columns: Column[] = [];
  const flushColumns = () => {
    for (let i = 0; i < columns.length; i += FIELDS_PER_SECTION) {
      blocks.push({ type: 'section', fields: columns.slice(i, i + FIELDS_PER_SECTION) });
    }
    columns = [];
  };
  for (const field of fields) {
    if (field.format === 'plain') {
      const text = `${truncate(field.name, TITLE_CHARS)}\n${field.value}`;
      if (field.inline && escapedLength(text) <= FIELD_CHARS) {
        columns.push(plainText(text));
        continue;
      }
      flushColumns();
      blocks.push(section(`*${escapeMrkdwn(truncate(field.name, TITLE_CHARS))}*`));
      blocks.push(...plainSections(field.value).map(plainSection));
      continue;
    }
    const name = `*${escapeMrkdwn(truncate(field.name, TITLE_CHARS))}*`;
    const value = markdownToMrkdwn(field.value);
    if (field.inline && name.length + value.length + 1 <= FIELD_CHARS) {
      columns.push({ type: 'mrkdwn', text: `${name}\n${value}`, verbatim: true });
      continue;
    }
    flushColumns();
    const parts = mrkdwnSections(field.value, slackBudget.blockChars - name.length);
    blocks.push(
      ...(parts.length ? parts : ['']).map((part, i) => section(i === 0 ? `${name}\n${part}` : part)),
    );
  }
  flushColumns();
  return blocks;
}

function buttonBlocks(buttons: ViewButton[]): Block[] {
  // Slack buttons cannot be disabled: a closed button is simply not shown.
  const open = buttons.filter((b) => !b.disabled);
  const blocks: Block[] = [];
  for (let i = 0; i < open.length; i += SLACK_LIMITS.elementsPerActions) {
    const elements = open.slice(i, i + SLACK_LIMITS.elementsPerActions).map((b) => ({
      type: 'button' as const,
      action_id: b.action,
      value: b.action,
      text: { type: 'plain_text' as const, text: truncate(b.label, SLACK_LIMITS.buttonText), emoji: true },
      ...(b.style === 'primary' ? { style: 'primary' as const } : {}),
    }));
    blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

function footerBlocks(footer: string | undefined): Block[] {
  if (!footer) return [];
  const text = escapeMrkdwn(truncate(footer, SLACK_LIMITS.contextText / 2));
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] }];
}

/** Markdown as mrkdwn sections, each within the section limit once converted and escaped. */
export function mrkdwnSections(markdown: string, max: number = slackBudget.blockChars): string[] {
  return splitMarkdown(markdown, max, slackBudget.measure).flatMap((part) => {
    const text = markdownToMrkdwn(part);
    if (text.length <= SLACK_LIMITS.sectionText) return text ? [text] : [];
    // Conversion grew the part (long URLs get percent-encoded): split it finer.
    if (max > 100) return mrkdwnSections(part, Math.floor(max / 2));
    return [text.slice(0, SLACK_LIMITS.sectionText).replace(/&[a-z]*$/, '')];
  });
}

function packBlocks(head: Block[], tail: Block[]): Block[][] {
  const max = SLACK_LIMITS.blocksPerMessage;
  const chunks: Block[][] = [];
  for (let i = 0; i < head.length; i += max) chunks.push(head.slice(i, i + max));
  const last = chunks.at(-1);
  if (last && last.length + tail.length <= max) last.push(...tail);
  else if (tail.length > 0) chunks.push(tail);
  return chunks.length > 0 ? chunks : [[section(' ')]];
}

/** The plain line Slack shows in notifications and screen readers. */
function fallbackText(view: View): string {
  const firstLine = view.body?.split('\n').find((line) => line.trim());
  // Markdown loses its markers here; plain text (titles, names) stays as typed.
  const source =
    view.title ??
    (firstLine !== undefined && view.bodyFormat !== 'plain' ? firstLine.replace(/[*_`~]/g, '') : firstLine) ??
    view.fields?.[0]?.name ??
    '';
  return escapeMrkdwn(truncate(source.trim() || '…', 300));
}

/** Plain text in pieces that fit a section once escaped, split between lines where it can be. */
function plainSections(text: string, max: number = SLACK_LIMITS.sectionText): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const joined = current ? `${current}\n${line}` : line;
    if (escapedLength(joined) <= max) {
      current = joined;
      continue;
    }
    if (current) parts.push(current);
    current = fitEscaped(line, max);
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/** The longest start of `text` whose escaped form fits in `max` characters. */
function fitEscaped(text: string, max: number): string {
  if (escapedLength(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (escapedLength(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}

function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
