/**
 * A platform-neutral message. Adapters render every View generically (Discord embeds,
 * Slack Block Kit, terminal text), so a new core feature needs no adapter change.
 */
export interface View {
  /** Who sees it: the whole channel, or only the user who acted (ephemeral). */
  visibility: 'channel' | 'private';
  /** Colour/emphasis hint. */
  tone?: ViewTone;
  /** Plain text, shown literally (it may carry a player's name). */
  title?: string;
  /** Markdown unless `bodyFormat` is `plain`. May be long (a reference answer): adapters split it to their limits. */
  body?: string;
  bodyFormat?: TextFormat;
  fields?: ViewField[];
  buttons?: ViewButton[];
  /** Short plain line under the message (deadline, round progress). */
  footer?: string;
}

export type ViewTone = 'question' | 'reveal' | 'info' | 'success' | 'warning' | 'error';

/**
 * `markdown`: the bot's own text (the bank, the catalogs). `plain`: text that carries player
 * names — every platform shows it exactly as typed, never as formatting, mentions or links.
 */
export type TextFormat = 'markdown' | 'plain';

export interface ViewField {
  /** Plain text. */
  name: string;
  /** Markdown unless `format` is `plain`. */
  value: string;
  format?: TextFormat;
  inline?: boolean;
}

export interface ViewButton {
  /** Opaque action string (see core/actions.ts); at most 80 characters. */
  action: string;
  /** Short label, e.g. `A` or `查看参考答案`. */
  label: string;
  style?: 'primary' | 'secondary';
  disabled?: boolean;
}
