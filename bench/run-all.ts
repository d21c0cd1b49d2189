/** `npm run bench`: every benchmark, one after the other (each starts its own redis-server). */
await import('./answer-path.js');
console.log();
await import('./daily-fanout.js');
console.log();
await import('./search.js');
console.log();
await import('./chart.js');
console.log();
await import('./startup.js');
