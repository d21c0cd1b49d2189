import { createRequire } from 'node:module';
import type * as Luxon from 'luxon';

/**
 * Luxon's CommonJS build, the one BullMQ's cron-parser requires: an `import` would load its ES
 * build beside it, a second copy of the same library (about 1.2 MB of memory in every process).
 */
const require = createRequire(import.meta.url);

export const { DateTime } = require('luxon') as typeof Luxon;
export type DateTime = Luxon.DateTime;
