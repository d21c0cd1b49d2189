import type { AppConfig } from '../config/app-config.js';
import type { QuestionBank } from '../content/bank.js';
import type { ChartRenderer } from './chart.js';
import type { Clock, JobPlanner, Logger, Outbox } from './ports.js';
import type { QuizStore } from './store-ports.js';

/** What every engine handler works with: content, state, time and the ports to the outside. */
export interface EngineContext {
  bank: QuestionBank;
  store: QuizStore;
  planner: JobPlanner;
  outbox: Outbox;
  clock: Clock;
  config: AppConfig;
  logger: Logger;
  /** Draws charts (the weekly one); without it announcements are text only. */
  charts?: ChartRenderer;
}
