import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionBank } from '../../src/content/bank.js';
import { loadBank } from '../../src/content/load-bank.js';
import { encodeAction } from '../../src/core/actions.js';
import type { View } from '../../src/core/view.js';
import { referenceView } from '../../src/core/views/reveal-view.js';
import { translator } from '../../src/i18n/catalog.js';
import { SLACK_LIMITS } from '../../src/platforms/slack/limits.js';
import { renderView, type SlackMessage } from '../../src/platforms/slack/render.js';
import { blockKitProblems } from '../fakes/slack/block-kit-rules.js';

const question = (closed = false): View => ({
  visibility: 'channel',
  tone: 'question',
  title: 'Question 1/2 · Pods',
  body: 'Which **QoS** class?\n\n**A.** Guaranteed\n**B.** Burstable\n**C.** BestEffort\n**D.** Critical',
  buttons: ['A', 'B', 'C', 'D'].map((label, choice) => ({
    action: encodeAction({ kind: 'answer', roundId: 'live-abc-0', choice }),
    label,
    style: 'secondary' as const,
    disabled: closed,
  })),
  footer: '30 seconds to answer',
});

const blocksOf = (messages: SlackMessage[]) =>
  messages.flatMap((m) => m.blocks) as unknown as Record<string, unknown>[];
const allText = (messages: SlackMessage[]) => JSON.stringify(messages);

describe('View → Block Kit', () => {
  it('GIVEN a question THEN one message: the text, one button per option carrying its action, a footer', () => {
    const messages = renderView(question());
    expect(messages).toHaveLength(1);
    const blocks = blocksOf(messages);
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    const buttons = actions[0]?.elements as { action_id: string; value: string; text: { text: string } }[];
    expect(buttons.map((b) => b.text.text)).toEqual(['A', 'B', 'C', 'D']);
    expect(buttons.map((b) => b.action_id)).toEqual([0, 1, 2, 3].map((c) => `k8sq:a:live-abc-0:${c}`));
    expect(buttons.every((b) => b.value === b.action_id)).toBe(true);
    expect(blocks.at(-1)?.type).toBe('context');
    expect(messages[0]?.text).toBe('Question 1/2 · Pods');
    expect(blockKitProblems(messages[0]?.blocks)).toEqual([]);
  });

  it('GIVEN the question closed (buttons disabled) THEN the message has no buttons left to press', () => {
    const blocks = blocksOf(renderView(question(true)));
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(blocks.some((b) => JSON.stringify(b).includes('Guaranteed'))).toBe(true);
  });

  it('GIVEN bank text and names with mentions and HTML everywhere THEN no part of the message can mention or link', () => {
    const evil = '<!channel> <@U123> <script>x</script> & <https://evil.example|click>';
    const view: View = {
      visibility: 'channel',
      tone: 'reveal',
      title: evil,
      body: evil,
      fields: [
        { name: evil, value: evil },
        { name: evil, value: evil, inline: true },
      ],
      footer: evil,
    };
    const messages = renderView(view);
    const text = allText(messages);
    expect(text).not.toMatch(/<[!@#]/);
    expect(text).not.toContain('<script>');
    expect(text).not.toMatch(/<https:\/\/evil\.example\|/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(messages[0]?.text).not.toMatch(/[<>]/);
    expect(blockKitProblems(messages[0]?.blocks)).toEqual([]);
  });

  it('GIVEN a body far past one section THEN it is split into sections within 3,000 characters, and messages within 50 blocks', () => {
    const paragraph = `${'Kubernetes schedules Pods onto nodes & restarts them. '.repeat(20)}\n\n`;
    const view: View = { ...question(), body: paragraph.repeat(150) };
    const messages = renderView(view);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(blockKitProblems(message.blocks)).toEqual([]);
    }
    // Buttons ride on the last message, which the outbox keeps as the reference.
    expect(blocksOf(messages.slice(0, -1)).some((b) => b.type === 'actions')).toBe(false);
    expect(messages.at(-1)?.blocks.some((b) => b.type === 'actions')).toBe(true);
    expect(messages[1]?.text).toMatch(/\(2\/\d+\)$/);
  });

  it('GIVEN inline fields THEN they share a two-column section', () => {
    const view: View = {
      visibility: 'private',
      title: 'Stats',
      fields: [
        { name: 'Answered', value: '12', inline: true },
        { name: 'Accuracy', value: '75%', inline: true },
        { name: 'By category', value: '- pods 80%\n- networking 60%' },
      ],
    };
    const blocks = blocksOf(renderView(view));
    const columns = blocks.find((b) => Array.isArray(b.fields));
    expect(columns?.fields).toHaveLength(2);
    expect(JSON.stringify(blocks)).toContain('• pods 80%');
  });

  it('GIVEN a button label past 75 characters THEN it is shortened to fit', () => {
    const view: View = {
      visibility: 'channel',
      body: 'x',
      buttons: [{ action: 'k8sq:r:q1', label: 'L'.repeat(100) }],
    };
    const messages = renderView(view);
    expect(blockKitProblems(messages[0]?.blocks)).toEqual([]);
  });

  describe('the shipped question bank', () => {
    let bank: QuestionBank;
    beforeAll(async () => {
      const loaded = await loadBank('content');
      if (!loaded.ok) throw new Error('bank does not load');
      bank = loaded.value;
    });

    it('GIVEN every reference answer THEN each renders within Block Kit limits with nothing left unescaped', () => {
      const t = translator('zh-CN');
      for (const q of bank.questions) {
        const messages = renderView(referenceView(q, t));
        for (const message of messages) expect(blockKitProblems(message.blocks), q.id).toEqual([]);
        const text = allText(messages).replace(/<https?:[^<>|\s]+(\|[^<>]*)?>/g, '');
        expect(text, q.id).not.toMatch(/[<>]/);
      }
    });
  });
});
