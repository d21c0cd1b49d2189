import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandOfAction, decodeAction } from '../../src/core/actions.js';
import { learnFromRound } from '../../src/core/deck.js';
import { localDate } from '../../src/core/local-time.js';
import type { Team } from '../../src/core/model.js';
import { parseCommandText } from '../../src/core/parse-command.js';
import { DeliveryError } from '../../src/core/ports.js';
import { dailyRoundId, liveRoundId } from '../../src/core/round-ids.js';
import type { View } from '../../src/core/view.js';
import { createHarness, type Harness, player, setUpTeam } from '../support/engine-harness.js';
import { useRedis } from '../support/redis.js';

const { url, prefix } = useRedis();
const DAY = 24 * 3600_000;
const SH = 'Asia/Shanghai';
const LIMITS = { count: { default: 5, min: 1, max: 20 }, seconds: { default: 30, min: 10, max: 120 } };

describe('/k8s-quiz review: spaced repetition of missed items (FSRS)', () => {
  let h: Harness;
  let team: Team;
  beforeAll(async () => {
    h = await createHarness(url, prefix, '2026-11-23T01:30:00Z'); // Monday 09:30 Shanghai
    team = await setUpTeam(h, 'C-review', { locale: 'en' });
  });
  afterAll(() => h.close());

  const handle = (text: string, p: number | string = 1) =>
    h.engine.handle({ team: team.address, actor: player(p), command: parseCommandText(text, LIMITS) });
  const press = (action: string, p: number | string = 1) =>
    h.engine.handle({ team: team.address, actor: player(p), command: commandOfAction(action) });
  const card = (quizId: string, p: number | string = 1) =>
    h.engine.ctx.store.decks.card(team.id, `u${p}`, quizId);
  const buttonOf = (view: View | undefined, label: string) => {
    const button = view?.buttons?.find((b) => b.label === label);
    if (!button) throw new Error(`no ${label} button in ${JSON.stringify(view)}`);
    return button.action;
  };
  const boards = async () => {
    const { boards: b } = h.engine.ctx.store;
    const week = '2026-W48';
    return {
      week: await b.board(team.id, { week }, 10),
      all: await b.board(team.id, 'all', 10),
      stats: await b.playerStats(team.id, 'u1', week),
    };
  };

  /** Today's daily question: posted, answered by each player (right or wrong), closed. Gives the item. */
  async function daily(answers: [number, boolean][]): Promise<string> {
    await h.engine.postDaily(team.id, h.clock.now());
    const roundId = dailyRoundId(team.id, localDate(h.clock.now(), SH));
    const round = await h.engine.ctx.store.rounds.get(roundId);
    if (!round) throw new Error('no round');
    for (const [p, right] of answers) {
      const choice = right ? round.answer : (round.answer + 1) % round.optionCount;
      await h.engine.handle({
        team: team.address,
        actor: player(p),
        command: { name: 'answer', roundId, choice },
      });
    }
    await h.engine.closeRound(roundId);
    return round.quizId;
  }

  let missed = '';
  let missedAt = 0;

  it("GIVEN a wrong daily answer THEN the item is on that player's deck, due a day later; a right answer puts nothing there", async () => {
    missedAt = h.clock.now();
    missed = await daily([
      [1, false],
      [2, true],
    ]);
    const c = await card(missed);
    expect(c?.memory.due).toBe(missedAt + DAY);
    expect(c?.memory.lapses).toBe(0);
    expect(await h.engine.ctx.store.decks.cards(team.id, 'u2')).toEqual([]);

    // The close job running again (a retry after a crash) counts the answer once.
    const roundId = dailyRoundId(team.id, localDate(missedAt, SH));
    await h.engine.closeRound(roundId);
    expect(await card(missed)).toEqual(c);
  });

  it("GIVEN nothing due yet THEN review says when the next review is, in the team's time zone and language", async () => {
    const [view] = await handle('review');
    expect(view).toMatchObject({ visibility: 'private' });
    expect(view?.body).toBe('Nothing due — next review on Nov 24, 2026.');
    const [empty] = await handle('review', 2);
    expect(empty?.body).toContain('Your review deck is empty');
  });

  it('GIVEN a day later THEN review shows the item privately; a right answer is graded Good by default and scheduled by FSRS', async () => {
    h.clock.time = missedAt + DAY;
    const before = await boards();
    const [question] = await handle('review');
    expect(question).toMatchObject({ visibility: 'private', tone: 'question' });
    expect(question?.footer).toContain('1 item due today');
    const quiz = h.engine.ctx.bank.quiz(missed);
    if (!quiz) throw new Error('item left the bank');
    expect(question?.body).toContain(quiz.prompt);

    const [result] = await press(buttonOf(question, String.fromCharCode(65 + quiz.answer)));
    expect(result).toMatchObject({ visibility: 'private', tone: 'success' });
    expect(result?.body).toContain(quiz.explanation.slice(0, 20));
    expect(result?.buttons?.map((b) => b.label)).toEqual([
      'Reference answer',
      'Again',
      'Hard',
      'Good',
      'Easy',
    ]);
    expect(result?.buttons?.find((b) => b.style === 'primary')?.label).toBe('Good');
    // FSRS (default weights, no fuzz): a first Good one day after the miss → 3 days.
    const good = await card(missed);
    expect(good?.memory.due).toBe(h.clock.now() + 3 * DAY);
    expect(result?.footer).toBe('Graded Good — next review on Nov 27, 2026 · press a grade to change it');

    // The reference answer button works here too.
    const [reference] = await press(buttonOf(result, 'Reference answer'));
    expect(reference?.title).toContain('Reference answer');

    // Another grade replaces the default: Easy schedules further out, Hard nearer.
    const [easy] = await press(buttonOf(result, 'Easy'));
    expect(easy?.body).toMatch(/^Graded Easy — next review on /);
    const easyDue = (await card(missed))?.memory.due ?? 0;
    const [hard, next] = await press(buttonOf(result, 'Hard'));
    expect(hard?.body).toMatch(/^Graded Hard — next review on /);
    const hardDue = (await card(missed))?.memory.due ?? 0;
    expect(easyDue).toBeGreaterThan(good?.memory.due ?? 0);
    expect(hardDue).toBeLessThan(good?.memory.due ?? 0);
    expect(hardDue).toBeGreaterThan(h.clock.now());
    // After grading: nothing else due, so the next date is given.
    expect(next?.body).toMatch(/^Nothing due — next review on /);
    const [good2] = await press(buttonOf(result, 'Good'));
    expect(good2?.body).toBe('Graded Good — next review on Nov 27, 2026.');

    // Pressing an answer again: already reviewed, nothing changes.
    const reviewed = await card(missed);
    const [again] = await press(buttonOf(question, 'A'));
    expect(again?.body).toBe('You have reviewed this one — next review on Nov 27, 2026.');
    expect(await card(missed)).toEqual(reviewed);

    // Review answers never touch a board, a score or the stats.
    expect(await boards()).toEqual(before);
  });

  it('GIVEN the item due again and answered wrong THEN it is a lapse, graded Again by default and due the next day', async () => {
    h.clock.time = missedAt + 4 * DAY; // Nov 27
    const before = await boards();
    const stable = (await card(missed))?.memory.stability ?? 0;
    const [question] = await handle('review');
    const quiz = h.engine.ctx.bank.quiz(missed);
    const wrong = String.fromCharCode(65 + (((quiz?.answer ?? 0) + 1) % (quiz?.options.length ?? 3)));
    const [result] = await press(buttonOf(question, wrong));
    expect(result).toMatchObject({ tone: 'warning' });
    expect(result?.body).toContain(`You chose **${wrong}**`);
    expect(result?.buttons?.find((b) => b.style === 'primary')?.label).toBe('Again');
    const lapsed = await card(missed);
    expect(lapsed?.memory.lapses).toBe(1);
    expect(lapsed?.memory.due).toBe(h.clock.now() + DAY);
    expect(lapsed?.memory.stability).toBeLessThan(stable);
    expect(await boards()).toEqual(before);

    // An old grade button (of the earlier answer) changes nothing.
    const old = (await press(buttonOf(question, wrong)))[0];
    expect(old?.body).toContain('You have reviewed this one');
    const stale = `k8sq:g:${missed}:4:${(lapsed?.seq ?? 1) - 1}`;
    expect(decodeAction(stale)).toMatchObject({ kind: 'reviewGrade', grade: 'easy' });
    const [refused] = await press(stale);
    expect(refused?.body).toBe('That grade button belongs to an earlier answer; nothing changed.');
    expect(await card(missed)).toEqual(lapsed);
  });

  it('GIVEN the item in a later round THEN a right answer there counts as a review of the deck', async () => {
    h.clock.time = missedAt + 6 * DAY; // Nov 29
    const quiz = h.engine.ctx.bank.quiz(missed);
    if (!quiz) throw new Error('item left the bank');
    const before = await card(missed);
    const now = h.clock.now();
    const round = await h.engine.ctx.store.rounds.create({
      id: 'day-review-again',
      teamId: team.id,
      kind: 'daily',
      quizId: missed,
      optionCount: quiz.options.length,
      answer: quiz.answer,
      category: quiz.category,
      openedAt: now,
      closesAt: now + 3600_000,
      localDate: localDate(now, SH),
      week: '2026-W48',
    });
    await h.engine.handle({
      team: team.address,
      actor: player(1),
      command: { name: 'answer', roundId: round.id, choice: quiz.answer },
    });
    await h.engine.closeRound(round.id);
    const after = await card(missed);
    expect(after?.memory.reps).toBe((before?.memory.reps ?? 0) + 1);
    expect(after?.memory.lapses).toBe(1);
    expect(after?.memory.due).toBeGreaterThan(now + DAY);
    expect(after?.pending).toBeUndefined();
  });

  it('GIVEN a live round THEN a wrong answer there puts the item on the deck too, and its points still count', async () => {
    const live = await setUpTeam(h, 'C-review-live', { locale: 'en' });
    await h.engine.handle({
      team: live.address,
      actor: player(5),
      command: { name: 'start', count: 1, seconds: 30 },
    });
    const running = await h.engine.ctx.store.lives.runningIn(live.id);
    if (!running) throw new Error('no live round');
    await h.engine.askLiveQuestion(running.id, 0);
    const roundId = liveRoundId(running.id, 0);
    const round = await h.engine.ctx.store.rounds.get(roundId);
    if (!round) throw new Error('no live question');
    const answer = (p: number, choice: number) =>
      h.engine.handle({ team: live.address, actor: player(p), command: { name: 'answer', roundId, choice } });
    await answer(5, (round.answer + 1) % round.optionCount);
    await answer(6, round.answer);
    await h.engine.closeRound(roundId);
    const deck = (p: number) => h.engine.ctx.store.decks.cards(live.id, `u${p}`);
    expect((await deck(5)).map((c) => c.quizId)).toEqual([round.quizId]);
    expect(await deck(6)).toEqual([]);
    const board = await h.engine.ctx.store.boards.board(live.id, 'all', 10);
    expect(board.top.map((e) => e.playerId)).toEqual(['u6']);
  });

  it('GIVEN a deck THEN stats shows what is due today, what is learned and the FSRS retention estimate (own stats only)', async () => {
    const [mine] = await handle('stats');
    const deck = mine?.fields?.find((f) => f.name === 'Review deck');
    expect(deck?.value).toMatch(/^0 due today · 0 of 1 learned · retention ≈ \d+%$/);
    const [theirs] = await handle('stats player 1', 2);
    expect(theirs?.fields?.find((f) => f.name === 'Review deck')).toBeUndefined();
  });

  it('GIVEN review remind on|off THEN the player is (not) on the reminder list; other words get the usage', async () => {
    const [on] = await handle('review remind on', 3);
    expect(on?.body).toContain('Review reminder on');
    expect(await h.engine.ctx.store.decks.reminded(team.id)).toEqual(['u3']);
    await handle('review remind OFF', 3);
    expect(await h.engine.ctx.store.decks.reminded(team.id)).toEqual([]);
    const [bad] = await handle('review remind maybe', 3);
    expect(bad).toMatchObject({ visibility: 'private', tone: 'warning' });
    expect(bad?.body).toBe('Usage: `/k8s-quiz review` or `/k8s-quiz review remind on|off`');
  });

  it('GIVEN reminders on THEN at the daily time each player with items due gets one private message a day, a retry sends none twice, and a refused DM skips only that player', async () => {
    const t = await setUpTeam(h, 'C-remind', { locale: 'en' });
    h.clock.set('2026-12-07T01:30:00Z'); // Monday 09:30 in Shanghai
    const quizId = h.engine.ctx.bank.quizzesIn('observability')[0]?.id ?? '';
    const miss = (p: number, at: number) =>
      h.engine.ctx.store.decks.update(t.id, `u${p}`, quizId, () =>
        learnFromRound(undefined, quizId, false, at),
      );
    const yesterday = h.clock.now() - DAY;
    await miss(1, yesterday); // due today, reminder on
    await miss(2, h.clock.now()); // due tomorrow, reminder on
    await miss(3, yesterday); // due today, reminder off
    await miss(4, yesterday); // due today, reminder on, takes no DMs
    for (const p of [1, 2, 4])
      await h.engine.handle({
        team: t.address,
        actor: player(p),
        command: { name: 'reviewRemind', on: true },
      });
    const sent = () => h.outbox.privates.filter((m) => m.team === t.id);

    h.outbox.failNext.push(
      new DeliveryError('permanent', 'discord 403 50007: Cannot send messages to this user'),
    );
    // u1 comes first (players in id order), so the refusal hits u1: the team keeps running.
    expect(await h.engine.remindReviews(t.id, h.clock.now())).toEqual({ due: 2, sent: 1 });
    expect(sent().map((m) => m.playerId)).toEqual(['u4']);
    expect((await h.engine.ctx.store.teams.get(t.id))?.settings.paused).toBe(false);
    expect(sent()[0]?.view).toMatchObject({ visibility: 'private' });
    expect(sent()[0]?.view.body).toBe(
      'You have 1 review item due today: `/k8s-quiz review` in the k8s-quiz channel starts it.',
    );
    expect(sent()[0]?.step?.id).toBe(`remind:${t.id}:u4:2026-12-07`);

    // The daily job retried the same day: nobody is reminded twice.
    expect(await h.engine.remindReviews(t.id, h.clock.now() + 60_000)).toEqual({ due: 2, sent: 0 });
    expect(sent()).toHaveLength(1);

    // The next day u2's item is due too; u1 (refused yesterday) is tried again.
    h.clock.time += DAY;
    expect(await h.engine.remindReviews(t.id, h.clock.now())).toEqual({ due: 3, sent: 3 });
    expect(sent().map((m) => m.playerId)).toEqual(['u4', 'u1', 'u2', 'u4']);

    // Turned off: no more reminders; a paused channel sends none either.
    await h.engine.handle({
      team: t.address,
      actor: player(4),
      command: { name: 'reviewRemind', on: false },
    });
    h.clock.time += DAY;
    await h.engine.handle({ team: t.address, actor: player('admin', true), command: { name: 'pause' } });
    expect(await h.engine.remindReviews(t.id, h.clock.now())).toEqual({ due: 0, sent: 0 });
    await h.engine.handle({ team: t.address, actor: player('admin', true), command: { name: 'resume' } });
    expect(await h.engine.remindReviews(t.id, h.clock.now())).toEqual({ due: 2, sent: 2 });
    expect(
      sent()
        .slice(4)
        .map((m) => m.playerId),
    ).toEqual(['u1', 'u2']);
  });

  it('GIVEN reminders on THEN the daily job posts the question and reminds from one read of the team; a refused question (team paused) reminds nobody', async () => {
    const quizId = h.engine.ctx.bank.quizzesIn('observability')[0]?.id ?? '';
    const setUp = async (channel: string) => {
      const t = await setUpTeam(h, channel, { locale: 'en' });
      await h.engine.ctx.store.decks.update(t.id, 'u7', quizId, () =>
        learnFromRound(undefined, quizId, false, h.clock.now() - 2 * DAY),
      );
      await h.engine.handle({
        team: t.address,
        actor: player(7),
        command: { name: 'reviewRemind', on: true },
      });
      return t;
    };
    const ok = await setUp('C-job-ok');
    expect(await h.engine.dailyJob(ok.id, h.clock.now())).toEqual({
      daily: 'posted',
      reminders: { due: 1, sent: 1 },
    });
    expect(h.outbox.privates.filter((m) => m.team === ok.id).map((m) => m.playerId)).toEqual(['u7']);

    const refused = await setUp('C-job-refused');
    h.outbox.failNext.push(new DeliveryError('permanent', 'missing_scope'));
    expect(await h.engine.dailyJob(refused.id, h.clock.now())).toEqual({
      daily: 'refused',
      reminders: { due: 0, sent: 0 },
    });
    expect((await h.engine.ctx.store.teams.get(refused.id))?.settings.paused).toBe(true);
    expect(h.outbox.privates.filter((m) => m.team === refused.id)).toEqual([]);
  });

  it('GIVEN 10 writes to one card at the same moment THEN none is lost (compare-and-set, tried again on a conflict)', async () => {
    const { decks } = h.engine.ctx.store;
    const quizId = h.engine.ctx.bank.quizzesIn('observability')[1]?.id ?? '';
    await decks.update('T-cas', 'u1', quizId, () => learnFromRound(undefined, quizId, false, 1_000));
    await Promise.all(
      Array.from({ length: 10 }, () =>
        decks.update('T-cas', 'u1', quizId, (card) => (card ? { ...card, seq: card.seq + 1 } : undefined)),
      ),
    );
    expect((await decks.card('T-cas', 'u1', quizId))?.seq).toBe(11);
  });
});
