import type { ApiReply, SlackState } from './web-api-routes.js';

/** A modal the bot opened with views.open, as the fake keeps it. */
export interface OpenedView {
  id: string;
  triggerId: string;
  callback_id: string;
  private_metadata: string;
  title: string;
  submit: string;
  blocks: InputBlock[];
}

interface PlainText {
  type?: string;
  text?: string;
}

export interface InputBlock {
  type?: string;
  block_id?: string;
  label?: PlainText;
  optional?: boolean;
  element?: {
    type?: string;
    action_id?: string;
    options?: { text?: PlainText; value?: string }[];
    max_length?: number;
    placeholder?: PlainText;
    multiline?: boolean;
  };
}

/** Slack's trigger_ids are usable once, for 3 seconds (https://docs.slack.dev/interactivity/handling-user-interaction). */
const TRIGGER_MS = 3000;
const used = new Set<string>();
let viewCounter = 0;

const ok = (body: Record<string, unknown>): ApiReply => ({ status: 200, body: { ok: true, ...body } });
const refuse = (error: string, extra: Record<string, unknown> = {}): ApiReply => ({
  status: 200,
  body: { ok: false, error, ...extra },
});
const text = (t: PlainText | undefined, max: number) =>
  t?.type === 'plain_text' &&
  typeof t.text === 'string' &&
  t.text.length > 0 &&
  Array.from(t.text).length <= max;

/** views.open: checks the trigger and the modal the way Slack documents it, and keeps the view. */
export function openView(state: SlackState, params: Record<string, unknown>): ApiReply {
  const triggerId = String(params.trigger_id ?? '');
  const issued = /^(\d+)\.\d+\.fake-trigger$/.exec(triggerId);
  if (!issued) return refuse('invalid_trigger_id');
  if (used.has(triggerId) || Date.now() - Number(issued[1]) > TRIGGER_MS) return refuse('expired_trigger_id');
  const view = (typeof params.view === 'string' ? JSON.parse(params.view) : params.view) as Record<
    string,
    unknown
  >;
  const problems = modalProblems(view);
  if (problems.length > 0) return refuse('invalid_arguments', { response_metadata: { messages: problems } });
  used.add(triggerId);
  const opened: OpenedView = {
    id: `V${String(++viewCounter).padStart(8, '0')}`,
    triggerId,
    callback_id: String(view.callback_id ?? ''),
    private_metadata: String(view.private_metadata ?? ''),
    title: (view.title as PlainText).text ?? '',
    submit: (view.submit as PlainText).text ?? '',
    blocks: view.blocks as InputBlock[],
  };
  state.views.push(opened);
  return ok({ view: { id: opened.id, type: 'modal', callback_id: opened.callback_id } });
}

function modalProblems(view: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (view.type !== 'modal') problems.push('view.type must be modal');
  if (!text(view.title as PlainText, 24)) problems.push('view.title: plain_text, 1–24 characters');
  if (view.submit !== undefined && !text(view.submit as PlainText, 24))
    problems.push('view.submit: plain_text, 1–24 characters');
  if (String(view.callback_id ?? '').length > 255) problems.push('view.callback_id: at most 255 characters');
  if (String(view.private_metadata ?? '').length > 3000)
    problems.push('view.private_metadata: at most 3000 characters');
  const blocks = (view.blocks ?? []) as InputBlock[];
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > 100)
    problems.push('view.blocks: 1–100');
  const hasInput = blocks.some((b) => b.type === 'input');
  if (hasInput && view.submit === undefined) problems.push('view.submit is required with input blocks');
  for (const [i, b] of blocks.entries()) {
    const at = `view.blocks[${i}]`;
    if (b.type !== 'input') continue;
    if (!text(b.label, 2000)) problems.push(`${at}.label: plain_text, 1–2000 characters`);
    const element = b.element;
    if (!element?.action_id || element.action_id.length > 255) problems.push(`${at}.element.action_id`);
    if (element?.type === 'static_select') {
      const options = element.options ?? [];
      if (options.length < 1 || options.length > 100) problems.push(`${at}.element.options: 1–100`);
      for (const o of options)
        if (!text(o.text, 75) || !o.value || o.value.length > 150)
          problems.push(`${at}.element.options: text 1–75, value 1–150 characters`);
    } else if (element?.type === 'plain_text_input') {
      if ((element.max_length ?? 3000) > 3000) problems.push(`${at}.element.max_length: at most 3000`);
      if (element.placeholder !== undefined && !text(element.placeholder, 150))
        problems.push(`${at}.element.placeholder: plain_text, 1–150 characters`);
    } else {
      problems.push(`${at}.element.type: static_select or plain_text_input in this fake`);
    }
  }
  return problems;
}
