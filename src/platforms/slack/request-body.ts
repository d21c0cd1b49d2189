import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';
import { SLASH_COMMAND } from './listeners.js';

/**
 * What a signed request to /slack/events turns into before Bolt sees it: a body Bolt may
 * process (one of the kinds the bot listens to, with every field the listeners read),
 * or a reply given here — 200 for what the bot ignores, 400 for what is malformed.
 */
export type SlackBody =
  | { kind: 'bolt'; body: Record<string, unknown> }
  | { kind: 'reply'; status: 200 | 400; json?: unknown; reason: string };

const id = z.string().min(1);

const SlashCommandSchema = z.looseObject({
  command: z.string(),
  team_id: id,
  channel_id: id,
  user_id: id,
  user_name: z.string().optional(),
  text: z.string().default(''),
  response_url: z.url(),
  trigger_id: id,
});

const BlockActionsSchema = z
  .looseObject({
    type: z.literal('block_actions'),
    user: z.looseObject({
      id,
      name: z.string().optional(),
      username: z.string().optional(),
      team_id: z.string().nullish(),
    }),
    team: z.looseObject({ id }).nullish(),
    enterprise: z.looseObject({ id }).nullish(),
    channel: z.looseObject({ id }).optional(),
    container: z.looseObject({ channel_id: z.string().optional() }).optional(),
    actions: z
      .array(
        z.looseObject({
          action_id: id,
          value: z.string().optional(),
          action_ts: z.string().optional(),
        }),
      )
      .min(1),
    response_url: z.url().optional(),
    trigger_id: z.string().optional(),
  })
  .refine((b) => Boolean(b.team?.id || b.user.team_id || b.enterprise?.id), {
    message: 'no workspace (team, user.team_id or enterprise)',
  })
  .refine((b) => Boolean(b.channel?.id || b.container?.channel_id), {
    message: 'no channel (channel or container.channel_id)',
  });

/** A submitted modal: the fields the form listener reads (values, callback id, origin). */
const ViewSubmissionSchema = z
  .looseObject({
    type: z.literal('view_submission'),
    user: z.looseObject({ id, name: z.string().optional(), team_id: z.string().nullish() }),
    team: z.looseObject({ id }).nullish(),
    view: z.looseObject({
      id,
      callback_id: z.string().max(255),
      private_metadata: z.string().max(3000).default(''),
      team_id: z.string().optional(),
      state: z.looseObject({
        values: z.record(
          z.string(),
          z.record(
            z.string(),
            z.looseObject({
              value: z.string().nullish(),
              selected_option: z.looseObject({ value: z.string() }).nullish(),
            }),
          ),
        ),
      }),
    }),
  })
  .refine((b) => Boolean(b.team?.id || b.user.team_id || b.view.team_id), {
    message: 'no workspace (team, user.team_id or view.team_id)',
  });

const ignored = (reason: string): SlackBody => ({ kind: 'reply', status: 200, reason });
const malformed = (reason: string): SlackBody => ({ kind: 'reply', status: 400, reason });

/** Parses and checks a (signed) request body by its content type. */
export function slackBody(raw: string, contentType: string | undefined): SlackBody {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return formBody(raw);
  if (type === 'application/json') return jsonBody(raw);
  return malformed(`unsupported content type ${type || '(none)'}`);
}

function formBody(raw: string): SlackBody {
  const form = parseQuery(raw);
  if (typeof form.payload === 'string') return interaction(form.payload);
  if (form.payload !== undefined) return malformed('payload given more than once');
  if (typeof form.command !== 'string') return malformed('neither payload nor command');
  if (form.command !== SLASH_COMMAND) return ignored(`command ${form.command}`);
  const parsed = SlashCommandSchema.safeParse(form);
  if (!parsed.success) return malformed(`slash command: ${issues(parsed.error)}`);
  return { kind: 'bolt', body: parsed.data };
}

function interaction(payload: string): SlackBody {
  const value = parseJson(payload);
  if (!isObject(value)) return malformed('payload is not a JSON object');
  if (value.type === 'view_submission') {
    const submitted = ViewSubmissionSchema.safeParse(value);
    if (!submitted.success) return malformed(`view_submission: ${issues(submitted.error)}`);
    return { kind: 'bolt', body: submitted.data };
  }
  if (value.type !== 'block_actions') return ignored(`interaction type ${String(value.type)}`);
  const parsed = BlockActionsSchema.safeParse(value);
  if (!parsed.success) return malformed(`block_actions: ${issues(parsed.error)}`);
  return { kind: 'bolt', body: parsed.data };
}

function jsonBody(raw: string): SlackBody {
  const value = parseJson(raw);
  if (!isObject(value)) return malformed('body is not a JSON object');
  if (value.type === 'url_verification' && typeof value.challenge === 'string')
    return { kind: 'reply', status: 200, json: { challenge: value.challenge }, reason: 'url_verification' };
  if (typeof value.type === 'string') return ignored(`event type ${value.type}`);
  return malformed('body has no type');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const issues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
