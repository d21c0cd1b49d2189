import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '../../src/core/actions.js';
import { buildCommand, parseCommandText, parseMention } from '../../src/core/parse-command.js';

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

  it('GIVEN out-of-range or extra arguments THEN an invalid command names the count or seconds range', () => {
    expect(parseCommandText('start 0', limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.count', params: { min: 1, max: 20, value: '0' } },
    });
    expect(parseCommandText('start 5 9', limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.seconds', params: { min: 10, max: 120, value: '9' } },
    });
    expect(parseCommandText('start 1 2 3', limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.start' },
    });
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

  it('GIVEN stats team THEN the team’s mastery; @team is a player called team; a wrong scope gets the usage', () => {
    expect(parseCommandText('stats team', limits)).toEqual({ name: 'teamStats' });
    expect(parseCommandText('STATS Team', limits)).toEqual({ name: 'teamStats' });
    expect(parseCommandText('stats @team', limits)).toEqual({ name: 'stats', player: { name: 'team' } });
    expect(parseCommandText('stats team lead', limits)).toEqual({
      name: 'stats',
      player: { name: 'team lead' },
    });
    // Discord's typed options: the scope choice, or something an outdated registration sent.
    expect(buildCommand('stats', { scope: 'team' }, limits)).toEqual({ name: 'teamStats' });
    expect(buildCommand('stats', { scope: 'world' }, limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.stats' },
    });
    expect(buildCommand('stats', { scope: 'team', player: { id: '1', name: 'ann' } }, limits)).toMatchObject({
      name: 'invalid',
      problem: { key: 'usage.stats' },
    });
  });

  it('GIVEN start -1, +3, 2.5 or 0,5 THEN it is a count error, not an unknown category', () => {
    for (const value of ['-1', '+3', '2.5', '0,5', '.5']) {
      expect(parseCommandText(`start ${value}`, limits), value).toMatchObject({
        name: 'invalid',
        problem: { key: 'usage.count', params: { value } },
      });
    }
    expect(parseCommandText('start 3 -30', limits)).toMatchObject({ problem: { key: 'usage.seconds' } });
  });

  it('GIVEN setup key=value pairs THEN they become a settings change and the categories as typed', () => {
    expect(
      parseCommandText('setup locale=en daily=07:45 categories=networking,Pods weekly=sun@20:00', limits),
    ).toEqual({
      name: 'setup',
      changes: { locale: 'en', dailyTime: '07:45', weeklyDay: 'sunday', weeklyTime: '20:00' },
      categories: ['networking', 'Pods'],
      problems: [],
    });
    expect(parseCommandText('setup categories=ALL', limits)).toMatchObject({ categories: [] });
  });

  it('GIVEN several bad setup values THEN every one is a problem with its own message key and the typed value', () => {
    const command = parseCommandText(
      'setup color=red locale=fr timezone=Mars/Olympus daily=25:00 close=7pm weekly=someday@10:00',
      limits,
    );
    expect(command).toMatchObject({ name: 'setup', changes: {} });
    const problems = command.name === 'setup' ? command.problems : [];
    expect(problems).toEqual([
      {
        key: 'usage.setupKey',
        params: { key: 'color=red', keys: 'locale, timezone, daily, close, weekly, categories' },
      },
      { key: 'setup.bad.locale', params: { value: 'fr' } },
      { key: 'setup.bad.timezone', params: { value: 'Mars/Olympus' } },
      { key: 'setup.bad.time', params: { key: 'daily', value: '25:00' } },
      { key: 'setup.bad.time', params: { key: 'close', value: '7pm' } },
      { key: 'setup.bad.weekday', params: { day: 'someday' } },
    ]);
    expect(parseCommandText('setup weekly=monday', limits)).toMatchObject({
      problems: [{ key: 'setup.bad.weeklyForm', params: { value: 'monday' } }],
    });
    expect(parseCommandText('setup weekly=mon@25:99', limits)).toMatchObject({
      problems: [{ key: 'setup.bad.time', params: { key: 'weekly', value: '25:99' } }],
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
