/**
 * Button actions as short strings carried by the platform (Discord custom_id <= 100,
 * Slack action_id <= 255) and checked again by the engine when pressed.
 */
export type Action =
  | { kind: 'answer'; roundId: string; choice: number }
  | { kind: 'reference'; questionId: string };

import type { Command } from './command.js';

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

/**
 * A pressed button's action as a command. A forged or unreadable one still becomes an answer
 * to an unknown round, so the player gets the polite "this question is closed", never an error.
 */
export function commandOfAction(text: string): Command {
  const action = decodeAction(text);
  if (action?.kind === 'answer') return { name: 'answer', roundId: action.roundId, choice: action.choice };
  if (action?.kind === 'reference') return { name: 'reference', questionId: action.questionId };
  return { name: 'answer', roundId: 'unknown', choice: 0 };
}
