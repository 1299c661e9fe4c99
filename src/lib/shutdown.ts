/**
 * Graceful shutdown for a service process: on SIGTERM or SIGINT run the cleanup once (stop
 * accepting requests, finish in-flight ones, close sockets and databases) and exit 0. The whole of
 * it is bounded (SHUTDOWN_TIMEOUT_MS, 10 s by default): past the bound, or on a second signal, or
 * when the cleanup fails, the process exits 1 at once, whatever is still open.
 */
import type { FastifyInstance } from 'fastify';

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export interface ShutdownOptions {
  /** The bound on the whole cleanup. */
  timeoutMs?: number;
  /** Tests: instead of process.exit. */
  exit?: (code: number) => void;
}

export function onShutdown(cleanup: () => Promise<void>, log: (message: string) => void, options: ShutdownOptions = {}): void {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      exit(1);
      return;
    }
    stopping = true;
    log(`${signal} received: finishing in-flight requests (at most ${timeoutMs} ms)`);
    const started = Date.now();
    const timer = setTimeout(() => {
      log(`shutdown took longer than ${timeoutMs} ms: exiting with requests or sockets still open`);
      exit(1);
    }, timeoutMs);
    timer.unref();
    cleanup().then(
      () => {
        clearTimeout(timer);
        log(`stopped cleanly in ${Date.now() - started} ms`);
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
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

/**
 * While the app closes, answers carry `Connection: close`, so a keep-alive connection whose request
 * was in flight at SIGTERM ends with its answer instead of holding the server open until the bound
 * (Fastify's forceCloseConnections: 'idle' closes only the connections idle at that moment).
 */
export function closeConnectionsAfterAnswer(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
}
