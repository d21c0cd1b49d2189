/**
 * A platform-neutral message. Adapters render every View generically (Discord embeds,
 * Slack Block Kit, terminal text), so a new core feature needs no adapter change.
 */
export interface View {
  /** Who sees it: the whole channel, or only the user who acted (ephemeral). */
  visibility: 'channel' | 'private';
  /** Colour/emphasis hint. */
  tone?: ViewTone;
  title?: string;
  /** Markdown. May be long (a reference answer): adapters split it to their limits with splitMarkdown. */
  body?: string;
  fields?: ViewField[];
  buttons?: ViewButton[];
  /** Short plain line under the message (deadline, round progress). */
  footer?: string;
}

export type ViewTone = 'question' | 'reveal' | 'info' | 'success' | 'warning' | 'error';

export interface ViewField {
  name: string;
  /** Markdown. */
  value: string;
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
