import type { TextFormat, View } from '../view.js';

/** A short private message to the actor; `plain` when it carries a player's name. */
export const privateNotice = (body: string, tone: View['tone'] = 'info', format?: TextFormat): View => ({
  visibility: 'private',
  tone,
  body,
  ...(format ? { bodyFormat: format } : {}),
});

export const channelNotice = (body: string, tone: View['tone'] = 'info', format?: TextFormat): View => ({
  visibility: 'channel',
  tone,
  body,
  ...(format ? { bodyFormat: format } : {}),
});
