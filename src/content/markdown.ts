import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import type * as FromMarkdown from 'mdast-util-from-markdown';
import type * as FrontmatterMdast from 'mdast-util-frontmatter';
import type * as GfmMdast from 'mdast-util-gfm';
import type * as FrontmatterSyntax from 'micromark-extension-frontmatter';
import type * as GfmSyntax from 'micromark-extension-gfm';

interface Parser {
  fromMarkdown: typeof FromMarkdown.fromMarkdown;
  frontmatterFromMarkdown: typeof FrontmatterMdast.frontmatterFromMarkdown;
  gfmFromMarkdown: typeof GfmMdast.gfmFromMarkdown;
  frontmatter: typeof FrontmatterSyntax.frontmatter;
  gfm: typeof GfmSyntax.gfm;
}

let parser: Parser | undefined;

/**
 * micromark, mdast and GFM (~1 MB of source, 2–3 MB of memory) are loaded at the first parse,
 * not at start: a bot only parses a text too long for one message (the parse stays synchronous:
 * require() of these ES modules, which Node ≥ 20.19 supports).
 */
function loadParser(): Parser {
  const require = createRequire(import.meta.url);
  return {
    ...(require('mdast-util-from-markdown') as typeof FromMarkdown),
    ...(require('mdast-util-frontmatter') as typeof FrontmatterMdast),
    ...(require('mdast-util-gfm') as typeof GfmMdast),
    ...(require('micromark-extension-frontmatter') as typeof FrontmatterSyntax),
    ...(require('micromark-extension-gfm') as typeof GfmSyntax),
  };
}

/** Parses Markdown (GFM, optional YAML frontmatter) into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  parser ??= loadParser();
  const { fromMarkdown, frontmatter, frontmatterFromMarkdown, gfm, gfmFromMarkdown } = parser;
  return fromMarkdown(text, {
    extensions: [frontmatter(['yaml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()],
  });
}
