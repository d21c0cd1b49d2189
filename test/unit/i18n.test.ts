import { describe, expect, it } from 'vitest';
import { type Message, translate } from '../../src/i18n/catalog.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
/** Every form of a message (a plural message has several). */
const forms = (message: Message): string[] =>
  typeof message === 'string' ? [message] : [message.one, message.other].filter((f) => f !== undefined);

describe('the message catalogs', () => {
  it('GIVEN every key THEN zh-CN and en exist and every form uses the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      for (const form of forms(en[key])) expect(placeholders(form), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('GIVEN a plural message THEN the number it counts is one of its placeholders', () => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message !== 'string') expect(placeholders(message.other), key).toContain(message.by);
    }
  });

  it('GIVEN params THEN placeholders are filled, and a missing one stays visible', () => {
    expect(translate('en', 'answer.recordedDaily', { choice: 'B', closeTime: '18:00' })).toBe(
      'Recorded **B** — results at 18:00.',
    );
    expect(translate('zh-CN', 'answer.already', {})).toBe('你已经选择了 **{choice}**，每人只有一次机会。');
  });

  it('GIVEN counts of 1 and more THEN English picks the singular or the plural, Chinese has one form', () => {
    expect(translate('en', 'stats.days', { count: 1 })).toBe('1 day');
    expect(translate('en', 'stats.days', { count: 0 })).toBe('0 days');
    expect(translate('en', 'stats.days', { count: 2 })).toBe('2 days');
    expect(translate('en', 'live.started', { starter: 'ann', count: 1, seconds: 30 })).toBe(
      'ann started a live round of 1 question, 30 seconds.',
    );
    expect(translate('en', 'live.started', { starter: 'ann', count: 5, seconds: 30 })).toMatch(
      /of 5 questions/,
    );
    expect(translate('en', 'board.you', { rank: 3, points: 1 })).toBe('You: #3, 1 pt');
    expect(translate('en', 'weekly.streakLine', { name: 'bo', streak: 1 })).toBe('bo: 1 day');
    expect(translate('zh-CN', 'stats.days', { count: 1 })).toBe('1 天');
  });
});
