/**
 * Player names come from the platforms as typed, and are shown to the whole team. Before a
 * name is stored or shown it is normalised once, here:
 *
 * - NFKC, so full-width and other compatibility forms read as the letters they look like;
 * - control and format characters removed — zero-width spaces and joiners, bidi overrides and
 *   isolates, soft hyphens, invisible tags — so no name hides text or looks like another's
 *   (a zero-width joiner inside an emoji sequence such as 👩‍💻 is kept), and lone surrogates;
 * - blank fillers (Hangul fillers, braille blank) and stray variation selectors removed,
 *   whitespace runs collapsed to one space;
 * - at most 32 characters (user-perceived characters: an emoji is one, with at most 8 code
 *   points, so stacked combining marks cannot tower over the line); longer ones end in `…`.
 */
export const MAX_NAME_CHARS = 32;

const EMOJI_ZWJ = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;
const KEEP = '\uE000'; // private use: stands in for a kept joiner while the rest are removed
// Lone surrogates (\p{Cs}) too: half a character, which no JSON decoder but JavaScript's accepts.
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Cs}\u115F\u1160\u3164\uFFA0\u2800]|\u034F|[\uFE00-\uFE0D]|[\u{E0100}-\u{E01EF}]/gu;
const CODE_POINTS_PER_CHAR = 8;
/** Made at the first name that needs it: a plain ASCII name never maps ICU's segmentation data. */
let graphemes: Intl.Segmenter | undefined;
/** Printable ASCII: NFKC leaves it as is, nothing in it is invisible, and each character is one grapheme. */
const PLAIN = /^[\x20-\x7E]*$/;

export function normalisePlayerName(raw: string, fallback = '?'): string {
  const name = clean(raw);
  if (name) return name;
  return clean(fallback) || '?';
}

function clean(raw: string): string {
  if (PLAIN.test(raw)) return cut(raw.replace(/ {2,}/g, ' ').trim());
  const text = raw
    .replace(/\uE000/g, '')
    .normalize('NFKC')
    .replace(/\s+/gu, ' ')
    .replace(EMOJI_ZWJ, KEEP)
    .replace(INVISIBLE, '')
    .replaceAll(KEEP, '\u200D')
    .replace(/\s+/gu, ' ')
    .trim();
  graphemes ??= new Intl.Segmenter('und', { granularity: 'grapheme' });
  const chars = Array.from(graphemes.segment(text), (s) =>
    Array.from(s.segment).slice(0, CODE_POINTS_PER_CHAR).join(''),
  );
  return cut(chars);
}

/** At most MAX_NAME_CHARS characters (graphemes, or a plain string's UTF-16 units), a longer name ending in `…`. */
function cut(chars: string[] | string): string {
  if (typeof chars === 'string')
    return chars.length <= MAX_NAME_CHARS ? chars : `${chars.slice(0, MAX_NAME_CHARS - 1).trimEnd()}…`;
  if (chars.length <= MAX_NAME_CHARS) return chars.join('');
  return `${chars
    .slice(0, MAX_NAME_CHARS - 1)
    .join('')
    .trimEnd()}…`;
}
