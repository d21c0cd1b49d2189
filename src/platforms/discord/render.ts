import { escapeMarkdown } from '@discordjs/formatters';
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import { splitMarkdown } from '../../content/split-markdown.js';
import type { TextFormat, View, ViewButton, ViewTone } from '../../core/view.js';
import { discordBudget, DISCORD_LIMITS as L } from './limits.js';

/** One Discord message's worth of a View, before the sender adds flags and mention rules. */
export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

const TONE_COLOURS: Record<ViewTone, number> = {
  question: 0x326ce5, // Kubernetes blue
  reveal: 0x8e44ad,
  info: 0x5865f2,
  success: 0x2ecc71,
  warning: 0xf1c40f,
  error: 0xe74c3c,
};

/**
 * Renders a View as embeds with buttons. A long body becomes several embeds (each description
 * within the budget); embeds are packed into as few messages as Discord's 10-embed and
 * 6,000-character limits allow; the buttons go on the last message, under the last embed.
 */
export function renderView(view: View): DiscordMessage[] {
  const color = TONE_COLOURS[view.tone ?? 'info'];
  const body = view.body ? markdownOf(view.body, view.bodyFormat) : '';
  const parts = body ? splitMarkdown(body, discordBudget.blockChars, discordBudget.measure) : [];
  const embeds: APIEmbed[] = parts.map((description) => ({ color, description }));
  if (embeds.length === 0) embeds.push({ color });
  // Embed titles render Markdown; a title is plain text (it may carry a name).
  if (view.title) (embeds[0] as APIEmbed).title = cut(markdownOf(view.title, 'plain'), L.embedTitle);
  const footer = view.footer ? cut(view.footer, L.embedFooter) : '';
  placeFields(embeds, (view.fields ?? []).map(fieldOf), color, L.embedCharsPerMessage - footer.length);
  if (footer) (embeds.at(-1) as APIEmbed).footer = { text: footer };

  const messages = packEmbeds(embeds.filter((e) => embedChars(e) > 0));
  const components = buttonRows(view.buttons ?? []);
  if (messages.length === 0) messages.push({ embeds: [], components: [] });
  (messages.at(-1) as DiscordMessage).components = components;
  return messages;
}

/** The characters Discord counts towards an embed's share of the 6,000 per message. */
export function embedChars(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (
    (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + fields
  );
}

/**
 * Plain text (player names) as Markdown that shows it as typed: discord.js's escapeMarkdown
 * for every construct, and `<` escaped too so a name like `<@123>` is not drawn as a mention.
 */
const ESCAPE_ALL = { bulletedList: true, heading: true, maskedLink: true, numberedList: true };
export function markdownOf(text: string, format: TextFormat = 'markdown'): string {
  if (format === 'markdown') return text;
  return escapeMarkdown(text, ESCAPE_ALL).replace(/</g, '\\<');
}

function fieldOf(field: NonNullable<View['fields']>[number]): APIEmbedField {
  // Discord refuses empty names and values; a zero-width space keeps the layout.
  return {
    name: cut(field.name, L.embedFieldName) || '\u200b',
    value: cut(markdownOf(field.value, field.format), L.embedFieldValue) || '\u200b',
    inline: field.inline ?? false,
  };
}

/** Fields join the last embed while it stays within 25 fields and `room` characters, else a new one. */
function placeFields(embeds: APIEmbed[], fields: APIEmbedField[], color: number, room: number): void {
  for (const field of fields) {
    const last = embeds.at(-1) as APIEmbed;
    const size = field.name.length + field.value.length;
    if ((last.fields?.length ?? 0) < L.embedFields && embedChars(last) + size <= room) {
      last.fields = [...(last.fields ?? []), field];
    } else {
      embeds.push({ color, fields: [field] });
    }
  }
}

function packEmbeds(embeds: APIEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: APIEmbed[] = [];
  let chars = 0;
  for (const embed of embeds) {
    const size = embedChars(embed);
    if (
      current.length > 0 &&
      (current.length === L.embedsPerMessage || chars + size > L.embedCharsPerMessage)
    ) {
      messages.push({ embeds: current, components: [] });
      current = [];
      chars = 0;
    }
    current.push(embed);
    chars += size;
  }
  if (current.length > 0) messages.push({ embeds: current, components: [] });
  return messages;
}

/** Up to 5 buttons per row and 5 rows; the action string is the custom id (≤ 80 by contract). */
export function buttonRows(buttons: ViewButton[]): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const usable = buttons.slice(0, L.buttonsPerRow * L.rowsPerMessage);
  for (let i = 0; i < usable.length; i += L.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: usable.slice(i, i + L.buttonsPerRow).map((b) => ({
        type: ComponentType.Button,
        style: b.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
        label: cut(b.label, L.buttonLabel),
        custom_id: b.action.slice(0, L.customId),
        disabled: b.disabled ?? false,
      })),
    });
  }
  return rows;
}

/**
 * Shortens to `max` UTF-16 units (as Discord counts), never splitting a surrogate pair nor
 * leaving half of a `\x` escape at the end.
 */
function cut(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  let out = '';
  for (const ch of trimmed) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  if (/(^|[^\\])(\\\\)*\\$/.test(out)) out = out.slice(0, -1);
  return `${out}…`;
}
