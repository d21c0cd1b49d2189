import { LRUCache } from 'lru-cache';
import slackify from 'slackify-markdown';

/**
 * Markdown → Slack mrkdwn, with every `&`, `<` and `>` of the source escaped.
 *
 * slackify-markdown converts the structure (bold, lists, code, links) but lets `<@U1>`,
 * `<!channel>`, inline HTML and anything inside code through raw. So before converting,
 * each of the three characters is swapped for a private-use stand-in that no Markdown
 * construct reacts to; after converting, the stand-ins become `&amp;`, `&lt;`, `&gt;`.
 * The only `<…>` left in the output are the links slackify itself wrote.
 */
const STAND_IN = { '&': '\uE000', '<': '\uE001', '>': '\uE002' } as const;
const ENTITY: Record<string, string> = { '\uE000': '&amp;', '\uE001': '&lt;', '\uE002': '&gt;' };
const WEB_SCHEMES = new Set(['http', 'https', 'mailto']);
/** slackify percent-encodes link URLs (encodeURI), stand-ins included. */
const ENCODED: Record<string, string> = { '%EE%80%80': '&amp;', '%EE%80%81': '%3C', '%EE%80%82': '%3E' };

/**
 * Converting parses the Markdown (remark), the largest part of a button press's CPU and
 * garbage; the same few texts come back press after press (the answer notices, a popular
 * reference answer), and the conversion is pure, so recent results are kept.
 */
const recent = new LRUCache<string, string>({
  max: 1000,
  maxSize: 1_000_000,
  sizeCalculation: (mrkdwn, markdown) => mrkdwn.length + markdown.length,
});

export function markdownToMrkdwn(markdown: string): string {
  const known = recent.get(markdown);
  if (known !== undefined) return known;
  const mrkdwn = convert(markdown);
  recent.set(markdown, mrkdwn);
  return mrkdwn;
}

function convert(markdown: string): string {
  const converted = slackify(shield(markdown));
  return tidy(converted)
    .replace(/%EE%80%8[012]/g, (code) => ENCODED[code] ?? '')
    .replace(/[\uE000-\uE002]/g, (ch) => ENTITY[ch] ?? '');
}

/** Escapes plain text (titles, footers, names outside Markdown) for a mrkdwn field. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function shield(markdown: string): string {
  let inFence = false;
  return markdown
    .replace(/[\uE000-\uE002]/g, '')
    .split('\n')
    .map((line) => {
      if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
      // Outside code, leading `>` markers are Markdown quotes: keep them for the parser.
      const quote = inFence ? '' : (line.match(/^ {0,3}(?:> ?)+/)?.[0] ?? '');
      return quote + shieldText(line.slice(quote.length));
    })
    .join('\n');
}

function shieldText(text: string): string {
  return (
    text
      // `<https://…>` autolinks: left bare, GFM still links them.
      .replace(/<((?:https?|mailto):[^<>\s]+)>/g, '$1')
      // `\<` (core escapes names for Markdown) is the same character: take the backslash too.
      .replace(/(\\\\)|\\?([&<>])/g, (_whole, pair: string | undefined, ch: keyof typeof STAND_IN) =>
        pair ? pair : STAND_IN[ch],
      )
  );
}

/** Removes what remark-stringify adds that means nothing in Slack. */
function tidy(mrkdwn: string): string {
  return (
    mrkdwn
      // The `<!---->` separator remark puts between a list and a following block.
      .replace(/\n*<!---->\n*/g, '\n\n')
      // `•   item` → `• item`, `1.  item` → `1. item`
      .replace(/^(\s*)(•|\d+[.)])[ \t]+/gm, '$1$2 ')
      // Links only to the web or mail; any other scheme (`javascript:`, `slack:`) keeps its text only.
      .replace(
        /<([a-z][a-z0-9+.-]*):([^|>]*)(?:\|([^>]*))?>/gi,
        (link, scheme: string, rest: string, text?: string) =>
          WEB_SCHEMES.has(scheme.toLowerCase()) ? link : (text ?? `${scheme}:${rest}`),
      )
      .trim()
  );
}
