import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/content/frontmatter.js';

describe('splitFrontmatter', () => {
  it('GIVEN a question file THEN the YAML between the fences, its first line, and where the body starts', () => {
    const text = '---\nid: x\ntitle: t\n---\n\nThe answer.\n';
    const head = splitFrontmatter(text);
    expect(head).toEqual({ yaml: 'id: x\ntitle: t', yamlLine: 2, endLine: 4, endOffset: 22 });
    expect(text.slice(head?.endOffset).trim()).toBe('The answer.');
  });

  it('GIVEN CRLF line ends, a BOM or spaces after a fence THEN the same block is found', () => {
    expect(splitFrontmatter('---\r\nid: x\r\n---\r\nbody')?.yaml).toBe('id: x');
    expect(splitFrontmatter('\uFEFF---\nid: x\n---\nbody')?.yaml).toBe('id: x');
    expect(splitFrontmatter('---  \nid: x\n--- \nbody')?.yaml).toBe('id: x');
    expect(splitFrontmatter('---\n---\nbody')?.yaml).toBe('');
  });

  it('GIVEN no opening fence on the first line, or none closing it THEN no frontmatter', () => {
    expect(splitFrontmatter('# title\n---\nid: x\n---\n')).toBeUndefined();
    expect(splitFrontmatter('---\nid: x\nbody')).toBeUndefined();
    expect(splitFrontmatter('---\nid: x\n ---\nbody')).toBeUndefined(); // an indented fence does not close it
  });
});
