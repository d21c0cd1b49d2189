import type { ModalSubmitInteraction } from 'discord.js';
import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import type { FormSubmission, ViewForm, ViewFormField } from '../../core/view.js';
import { DISCORD_LIMITS as L } from './limits.js';

/**
 * A View's form as a Discord modal: each field a Label (Discord's modal layout component)
 * around a string select (a choice) or a text input. The modal's custom id is the form's
 * action, each component's custom id its field id, so the submission maps back generically.
 */
export function modalOf(form: ViewForm): APIModalInteractionResponseCallbackData {
  return {
    custom_id: form.action.slice(0, L.customId),
    title: cut(form.title, L.modalTitle),
    components: form.fields.slice(0, L.modalComponents).map(labelOf),
  };
}

function labelOf(field: ViewFormField): APIModalInteractionResponseCallbackData['components'][number] {
  const label = cut(field.label, L.modalLabel);
  if (field.kind === 'choice') {
    return {
      type: ComponentType.Label,
      label,
      component: {
        type: ComponentType.StringSelect,
        custom_id: field.id,
        required: field.required,
        min_values: field.required ? 1 : 0,
        max_values: 1,
        options: field.options.slice(0, L.selectOptions).map((o) => ({
          value: o.value,
          label: cut(o.label, L.selectOptionLabel),
        })),
      },
    };
  }
  return {
    type: ComponentType.Label,
    label,
    component: {
      type: ComponentType.TextInput,
      custom_id: field.id,
      style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: field.required,
      max_length: Math.min(field.maxLength, L.textInputMax),
      ...(field.placeholder ? { placeholder: cut(field.placeholder, L.textInputPlaceholder) } : {}),
    },
  };
}

/** A submitted modal: its custom id and, per component, the text typed or the first option picked. */
export function submissionOf(interaction: ModalSubmitInteraction): FormSubmission {
  const values: Record<string, string> = {};
  for (const [customId, data] of interaction.fields.fields) {
    const value = 'value' in data ? data.value : 'values' in data ? data.values?.[0] : undefined;
    if (typeof value === 'string') values[customId] = value;
  }
  return { action: interaction.customId, values };
}

function cut(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
