import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '../../src/core/actions.js';
import { parseCommandText, parseMention } from '../../src/core/parse-command.js';

const limits = { count: { default: 5, min: 1, max: 20 }, seconds: { default: 30, min: 10, max: 120 } };

describe('parsing /k8s-quiz text', () => {
  it('GIVEN start with numbers and a category THEN count, category and seconds are read in any order', () => {
    expect(parseCommandText('start 5 networking 30', limits)).toEqual({
      name: 'start',
      count: 5,
      seconds: 30,
      category: 'networking',
    });
    expect(parseCommandText('start 2 10', limits)).toEqual({ name: 'start', count: 2, seconds: 10 });
    expect(parseCommandText('start', limits)).toEqual({ name: 'start', count: 5, seconds: 30 });
  });

  it('GIVEN out-of-range or extra arguments THEN an invalid command carries the usage and its ranges', () => {
    expect(parseCommandText('start 0', limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.start', params: { countMax: 20 } },
    });
    expect(parseCommandText('start 5 9', limits)).toMatchObject({ name: 'invalid' });
    expect(parseCommandText('start 1 2 3', limits)).toMatchObject({ name: 'invalid' });
    expect(parseCommandText('stop now', limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.noArguments' },
    });
  });

  it('GIVEN leaderboard, stats and empty text THEN scopes, mentions and help are parsed', () => {
    expect(parseCommandText('', limits)).toEqual({ name: 'help' });
    expect(parseCommandText('leaderboard', limits)).toEqual({ name: 'leaderboard', scope: 'week' });
    expect(parseCommandText('LEADERBOARD All', limits)).toEqual({ name: 'leaderboard', scope: 'all' });
    expect(parseCommandText('stats <@U123|ann>', limits)).toEqual({
      name: 'stats',
      player: { id: 'U123', name: 'ann' },
    });
    expect(parseMention('@bob')).toEqual({ name: 'bob' });
  });

  it('GIVEN setup key=value pairs THEN they become a validated settings change', () => {
    expect(
      parseCommandText('setup locale=en daily=07:45 categories=networking,pods weekly=sun@20:00', limits),
    ).toEqual({
      name: 'setup',
      changes: {
        locale: 'en',
        dailyTime: '07:45',
        categories: ['networking', 'pods'],
        weeklyDay: 'sunday',
        weeklyTime: '20:00',
      },
    });
    expect(parseCommandText('setup daily=25:00', limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.setupValue' },
    });
    expect(parseCommandText('setup color=red', limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.setupKey' },
    });
  });
});

describe('button actions', () => {
  it('GIVEN an encoded action THEN it decodes to the same action and stays short', () => {
    const answer = { kind: 'answer' as const, roundId: 'day-20261126-abcdefghij', choice: 3 };
    expect(decodeAction(encodeAction(answer))).toEqual(answer);
    expect(encodeAction(answer).length).toBeLessThanOrEqual(80);
    expect(decodeAction(encodeAction({ kind: 'reference', questionId: 'pod-qos-classes' }))).toEqual({
      kind: 'reference',
      questionId: 'pod-qos-classes',
    });
  });

  it('GIVEN forged or malformed strings THEN nothing decodes', () => {
    for (const forged of [
      '',
      'k8sq',
      'k8sq:a:r1',
      'k8sq:a:r1:x',
      'k8sq:a:r1:12',
      'k8sq:a:../x:1',
      'other:a:r1:1',
      'k8sq:r:x:1',
    ]) {
      expect(decodeAction(forged), forged).toBeUndefined();
    }
  });
});
