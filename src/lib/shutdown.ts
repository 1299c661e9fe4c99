/**
 * Graceful shutdown for a service process: on SIGTERM or SIGINT run the cleanup once (stop
 * accepting requests, finish in-flight ones, close databases) and exit 0; a second signal or a
 * cleanup that hangs forces the exit.
 */
const FORCE_EXIT_AFTER_MS = 10_000;

export function onShutdown(cleanup: () => Promise<void>, log: (message: string) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal} received: shutting down`);
    const timer = setTimeout(() => {
      log('shutdown took too long: exiting');
      process.exit(1);
    }, FORCE_EXIT_AFTER_MS);
    timer.unref();
    cleanup().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** One clear line for the errors a service cannot start with (port taken, database unreachable). */
export function describeStartError(error: unknown): string {
  const err = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (err?.code === 'EADDRINUSE') return `port ${err.port ?? ''} is already in use (is another copy running?)`;
  if (err?.code === 'EACCES') return `no permission to listen on port ${err.port ?? ''}`;
  if (err?.code === 'ECONNREFUSED') return `cannot reach ${err.address ?? 'the database'}:${err.port ?? ''} (connection refused)`;
  return err instanceof Error ? err.message : String(error);
}

/**
 * When started by the launcher (IPC channel open), stop as well if the launcher disappears,
 * e.g. killed with SIGKILL, instead of running on as an orphan.
 */
export function stopWithLauncher(): void {
  if (process.send && process.env.HURTROCK_LAUNCHED === '1') {
    process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  }
}
