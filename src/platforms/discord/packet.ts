import { InteractionType, ApplicationCommandOptionType as Opt } from 'discord-api-types/v10';
import { z } from 'zod';
import { isWellFormedPress } from './press-packet.js';

const snowflake = z.string().regex(/^\d{1,21}$/);
const user = z.looseObject({ id: snowflake, username: z.string() });

/** One option as Discord sends it; the value's type must be the one the option says it has. */
type RawOption = { name: string; type: number; value?: unknown; options?: RawOption[] };
const option: z.ZodType<RawOption> = z.lazy(() =>
  z
    .looseObject({
      name: z.string().min(1),
      type: z.int(),
      value: z.unknown().optional(),
      options: z.array(option).optional(),
    })
    .refine(valueFitsType, { message: 'option value does not match its type' }),
);

function valueFitsType(o: RawOption): boolean {
  switch (o.type) {
    case Opt.Subcommand:
    case Opt.SubcommandGroup:
      return o.value === undefined;
    case Opt.String:
      return typeof o.value === 'string';
    case Opt.Integer:
      return Number.isSafeInteger(o.value);
    case Opt.Number:
      return typeof o.value === 'number' && Number.isFinite(o.value);
    case Opt.Boolean:
      return typeof o.value === 'boolean';
    case Opt.User:
    case Opt.Channel:
    case Opt.Role:
    case Opt.Mentionable:
      return typeof o.value === 'string' && /^\d{1,21}$/.test(o.value);
    default:
      return true;
  }
}

const base = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  member: z.looseObject({ user, permissions: z.string().regex(/^\d+$/).optional() }).optional(),
  user: user.optional(),
  locale: z.string().optional(),
};

const CommandPacket = z.looseObject({
  ...base,
  type: z.literal(InteractionType.ApplicationCommand),
  data: z.looseObject({ name: z.string().min(1), type: z.int(), options: z.array(option).optional() }),
});

const ComponentPacket = z.looseObject({
  ...base,
  type: z.literal(InteractionType.MessageComponent),
  data: z.looseObject({ custom_id: z.string().max(100), component_type: z.int() }),
  message: z.looseObject({ id: snowflake }),
});

/** A submitted modal: components are Labels (or legacy action rows) around inputs with custom ids. */
const input = z.looseObject({ type: z.int(), custom_id: z.string().max(100) });
const ModalPacket = z.looseObject({
  ...base,
  type: z.literal(InteractionType.ModalSubmit),
  data: z.looseObject({
    custom_id: z.string().max(100),
    components: z
      .array(
        z.looseObject({ type: z.int(), component: input.optional(), components: z.array(input).optional() }),
      )
      .max(10),
  }),
});

const InteractionPacket = z
  .discriminatedUnion('type', [CommandPacket, ComponentPacket, ModalPacket])
  .refine((p) => Boolean(p.member?.user ?? p.user), { message: 'neither member.user nor user' })
  .refine((p) => !p.guild_id || Boolean(p.member), { message: 'a guild interaction without member' });

/**
 * Why a raw INTERACTION_CREATE payload must not reach discord.js (which throws on, e.g., an
 * interaction with neither member nor user), or undefined when it is well formed. Kinds the
 * bot never registers (autocomplete) are dropped as well.
 */
export function interactionProblem(payload: unknown): string | undefined {
  if (isWellFormedPress(payload)) return undefined; // the common case, without zod's copy
  return schemaProblem(payload);
}

/** The zod schema's verdict alone (what isWellFormedPress must never be more lenient than). */
export function schemaProblem(payload: unknown): string | undefined {
  const parsed = InteractionPacket.safeParse(payload);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
}
