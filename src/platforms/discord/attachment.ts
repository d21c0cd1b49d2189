import type { APIEmbed } from 'discord-api-types/v10';
import type { ViewImage } from '../../core/view.js';
import type { DiscordMessage } from './render.js';
import { DiscordAPIError } from './rest.js';

/** The message shows the picture in its last embed, from the file uploaded with it. */
export function withImage(message: DiscordMessage, image: ViewImage): DiscordMessage {
  const embeds: APIEmbed[] = message.embeds.length > 0 ? [...message.embeds] : [{}];
  const last = embeds.length - 1;
  embeds[last] = { ...embeds[last], image: { url: `attachment://${image.name}` } };
  return { ...message, embeds };
}

/** The picture as a multipart file for discord.js's REST client. */
export const fileOf = (image: ViewImage) => ({
  name: image.name,
  data: Buffer.from(image.png),
  contentType: 'image/png',
});

/**
 * Discord refused the message because of its file — no Attach Files permission, too large, a
 * bad upload — rather than for a passing reason (rate limit, 5xx): the text goes without it.
 */
export const isRefusedUpload = (error: unknown): boolean =>
  error instanceof DiscordAPIError && error.status >= 400 && error.status < 500 && error.status !== 429;
