import { describe, expect, it } from 'vitest';
import { splitProblem } from '../../src/content/fit.js';
import { splitMarkdown } from '../../src/content/split-markdown.js';

const strip = (s: string) => s.replace(/```[a-z]*|\s/g, '');

describe('splitting a long reference answer', () => {
  const code = Array.from({ length: 60 }, (_, i) => `line: ${i} # 配置项`).join('\n');
  const answer = [
    '容器镜像优化的方法：',
    Array.from({ length: 12 }, (_, i) => `${i + 1}. **要点${i}**：使用多阶段构建，减少镜像层数。`).join('\n'),
    `\`\`\`yaml\n${code}\n\`\`\``,
    '总结：镜像越小，拉取越快。'.repeat(10),
  ].join('\n\n');

  it('GIVEN a short answer THEN it stays one part', () => {
    expect(splitMarkdown('一段话。', 100)).toEqual(['一段话。']);
  });

  it('GIVEN a long answer THEN every part fits and no text is lost', () => {
    const parts = splitMarkdown(answer, 300);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(300);
    expect(strip(parts.join(''))).toBe(strip(answer));
  });

  it('GIVEN a code block larger than a part THEN each piece re-opens and closes the fence', () => {
    const parts = splitMarkdown(answer, 300).filter((p) => p.includes('line: '));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p).toMatch(/```yaml\nline: /);
      expect(p.match(/```/g)?.length).toBe(2);
    }
    expect(
      splitProblem(answer, { platform: 'test', blockChars: 300, measure: (s) => s.length }),
    ).toBeUndefined();
  });

  it('GIVEN a measure that counts escaping THEN parts fit the measured size', () => {
    const measure = (s: string) => s.replace(/[<>]/g, '&lt;').length;
    const text = '<tag> '.repeat(200);
    for (const p of splitMarkdown(text, 250, measure)) expect(measure(p)).toBeLessThanOrEqual(250);
  });
});
