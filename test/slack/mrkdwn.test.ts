import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn } from '../../src/platforms/slack/mrkdwn.js';

/** Raw `<`/`>` left once the converter's own links and quote markers are set aside. */
const rawAngles = (mrkdwn: string) =>
  mrkdwn
    .replace(/<https?:[^<>|\s]+(\|[^<>]*)?>/g, '')
    .replace(/^> /gm, '')
    .match(/[<>]/g) ?? [];

describe('Markdown → Slack mrkdwn', () => {
  it('GIVEN Markdown structure THEN it becomes mrkdwn (bold, bullets, code, links, no headings)', () => {
    const out = markdownToMrkdwn(
      '## Heading\n\n**bold** and *it*\n\n- one\n- two\n\n```yaml\na: 1\n```\n\n[docs](https://k8s.io/docs)',
    );
    expect(out).toContain('*Heading*');
    expect(out).not.toContain('##');
    expect(out).toMatch(/\*bold\*/);
    expect(out).toMatch(/_it_/);
    expect(out).toContain('• one\n• two');
    expect(out).toContain('```\na: 1\n```');
    expect(out).toContain('<https://k8s.io/docs|docs>');
    expect(out).not.toContain('<!---->');
  });

  it('GIVEN mentions, special commands and HTML in text THEN every &, < and > is escaped', () => {
    const out = markdownToMrkdwn(
      'hi <!channel> <!here> <@U123> <#C1|x> <!subteam^S1> <script>alert(1)</script> a & b > c',
    );
    expect(rawAngles(out)).toEqual([]);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&lt;@U123&gt;');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('a &amp; b &gt; c');
  });

  it('GIVEN mentions inside inline code, code blocks, links and quotes THEN they are escaped there too', () => {
    const out = markdownToMrkdwn(
      '`<!channel>`\n\n```bash\ncurl <@U1> && echo > /tmp/x\n```\n\n[<@U2>](https://x.io/?a=1&b=<2>)\n\n> quote <!everyone>',
    );
    expect(rawAngles(out)).toEqual([]);
    expect(out).toContain('`&lt;!channel&gt;`');
    expect(out).toContain('curl &lt;@U1&gt; &amp;&amp; echo &gt; /tmp/x');
    expect(out).toContain('<https://x.io/?a=1&amp;b=%3C2%3E|&lt;@U2&gt;>');
    expect(out).toMatch(/^> quote &lt;!everyone&gt;$/m);
  });

  it('GIVEN a link to a non-web scheme THEN only its text is kept', () => {
    const out = markdownToMrkdwn('[click](javascript:alert(1)) [app](slack://open)');
    expect(out).toBe('click app');
  });

  it('GIVEN a name escaped for Markdown by core THEN the backslashes do not show', () => {
    expect(markdownToMrkdwn('1. \\<!channel\\> got it')).toBe('1. &lt;!channel&gt; got it');
  });

  it('GIVEN plain text THEN escapeMrkdwn escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('a & <@U1> > *b*')).toBe('a &amp; &lt;@U1&gt; &gt; *b*');
  });

  it('GIVEN the private-use characters used as stand-ins in the input THEN they cannot forge an escape', () => {
    expect(markdownToMrkdwn('x\uE001@U1\uE002')).toBe('x@U1');
  });

  it('GIVEN the same notices converted press after press THEN each keeps its own conversion (kept results never mix)', () => {
    const texts = ['Recorded **A** — results at 18:00.', 'Recorded **B** — results at 18:00.', 'a <b> & `c`'];
    const first = texts.map(markdownToMrkdwn);
    expect(first[0]).toContain('*A*');
    expect(first[1]).toContain('*B*');
    expect(first[1]).not.toContain('A');
    expect(first[2]).toBe('a &lt;b&gt; &amp; `c`');
    for (let round = 0; round < 3; round++)
      for (const [i, text] of [...texts].reverse().entries())
        expect(markdownToMrkdwn(text)).toBe(first[texts.length - 1 - i]);
  });
});
