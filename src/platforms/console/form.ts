import type { ViewForm } from '../../core/view.js';

/** How a form shows in the terminal: its fields, the choices numbered, and how to fill it in. */
export function renderForm(form: ViewForm): string {
  const lines = [`┌ ${form.title}`];
  for (const field of form.fields) {
    if (field.kind === 'choice') {
      const choices = field.options.map((o, i) => `${i + 1}=${o.value} (${o.label})`).join('  ');
      lines.push(`│ ${field.label}: ${choices}`);
    } else {
      lines.push(`│ ${field.label}: text, at most ${field.maxLength} characters`);
    }
  }
  const usage = form.fields.map((f) => (f.kind === 'choice' ? `<${f.id}>` : `[${f.id} …]`)).join(' ');
  lines.push(`└ fill in with  :form ${usage}  ([…] optional) → ${form.submitLabel}`, '');
  return lines.join('\n');
}

/**
 * `:form` input as the form's values: each choice field takes one word (its value, its label
 * or its number), the text fields share the rest of the line. A missing required value or an
 * unknown choice is an error message instead.
 */
export function formValues(form: ViewForm, input: string): Record<string, string> | string {
  const words = input.trim().split(/\s+/).filter(Boolean);
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    if (field.kind === 'choice') {
      const word = words.shift();
      if (word === undefined) {
        if (field.required)
          return `${field.label}: pick one of ${field.options.map((o) => o.value).join(', ')}`;
        continue;
      }
      const option =
        field.options[Number(word) - 1] ?? field.options.find((o) => o.value === word || o.label === word);
      if (!option)
        return `${field.label}: "${word}" is not one of ${field.options.map((o) => o.value).join(', ')}`;
      values[field.id] = option.value;
    } else {
      const text = words.splice(0).join(' ');
      if (!text && field.required) return `${field.label}: write something`;
      if (text) values[field.id] = text.slice(0, field.maxLength);
    }
  }
  return values;
}
