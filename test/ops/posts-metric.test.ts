import { describe, expect, it } from 'vitest';
import type { Team } from '../../src/core/model.js';
import type { Outbox, PostReceipt } from '../../src/core/ports.js';
import { instrumentOutbox } from '../../src/ops/instrument.js';
import { Metrics } from '../../src/ops/metrics.js';

const team = {
  id: 'slack:T1:C1',
  address: { platform: 'slack', workspaceId: 'T1', channelId: 'C1' },
} as Team;

/** A platform that answers each post with the given receipt (found: it was already there). */
const platformAnswering = (found: boolean): Outbox => ({
  post: async (): Promise<PostReceipt> => ({ ref: 'ts-1', found }),
  update: async () => {},
});

async function postsBy(metrics: Metrics): Promise<Record<string, number>> {
  const { values } = await metrics.posts.get();
  return Object.fromEntries(values.map((v) => [v.labels.outcome as string, v.value]));
}

describe('k8s_quiz_posts_total', () => {
  it('GIVEN first tries and retries after a crash THEN sent, recovered and found-existing are told apart', async () => {
    const metrics = new Metrics({ redisUp: () => true, openRounds: async () => 0 });
    const view = { text: 'q' } as never;
    const fresh = instrumentOutbox(platformAnswering(false), metrics);
    await fresh.post(team, view, { id: 'daily:1', intendedAt: 0, retry: false });
    await fresh.post(team, view, { id: 'daily:2', intendedAt: 0, retry: true });
    const found = instrumentOutbox(platformAnswering(true), metrics);
    await found.post(team, view, { id: 'daily:3', intendedAt: 0, retry: true });
    await found.update(team, 'ts-1', view);
    expect(await postsBy(metrics)).toEqual({ sent: 2, recovered: 1, 'found-existing': 1 });
  });

  it('GIVEN a platform that fails THEN the post counts as failed and the error goes on to the job', async () => {
    const metrics = new Metrics({ redisUp: () => true, openRounds: async () => 0 });
    const broken = instrumentOutbox(
      {
        post: async () => {
          throw new Error('503');
        },
        update: async () => {},
      },
      metrics,
    );
    await expect(
      broken.post(team, { text: 'q' } as never, { id: 'd', intendedAt: 0, retry: false }),
    ).rejects.toThrow('503');
    expect(await postsBy(metrics)).toEqual({ failed: 1 });
  });
});
