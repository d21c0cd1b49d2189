import { StableId } from '../content/schema.js';

/**
 * A category id as config files may name it: given the bank's categories (those with
 * questions), one not among them is refused with the choices, as `setup` refuses it.
 */
export function bankCategory(categories?: readonly string[]) {
  return categories
    ? StableId.refine((id) => categories.includes(id), {
        error: (issue) => `unknown category "${String(issue.input)}"; choose from: ${categories.join(', ')}`,
      })
    : StableId;
}
