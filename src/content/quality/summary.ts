import type { QualityFigures } from './check-quality.js';
import { MAX_KEY_RATIO, MAX_LONGEST_SHARE, percent } from './option-widths.js';

/** The bank's figures as the indented lines `content check` prints under its summary. */
export function formatFigures(f: QualityFigures): string[] {
  const { widths } = f;
  const lines = [
    `  key strictly the longest option: ${widths.keyLongest} of ${widths.items} items (${percent(widths.longestShare)}; at most ${percent(MAX_LONGEST_SHARE)})`,
  ];
  if (widths.worst) {
    const w = widths.worst;
    lines.push(
      `  worst key/distractor width ratio: ${w.ratio.toFixed(2)} (${w.quiz}, ${w.file}:${w.line}; at most ${MAX_KEY_RATIO})`,
    );
  }
  const ex = f.examples;
  const unchecked = Object.entries(ex.unchecked).map(([what, n]) => `${what} ×${n}`);
  lines.push(
    `  examples: ${ex.yamlBlocks} YAML blocks, ${ex.manifests} manifests (${ex.validated} validated against the schemas${unchecked.length > 0 ? `; parsed only: ${unchecked.join(', ')}` : ''}), ${ex.dockerfiles} Dockerfiles`,
    `  seed: ${f.seed ?? 'no seed document: seed answers not compared'}`,
  );
  lines.push(
    f.recheck.length === 0
      ? '  recheck: none'
      : `  recheck: ${f.recheck.map((r) => `${r.quiz} at ${r.version}`).join(', ')}`,
  );
  const rules = Object.entries(f.warningsByRule).sort(([a], [b]) => a.localeCompare(b));
  if (rules.length > 0) lines.push(`  warnings: ${rules.map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  return lines;
}
