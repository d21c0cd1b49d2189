import { createRequire } from 'node:module';
import type * as BullMQ from 'bullmq';

/**
 * BullMQ's Queue and Worker from its classes module, not its index: the index also loads the
 * optional PostgreSQL backend (its SQL scripts and migrations, about 1 MB of memory at rest)
 * that this bot never uses. The same CommonJS files as `import … from 'bullmq'`, so classes
 * and `instanceof` agree with code (tests, benches) that imports the package itself.
 */
const require = createRequire(import.meta.url);
const classes = require('bullmq/dist/cjs/classes/index.js') as Pick<typeof BullMQ, 'Queue' | 'Worker'>;

export const { Queue, Worker } = classes;
export type Queue = BullMQ.Queue;
export type Worker = BullMQ.Worker;
