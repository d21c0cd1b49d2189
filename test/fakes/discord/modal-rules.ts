/**
 * What Discord checks in a modal (interaction callback type 9), so a modal the real API
 * would refuse fails here too (https://discord.com/developers/docs/components/reference).
 */
interface ModalInput {
  type?: number;
  custom_id?: string;
  style?: number;
  max_length?: number;
  placeholder?: string;
  min_values?: number;
  max_values?: number;
  options?: { label?: string; value?: string }[];
}

export interface ModalBody {
  custom_id?: string;
  title?: string;
  components?: { type?: number; label?: string; component?: ModalInput }[];
}

const LABEL = 18;
const STRING_SELECT = 3;
const TEXT_INPUT = 4;

const length = (text: string | undefined, min: number, max: number) =>
  typeof text === 'string' && Array.from(text).length >= min && text.length <= max;

export function modalProblems(modal: ModalBody): string[] {
  const problems: string[] = [];
  if (!length(modal.custom_id, 1, 100)) problems.push('custom_id: 1–100 characters');
  if (!length(modal.title, 1, 45)) problems.push('title: 1–45 characters');
  const components = modal.components ?? [];
  if (components.length < 1 || components.length > 5) problems.push('components: 1–5');
  for (const [i, c] of components.entries()) {
    const at = `components[${i}]`;
    if (c.type !== LABEL) problems.push(`${at}: a Label (18) is expected`);
    if (!length(c.label, 1, 45)) problems.push(`${at}.label: 1–45 characters`);
    const input = c.component;
    if (!input || !length(input.custom_id, 1, 100))
      problems.push(`${at}.component.custom_id: 1–100 characters`);
    if (input?.type === STRING_SELECT) {
      const options = input.options ?? [];
      if (options.length < 1 || options.length > 25) problems.push(`${at}.component.options: 1–25`);
      for (const o of options)
        if (!length(o.label, 1, 100) || !length(o.value, 1, 100))
          problems.push(`${at}.component.options: label and value 1–100 characters`);
      if ((input.max_values ?? 1) > options.length)
        problems.push(`${at}.component.max_values: at most the options`);
    } else if (input?.type === TEXT_INPUT) {
      if (input.style !== 1 && input.style !== 2) problems.push(`${at}.component.style: 1 or 2`);
      if ((input.max_length ?? 4000) > 4000) problems.push(`${at}.component.max_length: at most 4000`);
      if (input.placeholder !== undefined && !length(input.placeholder, 0, 100))
        problems.push(`${at}.component.placeholder: at most 100 characters`);
    } else {
      problems.push(`${at}.component.type: a string select (3) or text input (4) in this fake`);
    }
  }
  return problems;
}
