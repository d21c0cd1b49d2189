import { type InteractionReplyOptions, MessageFlags, type RepliableInteraction } from 'discord.js';
import type { View } from '../../core/view.js';
import { modalOf } from './form.js';
import { NO_MENTIONS } from './outbox.js';
import { type DiscordMessage, renderView } from './render.js';

/** What a response looks like in Discord terms: one message, ephemeral or public. */
interface Outgoing {
  message: DiscordMessage;
  ephemeral: boolean;
}

export interface DeadlinePlan {
  /** Answer at once if the engine is done within this time, else defer (Discord allows 3 s). */
  deferAfterMs: number;
  /** How to defer: a deferred reply cannot change between ephemeral and public later. */
  deferEphemeral: boolean;
}

const LATE = Symbol('late');

/**
 * Answers an interaction inside Discord's 3-second deadline. Fast engine answers go out as the
 * reply itself (a View's form as a modal); a slow one is deferred first ("thinking…") and then
 * filled in: the first view of the deferred kind edits the placeholder, the others follow up
 * with their own visibility (a form then shows as its message, whose button opens it again).
 */
export async function answerInTime(
  interaction: RepliableInteraction,
  work: Promise<View[]>,
  plan: DeadlinePlan,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), plan.deferAfterMs);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== LATE) {
    // A form opens as a modal, which must be the first answer: only a timely one can be.
    const form = first.find((view) => view.form)?.form;
    if (form && !interaction.isModalSubmit()) {
      await interaction.showModal(modalOf(form));
      return;
    }
    return replyNow(interaction, outgoing(first));
  }
  await interaction.deferReply(plan.deferEphemeral ? { flags: MessageFlags.Ephemeral } : {});
  return fillDeferred(interaction, outgoing(await work), plan.deferEphemeral);
}

function outgoing(views: View[]): Outgoing[] {
  return views.flatMap((view) =>
    renderView(view).map((message) => ({ message, ephemeral: view.visibility === 'private' })),
  );
}

const replyOptions = (o: Outgoing): InteractionReplyOptions => ({
  embeds: o.message.embeds,
  components: o.message.components,
  allowedMentions: NO_MENTIONS,
  ...(o.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
});

async function replyNow(interaction: RepliableInteraction, messages: Outgoing[]): Promise<void> {
  const [head, ...rest] = messages;
  if (!head) return acknowledgeSilently(interaction);
  await interaction.reply(replyOptions(head));
  for (const o of rest) await interaction.followUp(replyOptions(o));
}

async function fillDeferred(
  interaction: RepliableInteraction,
  messages: Outgoing[],
  ephemeral: boolean,
): Promise<void> {
  const placeholder = messages.findIndex((o) => o.ephemeral === ephemeral);
  const target = messages[placeholder];
  if (target) {
    const { flags: _ignored, ...edit } = replyOptions(target);
    await interaction.editReply(edit);
  } else {
    // Nothing of the deferred kind to show: remove the "thinking…" placeholder.
    await interaction.deleteReply();
  }
  for (const [i, o] of messages.entries()) if (i !== placeholder) await interaction.followUp(replyOptions(o));
}

/** Every interaction must be acknowledged, even when the engine has nothing to say. */
async function acknowledgeSilently(interaction: RepliableInteraction): Promise<void> {
  if (interaction.isMessageComponent()) {
    await interaction.deferUpdate();
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.deleteReply();
}
