import { ButtonStyle } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { loadBank } from '../../src/content/load-bank.js';
import { encodeAction } from '../../src/core/actions.js';
import type { View } from '../../src/core/view.js';
import { referenceView } from '../../src/core/views/reveal-view.js';
import { translator } from '../../src/i18n/catalog.js';
import { embedChars, renderView } from '../../src/platforms/discord/render.js';
import { messageProblems } from '../fakes/discord/message-rules.js';

const question = (buttons = 4, disabled = false): View => ({
  visibility: 'channel',
  tone: 'question',
  title: '每日一题 · 网络',
  body: 'Service 的 ClusterIP 由谁实现？\n\n**A.** kube-proxy\n**B.** kubelet\n**C.** etcd\n**D.** CoreDNS',
  buttons: Array.from({ length: buttons }, (_, choice) => ({
    action: encodeAction({ kind: 'answer', roundId: 'r-1', choice }),
    label: 'ABCDEFG'[choice] ?? '?',
    style: 'secondary' as const,
    disabled,
  })),
  footer: '18:00 截止',
});

/** Markdown paragraphs long enough to need several embeds. */
const longBody = (chars: number) =>
  Array.from(
    { length: Math.ceil(chars / 500) },
    (_, i) => `${i}. ${'这是一段很长的参考答案文字，'.repeat(35)}`,
  ).join('\n\n');

describe('renderView', () => {
  test('GIVEN a question with four options THEN one embed with one row of buttons A–D carrying the action', () => {
    const [message, ...more] = renderView(question());
    expect(more).toHaveLength(0);
    expect(message?.embeds).toHaveLength(1);
    expect(message?.embeds[0]?.title).toBe('每日一题 · 网络');
    expect(message?.embeds[0]?.footer?.text).toBe('18:00 截止');
    const buttons = message?.components[0]?.components ?? [];
    expect(buttons.map((b) => ('label' in b ? b.label : ''))).toEqual(['A', 'B', 'C', 'D']);
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'k8sq:a:r-1:0',
      'k8sq:a:r-1:1',
      'k8sq:a:r-1:2',
      'k8sq:a:r-1:3',
    ]);
    expect(buttons.every((b) => b.style === ButtonStyle.Secondary && b.disabled === false)).toBe(true);
  });

  test('GIVEN the closed question THEN the same buttons are all disabled', () => {
    const buttons = renderView(question(4, true))[0]?.components[0]?.components ?? [];
    expect(buttons).toHaveLength(4);
    expect(buttons.every((b) => b.disabled === true)).toBe(true);
  });

  test('GIVEN seven buttons THEN rows of five and two', () => {
    const rows = renderView(question(7))[0]?.components ?? [];
    expect(rows.map((r) => r.components.length)).toEqual([5, 2]);
  });

  test('GIVEN a 20,000-character body with buttons THEN every message obeys Discord limits and only the last has buttons', () => {
    const view = { ...question(), body: longBody(20_000) };
    const messages = renderView(view);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(messageProblems(m)).toEqual([]);
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)?.components[0]?.components).toHaveLength(4);
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? ''));
    expect(descriptions.join('').replace(/\s/g, '')).toBe(view.body.replace(/\s/g, ''));
  });

  test('GIVEN an over-long title, field and footer THEN each is cut to its limit with an ellipsis', () => {
    const [message] = renderView({
      visibility: 'channel',
      title: 'T'.repeat(300),
      fields: [{ name: 'N'.repeat(300), value: 'V'.repeat(2000) }],
      footer: 'F'.repeat(3000),
    });
    const embed = message?.embeds[0];
    expect(embed?.title).toHaveLength(256);
    expect(embed?.title?.endsWith('…')).toBe(true);
    expect(embed?.fields?.[0]?.name).toHaveLength(256);
    expect(embed?.fields?.[0]?.value).toHaveLength(1024);
    expect(embed?.footer?.text).toHaveLength(2048);
    expect(messageProblems(message ?? {})).toEqual([]);
  });

  test('GIVEN 40 fields THEN they spread over embeds of at most 25 and no message passes 6,000 characters', () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({ name: `#${i}`, value: 'x'.repeat(300) }));
    const messages = renderView({ visibility: 'channel', title: 'Board', fields });
    expect(messages.flatMap((m) => m.embeds).flatMap((e) => e.fields ?? [])).toHaveLength(40);
    for (const m of messages) {
      expect(messageProblems(m)).toEqual([]);
      expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
    }
  });

  test('GIVEN every reference answer in the shipped bank THEN each renders within Discord limits, text intact', async () => {
    const bank = await loadBank('content');
    if (!bank.ok) throw new Error('bank invalid');
    const t = translator('zh-CN');
    for (const q of bank.value.questions) {
      const messages = renderView(referenceView(q, t));
      for (const m of messages) expect(messageProblems(m), q.id).toEqual([]);
      const text = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('');
      expect(text.replace(/\s/g, '').length, q.id).toBeGreaterThanOrEqual(
        q.referenceAnswer.replace(/\s/g, '').length,
      );
    }
  });
});
