import type { View } from '../view.js';

/** A short private message to the actor. */
export const privateNotice = (body: string, tone: View['tone'] = 'info'): View => ({
  visibility: 'private',
  tone,
  body,
});

export const channelNotice = (body: string, tone: View['tone'] = 'info'): View => ({
  visibility: 'channel',
  tone,
  body,
});
