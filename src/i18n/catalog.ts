import type { Locale } from '../content/schema.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export type MessageKey = keyof typeof zhCN;
export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, en };

/** Translates a message; `{name}` placeholders are filled from params. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return catalogs[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A translator bound to one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, key, params);
