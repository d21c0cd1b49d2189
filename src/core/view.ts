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
  /** A form to fill in (see ViewForm); title, body and buttons are what shows where it cannot open. */
  form?: ViewForm;
  /** A picture shown with the message (e.g. the weekly chart). */
  image?: ViewImage;
}

/** A picture attached to a View: adapters upload it with the message. */
export interface ViewImage {
  /** File name with extension, e.g. `weekly-2026-W47.png`. */
  name: string;
  /** PNG bytes. */
  png: Uint8Array;
  width: number;
  height: number;
  /** What the picture shows, for screen readers and clients that do not load it. */
  alt: string;
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

/**
 * A form the player fills in privately (a modal on Discord and Slack, a prompt in the
 * playground). A View with a form is opened as a dialog by a platform that can (as the first
 * answer to a press or command); elsewhere the View shows as a message whose buttons open it
 * again. Submitting sends `action` with one value per field (see core/actions.ts), so a new
 * form needs no adapter change.
 */
export interface ViewForm {
  /** Sent back with the values; at most 80 characters. */
  action: string;
  /** Short: Slack cuts modal titles at 24 characters, Discord at 45. */
  title: string;
  /** Short label of the submit button (Slack: 24 characters). */
  submitLabel: string;
  fields: ViewFormField[];
}

export type ViewFormField =
  | {
      kind: 'choice';
      /** Key of the value in the submission. */
      id: string;
      label: string;
      options: { value: string; label: string }[];
      required: boolean;
    }
  | {
      kind: 'text';
      id: string;
      label: string;
      placeholder?: string;
      maxLength: number;
      required: boolean;
      multiline?: boolean;
    };

/** What a platform hands back when a form is submitted. */
export interface FormSubmission {
  action: string;
  values: Record<string, string>;
}
