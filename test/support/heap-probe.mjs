// Preloaded into the server a load test starts (NODE_OPTIONS=--import): on SIGUSR2 it collects all
// garbage and prints what is still alive, so the harness measures what the server keeps rather
// than how lazily V8 collects (its RSS can double in a long run with nothing leaking).
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

process.on('SIGUSR2', () => {
  // Twice, a turn apart: what a WeakRef kept alive through the first turn goes in the second.
  gc();
  setImmediate(() => {
    gc();
    const { heapUsed, external, rss } = process.memoryUsage();
    process.stdout.write(`heap-probe ${JSON.stringify({ heapUsed, external, rss })}\n`);
  });
});
