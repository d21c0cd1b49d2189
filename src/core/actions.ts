/**
 * Button actions as short strings carried by the platform (Discord custom_id <= 100,
 * Slack action_id <= 255) and checked again by the engine when pressed.
 */
export type Action =
  | { kind: 'answer'; roundId: string; choice: number }
  | { kind: 'reference'; questionId: string }
  /** Opens the "this question is wrong" form for a quiz item. */
  | { kind: 'report'; quizId: string }
  /** The submitted report form of a quiz item (a form's action, not a button's). */
  | { kind: 'reportForm'; quizId: string }
  /** An answer button of a review item (`/k8s-quiz review`). */
  | { kind: 'reviewAnswer'; quizId: string; choice: number }
  /** A grade button after a review answer; `seq` is the card's answer count it belongs to. */
  | { kind: 'reviewGrade'; quizId: string; grade: ReviewGrade; seq: number };

/** One letter per action kind in the encoded string. */
const CODES = { reference: 'r', report: 'p', reportForm: 'f', reviewAnswer: 'v', reviewGrade: 'g' } as const;

import type { Command } from './command.js';
import { GRADES, type ReviewGrade } from './deck.js';
import { isReportReason, REPORT_TEXT_MAX } from './reports.js';
import type { FormSubmission } from './view.js';

const PREFIX = 'k8sq';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeAction(action: Action): string {
  switch (action.kind) {
    case 'answer':
      return `${PREFIX}:a:${action.roundId}:${action.choice}`;
    case 'reference':
      return `${PREFIX}:${CODES.reference}:${action.questionId}`;
    case 'reviewAnswer':
      return `${PREFIX}:${CODES.reviewAnswer}:${action.quizId}:${action.choice}`;
    case 'reviewGrade':
      // The grade as a digit keeps a 64-character item id within the 80 characters of an action.
      return `${PREFIX}:${CODES.reviewGrade}:${action.quizId}:${GRADES.indexOf(action.grade) + 1}:${action.seq}`;
    default:
      return `${PREFIX}:${CODES[action.kind]}:${action.quizId}`;
  }
}

/** Parses an action string; anything forged or malformed is `undefined`, never an exception. */
export function decodeAction(text: string): Action | undefined {
  const [prefix, kind, id, choice, seq, ...rest] = text.split(':');
  if (prefix !== PREFIX || rest.length > 0 || !id || !ID.test(id)) return undefined;
  if (kind === CODES.reviewGrade && choice && /^[1-4]$/.test(choice) && seq && /^\d{1,6}$/.test(seq)) {
    const grade = GRADES[Number(choice) - 1] as ReviewGrade;
    return { kind: 'reviewGrade', quizId: id, grade, seq: Number(seq) };
  }
  if (seq !== undefined) return undefined;
  if ((kind === 'a' || kind === CODES.reviewAnswer) && choice !== undefined && /^[0-9]$/.test(choice)) {
    return kind === 'a'
      ? { kind: 'answer', roundId: id, choice: Number(choice) }
      : { kind: 'reviewAnswer', quizId: id, choice: Number(choice) };
  }
  if (choice !== undefined) return undefined;
  if (kind === CODES.reference) return { kind: 'reference', questionId: id };
  if (kind === CODES.report) return { kind: 'report', quizId: id };
  if (kind === CODES.reportForm) return { kind: 'reportForm', quizId: id };
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
  if (action?.kind === 'report' || action?.kind === 'reportForm')
    return { name: 'report', quizId: action.quizId };
  if (action?.kind === 'reviewAnswer')
    return { name: 'reviewAnswer', quizId: action.quizId, choice: action.choice };
  if (action?.kind === 'reviewGrade') {
    const { kind: _kind, ...grade } = action;
    return { name: 'reviewGrade', ...grade };
  }
  return { name: 'answer', roundId: 'unknown', choice: 0 };
}

/**
 * A submitted form as a command. Values are checked again here (a platform passes on what
 * the player sent); a form the bot no longer knows gets a polite "this form has expired".
 */
export function commandOfForm(submission: FormSubmission): Command {
  const action = decodeAction(submission.action);
  if (action?.kind !== 'reportForm') return { name: 'invalid', problem: { key: 'form.expired' } };
  const reason = submission.values.reason ?? '';
  if (!isReportReason(reason)) return { name: 'invalid', problem: { key: 'report.chooseReason' } };
  const text = Array.from((submission.values.text ?? '').trim())
    .slice(0, REPORT_TEXT_MAX)
    .join('');
  return text
    ? { name: 'submitReport', quizId: action.quizId, reason, text }
    : { name: 'submitReport', quizId: action.quizId, reason };
}
