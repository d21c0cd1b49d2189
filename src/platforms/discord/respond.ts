import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { View } from '../../core/view.js';
import { modalOf } from './form.js';
import { type DiscordMessage, renderView } from './render.js';

/** What a response looks like in Discord terms: one message, ephemeral or public. */
export interface Outgoing {
  message: DiscordMessage;
  ephemeral: boolean;
}

/**
 * The answers Discord allows to one interaction, whichever transport brought it: on the
 * gateway discord.js's interaction methods (gateway.ts), over HTTP the request's response
 * and the interaction's webhook (http-responder.ts). The first of reply, replyText, defer,
 * deferUpdate and showModal acknowledges the interaction; the others come after one.
 */
export interface Responder {
  readonly kind: 'command' | 'component' | 'modal';
  reply(o: Outgoing): Promise<void>;
  /** A short ephemeral text of the adapter's own (e.g. "servers only"). */
  replyText(content: string): Promise<void>;
  showModal(modal: APIModalInteractionResponseCallbackData): Promise<void>;
  defer(ephemeral: boolean): Promise<void>;
  /** Acknowledges a button press without a message. */
  deferUpdate(): Promise<void>;
  /** Fills in the deferred placeholder (its visibility was fixed by `defer`). */
  editReply(o: Outgoing): Promise<void>;
  deleteReply(): Promise<void>;
  followUp(o: Outgoing): Promise<void>;
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
  responder: Responder,
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
    if (form && responder.kind !== 'modal') {
      await responder.showModal(modalOf(form));
      return;
    }
    return replyNow(responder, outgoing(first));
  }
  await responder.defer(plan.deferEphemeral);
  return fillDeferred(responder, outgoing(await work), plan.deferEphemeral);
}

function outgoing(views: View[]): Outgoing[] {
  return views.flatMap((view) =>
    renderView(view).map((message) => ({ message, ephemeral: view.visibility === 'private' })),
  );
}

async function replyNow(responder: Responder, messages: Outgoing[]): Promise<void> {
  const [head, ...rest] = messages;
  if (!head) return acknowledgeSilently(responder);
  await responder.reply(head);
  for (const o of rest) await responder.followUp(o);
}

async function fillDeferred(responder: Responder, messages: Outgoing[], ephemeral: boolean): Promise<void> {
  const placeholder = messages.findIndex((o) => o.ephemeral === ephemeral);
  const target = messages[placeholder];
  // Nothing of the deferred kind to show: remove the "thinking…" placeholder.
  if (target) await responder.editReply(target);
  else await responder.deleteReply();
  for (const [i, o] of messages.entries()) if (i !== placeholder) await responder.followUp(o);
}

/** Every interaction must be acknowledged, even when the engine has nothing to say. */
async function acknowledgeSilently(responder: Responder): Promise<void> {
  if (responder.kind === 'component') {
    await responder.deferUpdate();
    return;
  }
  await responder.defer(true);
  await responder.deleteReply();
}
