import type { Redis } from 'ioredis';
import { type ItemReport, reporterKey } from '../core/reports.js';
import type { ReportRepo } from '../core/store-ports.js';
import type { Keys } from './keys.js';
import { runScript } from './scripts.js';

/** Reports on quiz items, for the whole bank (not per team): maintainers fix the bank once. */
export class RedisReportRepo implements ReportRepo {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async record(report: ItemReport): Promise<'new' | 'replaced'> {
    const created = await runScript(
      this.redis,
      'recordReport',
      [this.keys.itemReports(report.quizId), this.keys.reportedItems()],
      [reporterKey(report.teamId, report.playerId), JSON.stringify(report), report.quizId],
    );
    return Number(created) === 1 ? 'new' : 'replaced';
  }

  async all(): Promise<ItemReport[]> {
    const items = await this.redis.zrange(this.keys.reportedItems(), 0, -1);
    const hashes = await Promise.all(items.map((id) => this.redis.hvals(this.keys.itemReports(id))));
    const reports = hashes.flat().flatMap((json) => {
      try {
        return [JSON.parse(json) as ItemReport];
      } catch {
        return [];
      }
    });
    return reports.sort((a, b) => a.at - b.at || a.playerId.localeCompare(b.playerId));
  }

  async heldBack(minReporters: number): Promise<Set<string>> {
    return new Set(await this.redis.zrangebyscore(this.keys.reportedItems(), minReporters, '+inf'));
  }

  async clear(quizId: string): Promise<number> {
    const results = await this.redis
      .multi()
      .hlen(this.keys.itemReports(quizId))
      .del(this.keys.itemReports(quizId))
      .zrem(this.keys.reportedItems(), quizId)
      .exec();
    return Number(results?.[0]?.[1] ?? 0);
  }
}
