import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What /metrics reads on each scrape, besides the counters. */
export interface MetricSources {
  redisUp(): boolean;
  openRounds(): Promise<number>;
}

/**
 * The bot's Prometheus metrics, on a registry of its own (several apps can share a test
 * process). Names follow Prometheus conventions: `_total` counters, `_seconds` histograms.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly answers = new Counter({
    name: 'k8s_quiz_answers_recorded_total',
    help: 'Answers recorded (the first press of a player on an open question), by round kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'k8s_quiz_commands_total',
    help: 'Commands and button presses handled, by platform and command name',
    labelNames: ['platform', 'command'] as const,
    registers: [this.registry],
  });
  readonly interactions = new Histogram({
    name: 'k8s_quiz_interaction_duration_seconds',
    help: 'Time from a command or press reaching the bot to its answer being ready, by platform',
    labelNames: ['platform'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [this.registry],
  });
  readonly posts = new Counter({
    name: 'k8s_quiz_posts_total',
    help: 'Channel posts and updates by platform and outcome: sent, failed, and after a crash recovered (posted by the retry) or found-existing (the platform had it)',
    labelNames: ['platform', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'k8s_quiz_job_duration_seconds',
    help: 'Job run time by job name (daily, close, next, weekly)',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly jobFailures = new Counter({
    name: 'k8s_quiz_job_failures_total',
    help: 'Failed job attempts by job name (each is retried with back-off)',
    labelNames: ['job'] as const,
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'k8s_quiz_' });
    new Gauge({
      name: 'k8s_quiz_open_rounds',
      help: 'Questions open for answers now (daily and live)',
      registers: [this.registry],
      async collect() {
        this.set(await sources.openRounds().catch(() => 0));
      },
    });
    new Gauge({
      name: 'k8s_quiz_redis_up',
      help: '1 when Redis answers, 0 during an outage',
      registers: [this.registry],
      collect() {
        this.set(sources.redisUp() ? 1 : 0);
      },
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
