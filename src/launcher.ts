/**
 * `npm start` (and `hurtrock` with no sub-command): runs the store and the chat service as two
 * child processes, restarts one that crashes (with back-off), and stops both cleanly on Ctrl-C /
 * SIGTERM (exit code 0).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONFIG_ERROR_EXIT_CODE, type Config, loadConfigOrExit } from './config';
import { packagedRuntime } from './lib/packaged';
import { STORE_NODE_FLAGS } from './lib/runtime-flags';

interface ServiceSpec {
  name: 'store' | 'chat';
  /** Arguments for process.execPath that start this service. */
  args: string[];
  healthUrl: string;
  /** SIGTERM → SIGKILL after this (the service's SHUTDOWN_TIMEOUT_MS plus a grace). */
  stopTimeoutMs: number;
}

const FIRST_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** A service that ran this long before crashing starts again from the first delay. */
const STABLE_AFTER_MS = 60_000;
/** Beyond a service's own bound (SHUTDOWN_TIMEOUT_MS), how long the launcher waits before SIGKILL. */
const STOP_GRACE_MS = 5_000;

const say = (message: string) => process.stdout.write(`[launcher] ${message}\n`);

class Supervisor {
  private child: ChildProcess | undefined;
  private restartDelay = FIRST_RESTART_DELAY_MS;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly spec: ServiceSpec,
    private readonly onFatal: (code: number) => void,
  ) {}

  start(): void {
    const startedAt = Date.now();
    // Own process group: Ctrl-C reaches only the launcher, which then stops the services in order.
    // The IPC channel lets a service notice the launcher vanished (kill -9) and stop too.
    const child = spawn(process.execPath, this.spec.args, {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      detached: true,
      env: { ...process.env, HURTROCK_LAUNCHED: '1' },
    });
    this.child = child;
    child.on('exit', (code, signal) => {
      this.child = undefined;
      if (this.stopping) return;
      if (code === CONFIG_ERROR_EXIT_CODE) {
        this.onFatal(code);
        return;
      }
      if (Date.now() - startedAt > STABLE_AFTER_MS) this.restartDelay = FIRST_RESTART_DELAY_MS;
      const reason = signal ? `killed by ${signal}` : `exit code ${code}`;
      say(`${this.spec.name} stopped unexpectedly (${reason}); restarting in ${this.restartDelay / 1000} s`);
      this.restartTimer = setTimeout(() => this.start(), this.restartDelay);
      this.restartDelay = Math.min(this.restartDelay * 2, MAX_RESTART_DELAY_MS);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), this.spec.stopTimeoutMs);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

async function waitUntilHealthy(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

function printBanner(config: Config, startedAt: number) {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const lines = [
    '',
    `  Hurtrock Music Store is running (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`,
    `    Store:  ${config.store.publicUrl}`,
    `    Chat:   http://${host}:${config.chat.port}`,
    `    Admin:  ${config.admin.email}, password from ADMIN_PASSWORD or the one printed above at first start`,
    '    Stop:   Ctrl-C',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function main() {
  const startedAt = Date.now();
  const config = loadConfigOrExit();
  // The executable runs itself again with a sub-command (it has no script files); `npm start` runs the bundles beside this one.
  const serviceArgs = (name: ServiceSpec['name']) =>
    packagedRuntime()
      ? [name]
      : [...process.execArgv, ...(name === 'store' ? STORE_NODE_FLAGS : []), fileURLToPath(new URL(`./${name}/main.js`, import.meta.url))];
  const services: Supervisor[] = [];
  let shuttingDown = false;

  const shutdown = async (exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say('stopping services…');
    await Promise.all(services.map((s) => s.stop()));
    say('stopped');
    process.exit(exitCode);
  };

  const stopTimeoutMs = config.shutdownTimeoutMs + STOP_GRACE_MS;
  const specs: ServiceSpec[] = [
    { name: 'store', args: serviceArgs('store'), healthUrl: `http://127.0.0.1:${config.store.port}/healthz`, stopTimeoutMs },
    { name: 'chat', args: serviceArgs('chat'), healthUrl: `http://127.0.0.1:${config.chat.port}/healthz`, stopTimeoutMs },
  ];
  for (const spec of specs) {
    const supervisor = new Supervisor(spec, (code) => void shutdown(code));
    services.push(supervisor);
    supervisor.start();
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const healthy = await Promise.all(specs.map((s) => waitUntilHealthy(s.healthUrl, 120_000)));
  if (shuttingDown) return;
  if (healthy.every(Boolean)) printBanner(config, startedAt);
  else
    say(
      `not healthy after 2 minutes: ${specs
        .filter((_, i) => !healthy[i])
        .map((s) => s.name)
        .join(', ')}`,
    );
}

void main();
