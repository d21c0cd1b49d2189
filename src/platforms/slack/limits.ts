import { type TextBudget, VIEW_HEADROOM } from '../../core/text-budget.js';

/** Slack's documented Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextText: 2000,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  elementsPerActions: 25,
  fallbackText: 4000,
  /** Modals (https://docs.slack.dev/reference/views/modal-views). */
  modalTitle: 24,
  inputLabel: 2000,
  selectOptions: 100,
  optionText: 75,
  placeholder: 150,
  textInputMax: 3000,
  /** A response_url accepts at most five messages (within 30 minutes). */
  responseUrlUses: 5,
  /** Slack shows an error when a slash command or interaction is not acknowledged in time. */
  ackDeadlineMs: 3000,
} as const;

/** Escaping `&`, `<`, `>` makes bank text longer on Slack; count it escaped. */
export const escapedLength = (text: string): number =>
  text.length + 3 * (text.match(/[<>]/g)?.length ?? 0) + 4 * (text.match(/&/g)?.length ?? 0);

export const slackBudget: TextBudget = {
  platform: 'slack',
  blockChars: SLACK_LIMITS.sectionText - VIEW_HEADROOM,
  measure: escapedLength,
};
