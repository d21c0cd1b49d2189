/** `npm run bench`: every benchmark, one after the other (each starts its own redis-server). */
await import('./answer-path.js');
console.log();
await import('./daily-fanout.js');
console.log();
await import('./paced-fanout.js');
console.log();
await import('./search.js');
console.log();
await import('./chart.js');
console.log();
await import('./startup.js');
console.log();
await import('./memory.js');
console.log();
await import('./slack-press.js');
console.log();
await import('./image-size.js');
