/**
 * Preloaded into the chat process by bench/chat-load.ts only (`--import`), never in production:
 * answers `{ type: 'memory' }` IPC messages with process.memoryUsage() after a full GC (the
 * process runs with --expose-gc), so the benchmark measures live heap, not garbage.
 */
process.on('message', (message: unknown) => {
  if ((message as { type?: string })?.type !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ type: 'memory', ...process.memoryUsage() });
});
// The benchmark is gone (crashed or killed): do not run on as an orphan.
process.on('disconnect', () => process.exit(0));
