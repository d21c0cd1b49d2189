import type { types } from '@slack/bolt';
import type { FormSubmission, ViewForm, ViewFormField } from '../../core/view.js';
import { SLACK_LIMITS as L } from './limits.js';

/** Where a modal was opened from, carried through Slack in the view's private_metadata. */
export interface FormOrigin {
  channelId: string;
}

/**
 * A View's form as a Slack modal (views.open): one input block per field — a static select
 * for a choice, a plain-text input for text — with the field id as block and action id and
 * the form's action as callback_id, so the view_submission maps back generically.
 */
export function modalOf(form: ViewForm, origin: FormOrigin): types.ModalView {
  return {
    type: 'modal',
    callback_id: form.action,
    title: plain(form.title, L.modalTitle),
    submit: plain(form.submitLabel, L.modalTitle),
    private_metadata: JSON.stringify(origin),
    blocks: form.fields.map(inputOf),
  };
}

function inputOf(field: ViewFormField): types.InputBlock {
  const common = {
    type: 'input' as const,
    block_id: field.id,
    label: plain(field.label, L.inputLabel),
    optional: !field.required,
  };
  if (field.kind === 'choice') {
    return {
      ...common,
      element: {
        type: 'static_select',
        action_id: field.id,
        options: field.options
          .slice(0, L.selectOptions)
          .map((o) => ({ text: plain(o.label, L.optionText), value: o.value })),
      },
    };
  }
  return {
    ...common,
    element: {
      type: 'plain_text_input',
      action_id: field.id,
      multiline: field.multiline ?? false,
      max_length: Math.min(field.maxLength, L.textInputMax),
      ...(field.placeholder ? { placeholder: plain(field.placeholder, L.placeholder) } : {}),
    },
  };
}

interface SubmittedView {
  callback_id?: string;
  private_metadata?: string;
  state?: {
    values?: Record<
      string,
      Record<string, { value?: string | null; selected_option?: { value?: string } | null }>
    >;
  };
}

/** A view_submission's values: per action id, the text typed or the option picked. */
export function submissionOf(view: SubmittedView): FormSubmission {
  const values: Record<string, string> = {};
  for (const block of Object.values(view.state?.values ?? {}))
    for (const [actionId, element] of Object.entries(block)) {
      const value = element.selected_option?.value ?? element.value;
      if (typeof value === 'string') values[actionId] = value;
    }
  return { action: view.callback_id ?? '', values };
}

/** The channel a modal was opened from; undefined when the metadata is not ours. */
export function originOf(view: SubmittedView): FormOrigin | undefined {
  try {
    const parsed = JSON.parse(view.private_metadata ?? '') as Partial<FormOrigin>;
    return typeof parsed.channelId === 'string' && parsed.channelId
      ? { channelId: parsed.channelId }
      : undefined;
  } catch {
    return undefined;
  }
}

const plain = (text: string, max: number) => {
  const chars = Array.from(text.trim());
  return {
    type: 'plain_text' as const,
    text: chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`,
    emoji: true,
  };
};
