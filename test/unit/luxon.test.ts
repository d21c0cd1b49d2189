import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { DateTime } from '../../src/core/luxon.js';

describe('luxon', () => {
  it('is the copy BullMQ’s cron-parser loads, not a second one', () => {
    const fromCronParser = createRequire(createRequire(import.meta.url).resolve('cron-parser'));
    expect(DateTime).toBe((fromCronParser('luxon') as typeof import('luxon')).DateTime);
    expect(DateTime.fromISO('2026-12-02', { zone: 'Asia/Shanghai' }).toISODate()).toBe('2026-12-02');
  });
});
