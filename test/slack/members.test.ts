import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupBudget } from '../../src/platforms/slack/lookup-budget.js';
import { Members } from '../../src/platforms/slack/members.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { recordingLogger } from './support.js';

describe('the users.info budget', () => {
  it('GIVEN a burst of 2 at 60 a minute THEN two calls now, the third a second later', () => {
    let now = 0;
    const budget = new LookupBudget(2, 60, () => now);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, false]);
    expect(budget.msUntilNext()).toBe(1000);
    now = 999;
    expect(budget.take()).toBe(false);
    now = 1000;
    expect(budget.take()).toBe(true);
    budget.spend(); // an admin check made anyway: the next call waits longer
    now = 2000;
    expect(budget.take()).toBe(false);
  });
});

describe('Slack members: who presses and who commands', () => {
  let fake: FakeSlack;
  const users = ['U1', 'U2', 'U3', 'U4'].map((id) => ({
    id,
    name: id.toLowerCase(),
    display_name: `Name ${id}`,
  }));
  beforeAll(async () => {
    fake = await FakeSlack.start({
      users: [...users, { id: 'UADMIN', name: 'ada', display_name: 'Ada', is_admin: true }],
    });
  });
  afterAll(() => fake.stop());

  const membersWith = (budget: LookupBudget) =>
    new Members(new webApi.WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl }), recordingLogger(), {
      configAdmins: [],
      budget,
    });

  it('GIVEN more new players pressing at once than the budget THEN those within it get their display name, the rest the payload name at once, and their display names are looked up afterwards', async () => {
    const members = membersWith(new LookupBudget(2, 600)); // then one lookup per 100 ms
    const before = fake.callsOf('users.info').length;
    const actors = await Promise.all(users.map((u) => members.presser(u.id, u.name)));
    expect(actors.map((a) => a.name)).toEqual(['Name U1', 'Name U2', 'u3', 'u4']);
    expect(actors.every((a) => !a.isAdmin)).toBe(true);
    expect(fake.callsOf('users.info').length - before).toBe(2);

    await fake.waitFor(() => fake.callsOf('users.info').length - before === 4, 2000, 'the later lookups');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await members.presser('U4', 'u4')).name).toBe('Name U4');
    expect(fake.callsOf('users.info').length - before).toBe(4);
    members.stop();
  });

  it('GIVEN the budget spent THEN a command still looks its actor up (admin rights decide what it may do)', async () => {
    const members = membersWith(new LookupBudget(1, 1));
    await members.presser('U1', 'u1');
    expect(await members.actor('UADMIN', 'ada')).toEqual({ id: 'UADMIN', name: 'Ada', isAdmin: true });
    members.stop();
  });

  it('GIVEN a stopped Members THEN the lookups still waiting are dropped', async () => {
    const members = membersWith(new LookupBudget(0, 600));
    const before = fake.callsOf('users.info').length;
    expect((await members.presser('U3', 'u3')).name).toBe('u3');
    members.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.callsOf('users.info').length).toBe(before);
  });
});
