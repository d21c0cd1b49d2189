import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/catalog.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogs', () => {
  it('GIVEN every key THEN zh-CN and en exist and use the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('GIVEN params THEN placeholders are filled, and a missing one stays visible', () => {
    expect(translate('en', 'answer.recordedDaily', { choice: 'B', closeTime: '18:00' })).toBe(
      'Recorded **B** — results at 18:00.',
    );
    expect(translate('zh-CN', 'answer.already', {})).toBe('你已经选择了 **{choice}**，每人只有一次机会。');
  });
});
