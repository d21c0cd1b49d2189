import { type TextBudget, VIEW_HEADROOM } from '../../core/text-budget.js';

/** Discord's documented message limits (https://discord.com/developers/docs/resources/message). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedFooter: 2048,
  embedsPerMessage: 10,
  embedCharsPerMessage: 6000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  customId: 100,
  buttonLabel: 80,
  /** Modals (https://discord.com/developers/docs/components/reference#label). */
  modalTitle: 45,
  modalComponents: 5,
  modalLabel: 45,
  selectOptions: 25,
  selectOptionLabel: 100,
  textInputMax: 4000,
  textInputPlaceholder: 100,
  /** An interaction must be acknowledged (reply or defer) within this time, or it fails. */
  interactionDeadlineMs: 3000,
} as const;

export const discordBudget: TextBudget = {
  platform: 'discord',
  blockChars: DISCORD_LIMITS.embedDescription - VIEW_HEADROOM,
  measure: (text) => text.length,
};
