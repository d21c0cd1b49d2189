import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandOfAction, decodeAction } from '../../src/core/actions.js';
import type { Team } from '../../src/core/model.js';
import { parseCommandText } from '../../src/core/parse-command.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();

describe('`/k8s-quiz ask <words>`', () => {
  let h: Harness;
  let zh: Team;
  let en: Team;
  beforeAll(async () => {
    h = await createHarness(url, prefix);
    zh = await setUpTeam(h, 'C-ask-zh');
    en = await setUpTeam(h, 'C-ask-en', { locale: 'en' });
  });
  afterAll(() => h.close());

  const ask = (line: string, team = zh) =>
    h.engine.handle({ team: team.address, actor: player(1), command: parseCommandText(line, h.config.live) });

  it('GIVEN matching words THEN the best reference answer comes privately, with up to 4 more as buttons', async () => {
    const [view, ...rest] = await ask('ask QoS');
    expect(rest).toEqual([]);
    const qos = h.engine.ctx.bank.question('pod-qos-classes');
    expect(view).toMatchObject({ visibility: 'private', title: `参考答案 · ${qos?.title}` });
    expect(view?.body).toBe(qos?.referenceAnswer);
    const more = (view?.buttons ?? []).map((b) => decodeAction(b.action));
    expect(more.length).toBeGreaterThan(0);
    expect(more.length).toBeLessThanOrEqual(4);
    for (const action of more) {
      expect(action?.kind).toBe('reference');
      expect(action && 'questionId' in action && action.questionId).not.toBe('pod-qos-classes');
    }
    expect(view?.footer).toContain(`${more.length}`);
  });

  it('GIVEN a more-button press THEN that question’s reference answer opens privately', async () => {
    const [view] = await ask('ask 驱逐');
    const button = view?.buttons?.[0];
    expect(button).toBeDefined();
    const [opened] = await h.engine.handle({
      team: zh.address,
      actor: player(2),
      command: commandOfAction(button?.action ?? ''),
    });
    expect(opened?.visibility).toBe('private');
    expect(opened?.title).toBe(`参考答案 · ${button?.label}`);
  });

  it('GIVEN words found nowhere THEN a short private reply in the team’s language, the words shown literally', async () => {
    const [zhReply] = await ask('ask 天气预报 *banana*');
    expect(zhReply).toMatchObject({ visibility: 'private' });
    expect(zhReply?.body).toContain('没有找到');
    // Literally: plain text, which every adapter shows as typed (no Markdown escapes needed).
    expect(zhReply).toMatchObject({ bodyFormat: 'plain' });
    expect(zhReply?.body).toContain('天气预报 *banana*');
    expect(zhReply?.buttons).toBeUndefined();
    const [enReply] = await ask('ask banana smoothie', en);
    expect(enReply?.body).toContain('No reference answer matches "banana smoothie"');
  });

  it('GIVEN no words or too many THEN the usage, privately, in the team’s language', async () => {
    const [empty] = await ask('ask');
    expect(empty).toMatchObject({ visibility: 'private', tone: 'warning' });
    expect(empty?.body).toContain('/k8s-quiz ask <关键词>');
    const [long] = await ask(`ask ${'x'.repeat(101)}`, en);
    expect(long?.body).toContain('at most 100 characters');
  });
});
