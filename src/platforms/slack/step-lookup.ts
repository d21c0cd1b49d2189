import type { webApi } from '@slack/bolt';
import type { Team } from '../../core/model.js';
import type { Logger, PostStep } from '../../core/ports.js';
import { deliveryErrorOf } from './delivery-errors.js';

/** Our own message metadata type: every scheduled post says which step and part it is. */
export const POST_EVENT_TYPE = 'k8s_quiz_post';

/** Clocks differ: look a little before the step was intended. */
const CLOCK_SKEW_MS = 60_000;
const PAGE_SIZE = 200;
/** A quiz channel does not see a thousand messages while a job retries; stop looking there. */
const MAX_PAGES = 5;

export const stepMetadata = (step: PostStep, part: number) => ({
  event_type: POST_EVENT_TYPE,
  event_payload: { step: step.id, part },
});

/**
 * chat.postMessage has no idempotency key, so before posting a step again we look for its
 * parts in the channel's history since it was intended (metadata carries the step id).
 * Returns the parts found (part → ts), or undefined when Slack refuses the lookup (no
 * channels:history / groups:history): then the caller posts again and a duplicate is possible.
 */
export async function findPostedParts(
  client: webApi.WebClient,
  team: Team,
  step: PostStep,
  logger: Logger,
): Promise<Map<number, string> | undefined> {
  const found = new Map<number, string>();
  const oldest = ((step.intendedAt - CLOCK_SKEW_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await client.conversations.history({
        channel: team.address.channelId,
        oldest,
        include_all_metadata: true,
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      for (const message of result.messages ?? []) {
        const meta = message.metadata as { event_type?: string; event_payload?: Record<string, unknown> };
        if (meta?.event_type !== POST_EVENT_TYPE || meta.event_payload?.step !== step.id) continue;
        if (message.ts) found.set(Number(meta.event_payload.part ?? 0), message.ts);
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || !cursor) break;
    }
  } catch (error) {
    const fault = deliveryErrorOf(error, 'conversations.history');
    // A rate limit or an outage: retry the job later rather than risk a duplicate now.
    if (fault.kind === 'transient') throw fault;
    logger.warn(
      { teamId: team.id, step: step.id, err: fault.message },
      'slack: cannot look for an interrupted post (add channels:history / groups:history); posting again, a duplicate is possible',
    );
    return undefined;
  }
  return found;
}
