import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { BoardEntry } from '../../src/core/boards.js';
import type { View } from '../../src/core/view.js';
import { leaderboardView } from '../../src/core/views/board-views.js';
import { referenceView } from '../../src/core/views/reveal-view.js';
import { statsView } from '../../src/core/views/stats-view.js';
import { translator } from '../../src/i18n/catalog.js';
import { CODE_INDENT, renderMarkdown } from '../../src/platforms/console/markdown.js';
import { renderView } from '../../src/platforms/console/render.js';
import { shippedBank } from '../support/engine-harness.js';

const zh = translator('zh-CN');
const en = translator('en');
const entry = (rank: number, name: string, points: number): BoardEntry => ({
  rank,
  playerId: name,
  name,
  points,
});

describe('the playground renders Views for a terminal', () => {
  it('GIVEN a board with medals for 1–3, ranks 4–10 and Chinese names THEN every name starts in the same column', () => {
    const board = {
      top: [
        entry(1, '张三', 40),
        entry(2, 'bob', 30),
        entry(3, '李四四', 20),
        entry(4, 'dave', 10),
        entry(4, '王五', 10),
        entry(10, 'x', 1),
      ],
    };
    const text = renderView(leaderboardView('本周排行榜', board, zh));
    const rows = text.split('\n').filter((l) => / — \d+ 分$/.test(l));
    expect(rows).toHaveLength(6);
    const nameColumns = rows.map((row) => {
      const name = board.top.find((e) => row.includes(` ${e.name} — `))?.name ?? '';
      return stringWidth(row.slice(0, row.indexOf(` ${name} — `)));
    });
    expect(new Set(nameColumns)).toEqual(new Set([2]));
  });

  it('GIVEN an empty board THEN one clear line and no second "no points" line', () => {
    const text = renderView(leaderboardView('本周排行榜', { top: [] }, zh));
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2); // the rule with the title, and the one line
    expect(lines[1]).toContain('还没有人得分');
  });

  it('GIVEN stats THEN the seven numbers take a compact table of a few aligned lines, headings with full-width colons', async () => {
    const stats = {
      answered: 12,
      correct: 9,
      categories: [
        { category: 'pods', answered: 8, correct: 7 },
        { category: 'networking', answered: 4, correct: 2 },
      ],
      streak: 3,
      bestStreak: 5,
      weekPoints: 40,
      allPoints: 120,
    };
    const bank = await shippedBank();
    const name = (id: string) => bank.category(id)?.name['zh-CN'] ?? id;
    const text = renderView(statsView('alice', stats, 3, name, zh));
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(8);
    const table = lines.filter((l) => /作答|最长连对/.test(l));
    expect(table).toHaveLength(2);
    // Columns line up: the second label of each row starts at the same display column.
    const second = table.map((l) => stringWidth(l.slice(0, l.search(/正确率|本周积分/))));
    expect(second[0]).toBe(second[1]);
    expect(text).toContain('各分类正确率：');
    expect(text).toContain('Pod 与工作负载：88%（7/8）');
    expect(renderView(statsView('alice', stats, 3, name, en))).toContain('Accuracy by category:');
  });

  it('GIVEN a reference answer with a code fence, a list and inline code THEN no Markdown markers remain and code is indented', async () => {
    const bank = await shippedBank();
    const question = bank.questions.find((q) => q.referenceAnswer.includes('```yaml'));
    if (!question) throw new Error('the bank has no reference answer with a yaml fence');
    const text = renderView(referenceView(question, zh));
    expect(text).not.toContain('```');
    expect(text).not.toMatch(/\*\*[^*]+\*\*/);
    const source = question.referenceAnswer;
    const fenced =
      source
        .slice(source.indexOf('```yaml') + 8)
        .split('\n')[0]
        ?.trim() ?? '';
    const codeLine = text.split('\n').find((l) => l.trim() === fenced);
    expect(codeLine?.startsWith(`  ${CODE_INDENT}`) || codeLine?.startsWith(CODE_INDENT)).toBe(true);
  });

  it('GIVEN Markdown THEN lists are bulleted, emphasis and inline code lose their markers, tables are aligned', () => {
    const text = renderMarkdown(
      [
        '**Bold** and `kubectl get pods` and [docs](https://kubernetes.io/docs/).',
        '',
        '- one',
        '- two',
        '  1. nested',
        '',
        '| 名称 | 值 |',
        '| --- | --- |',
        '| QoS | Guaranteed |',
        '',
        '```bash',
        'kubectl describe pod x',
        '```',
      ].join('\n'),
    );
    expect(text).toContain('Bold and kubectl get pods and docs (https://kubernetes.io/docs/).');
    expect(text).toContain('• one\n• two\n  1. nested');
    const [head = '', , row = ''] = text.split('\n').filter((l) => /名称|QoS|─/.test(l));
    expect(stringWidth(head.slice(0, head.indexOf('值')))).toBe(
      stringWidth(row.slice(0, row.indexOf('Guaranteed'))),
    );
    expect(text).toContain(`${CODE_INDENT}kubectl describe pod x`);
  });

  it('GIVEN a plain-text body THEN it is printed as typed, Markdown characters included', () => {
    const view: View = { visibility: 'channel', body: '🥇 *bold* — 13 分', bodyFormat: 'plain' };
    expect(renderView(view)).toContain('🥇 *bold* — 13 分');
  });
});
