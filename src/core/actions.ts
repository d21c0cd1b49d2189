/**
 * Button actions as short strings carried by the platform (Discord custom_id <= 100,
 * Slack action_id <= 255) and checked again by the engine when pressed.
 */
export type Action =
  | { kind: 'answer'; roundId: string; choice: number }
  | { kind: 'reference'; questionId: string };

const PREFIX = 'k8sq';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeAction(action: Action): string {
  return action.kind === 'answer'
    ? `${PREFIX}:a:${action.roundId}:${action.choice}`
    : `${PREFIX}:r:${action.questionId}`;
}

/** Parses an action string; anything forged or malformed is `undefined`, never an exception. */
export function decodeAction(text: string): Action | undefined {
  const [prefix, kind, id, choice, ...rest] = text.split(':');
  if (prefix !== PREFIX || rest.length > 0 || !id || !ID.test(id)) return undefined;
  if (kind === 'a' && choice !== undefined && /^[0-9]$/.test(choice)) {
    return { kind: 'answer', roundId: id, choice: Number(choice) };
  }
  if (kind === 'r' && choice === undefined) return { kind: 'reference', questionId: id };
  return undefined;
}
