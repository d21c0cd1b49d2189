import { describe, expect, it } from 'vitest';
import { MAX_NAME_CHARS, normalisePlayerName } from '../../src/core/player-name.js';

describe('normalising player names', () => {
  it('GIVEN full-width or compatibility letters THEN NFKC turns them into the letters they look like', () => {
    expect(normalisePlayerName('ａｌｉｃｅ')).toBe('alice');
    expect(normalisePlayerName('ﬁona')).toBe('fiona');
    expect(normalisePlayerName('张\u3000三')).toBe('张 三');
  });

  it('GIVEN zero-width and bidi control characters THEN they are removed', () => {
    expect(normalisePlayerName('bo\u200Bb')).toBe('bob');
    expect(normalisePlayerName('\u202Eevil\u202C')).toBe('evil');
    expect(normalisePlayerName('\u2066ann\u2069\u200E\u200F\uFEFF')).toBe('ann');
    expect(normalisePlayerName('so\u00ADft\u2060ly')).toBe('softly');
    expect(normalisePlayerName('a\u0000b\nc\td')).toBe('ab c d');
    // Invisible "tag" characters can smuggle text; Hangul fillers make a name look empty.
    expect(normalisePlayerName('x\u{E0041}\u{E0042}y')).toBe('xy');
    expect(normalisePlayerName('\u3164kim')).toBe('kim');
    // Half of a surrogate pair: Redis's Lua JSON decoder refuses the \ud83d escape JSON.stringify writes.
    expect(normalisePlayerName('max\uD83D')).toBe('max');
    expect(normalisePlayerName('\uDC00lee\uD83D\uDE00')).toBe('lee😀');
  });

  it('GIVEN an emoji built with zero-width joiners THEN the emoji is kept whole', () => {
    expect(normalisePlayerName('👩‍💻 dev')).toBe('👩‍💻 dev');
    expect(normalisePlayerName('a\u200D\u200Db')).toBe('ab');
  });

  it('GIVEN Markdown or mrkdwn in a name THEN it is kept as typed (views show names as plain text)', () => {
    for (const name of ['*bold*', '_x_', '~x~', '`x`', '<@U123>'])
      expect(normalisePlayerName(name)).toBe(name);
  });

  it('GIVEN a long name THEN it is capped at 32 characters, an emoji counting as one', () => {
    const long = normalisePlayerName('x'.repeat(40));
    expect(Array.from(long)).toHaveLength(MAX_NAME_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(normalisePlayerName('👩‍💻'.repeat(32))).toBe('👩‍💻'.repeat(32));
    expect(normalisePlayerName(`q${'\u0301'.repeat(10)}`)).toBe(`q${'\u0301'.repeat(7)}`);
  });

  it('GIVEN a name that is nothing but invisible characters THEN the fallback (the platform id) is used', () => {
    expect(normalisePlayerName('\u200B \u200B', 'U123')).toBe('U123');
    expect(normalisePlayerName('', '')).toBe('?');
  });

  it('GIVEN a plain ASCII name (the fast path) THEN it comes out as the full path makes it', () => {
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const names = [
      'alice',
      '  Ann   Lee  ',
      'player42',
      printable,
      'word '.repeat(10),
      `${'x'.repeat(30)}   y`,
      `${'ab '.repeat(10)}c`,
      ' ',
      '',
    ];
    // A zero-width space sends the same name down the full path (NFKC, segmentation), which removes it.
    for (const name of names)
      expect(normalisePlayerName(name, 'U1')).toBe(normalisePlayerName(`${name}\u200B`, 'U1'));
    expect(normalisePlayerName('  Ann   Lee  ')).toBe('Ann Lee');
  });
});
