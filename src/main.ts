import { createApp } from './app.js';
import { readEnv } from './config/env.js';

/** `npm start`: the platforms whose credentials are set, or the terminal playground. */
async function main(): Promise<void> {
  const app = await createApp({ env: readEnv() });
  const stop = () => void app.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.start();
  await app.finished;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // One readable line, never a stack trace, for errors an admin can fix (config, content, redis).
    process.stderr.write(`k8s-quiz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
