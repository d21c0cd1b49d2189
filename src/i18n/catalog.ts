import type { Locale } from '../content/schema.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export type MessageKey = keyof typeof zhCN;
export type MessageParams = Record<string, string | number>;

/**
 * A message whose words depend on a number: the form is chosen with `Intl.PluralRules` for
 * the catalog's language from the param named by `by` (English: `one` for 1, `other` else).
 */
export interface PluralMessage {
  by: string;
  one?: string;
  other: string;
}

export type Message = string | PluralMessage;
export type Catalog = Record<MessageKey, Message>;

const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, en };
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** Translates a message; `{name}` placeholders are filled from params. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fill(form(locale, catalogs[locale][key], params), params);
}

/** The text of a message for these params (a plural message picks its form). */
export function form(locale: Locale, message: Message, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = Number(params[message.by]);
  const rules = pluralRules.get(locale) ?? new Intl.PluralRules(locale);
  pluralRules.set(locale, rules);
  const category = Number.isFinite(count) ? rules.select(count) : 'other';
  return (category === 'one' ? message.one : undefined) ?? message.other;
}

// Most messages have no placeholder: they skip the regular expression (every daily post asks for several).
const fill = (text: string, params: MessageParams) =>
  text.includes('{')
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
    : text;

/** A translator bound to one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);
