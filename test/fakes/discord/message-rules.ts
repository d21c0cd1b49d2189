/**
 * The size rules Discord enforces on a message body, checked the way the real API refuses a
 * message (400 Invalid Form Body) — so a render that breaks a limit fails in tests too.
 * Numbers from https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * and .../interactions/message-components.
 */
interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}
interface Component {
  type: number;
  custom_id?: string;
  label?: string;
  components?: Component[];
}
export interface MessageBody {
  content?: string;
  embeds?: Embed[];
  components?: Component[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  nonce?: string | number;
  enforce_nonce?: boolean;
}

export function messageProblems(body: MessageBody): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check((body.content ?? '').length <= 2000, 'content longer than 2000');
  const embeds = body.embeds ?? [];
  check(embeds.length <= 10, 'more than 10 embeds');
  let total = 0;
  for (const e of embeds) {
    check((e.title ?? '').length <= 256, 'embed title longer than 256');
    check((e.description ?? '').length <= 4096, 'embed description longer than 4096');
    check((e.footer?.text ?? '').length <= 2048, 'embed footer longer than 2048');
    check((e.fields ?? []).length <= 25, 'more than 25 fields');
    for (const f of e.fields ?? []) {
      check(f.name.length > 0 && f.name.length <= 256, 'field name empty or longer than 256');
      check(f.value.length > 0 && f.value.length <= 1024, 'field value empty or longer than 1024');
      total += f.name.length + f.value.length;
    }
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
    total += (e.author?.name ?? '').length;
  }
  check(total <= 6000, 'embeds longer than 6000 in total');
  const rows = body.components ?? [];
  check(rows.length <= 5, 'more than 5 action rows');
  for (const row of rows) {
    check(row.type === 1, 'top-level component is not an action row');
    check(
      (row.components ?? []).length >= 1 && (row.components ?? []).length <= 5,
      'row without 1–5 buttons',
    );
    for (const b of row.components ?? []) {
      check((b.custom_id ?? '').length >= 1 && (b.custom_id ?? '').length <= 100, 'custom_id not 1–100');
      check((b.label ?? '').length <= 80, 'button label longer than 80');
    }
  }
  check(body.nonce === undefined || String(body.nonce).length <= 25, 'nonce longer than 25');
  const empty = !body.content && embeds.length === 0 && rows.length === 0;
  check(!empty, 'cannot send an empty message');
  return problems;
}
