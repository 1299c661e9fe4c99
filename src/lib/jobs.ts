/**
 * One small scheduler for a process's background jobs. Each job runs at most once per period
 * across every instance: before running, an instance claims the job's lease row in the database
 * (`JobLeases.claim`, one conditional UPDATE), and only the instance whose claim succeeded runs it.
 * Jobs run independently of each other: a failing or slow job never delays or skips another.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface JobDefinition {
  /** Unique and stable: the lease row's key. */
  name: string;
  /** The period: a run at most this often, across all instances. */
  everyMs: number;
  /** How long a run may hold the job before another instance may take it over (default 5 min). */
  leaseMs?: number;
  run(): Promise<unknown>;
}

export type JobOutcome = { ok: true; durationMs: number } | { ok: false; durationMs: number; error: string };

/** The lease rows (a repository over `job_leases`). */
export interface JobLeases {
  /** Creates the rows of jobs never seen before (due at once). */
  register(names: readonly string[]): Promise<void>;
  /**
   * Takes the job if it is due (or, with `force`, whenever nobody holds it) and no lease is held;
   * moves its next run a period ahead. True for exactly one of several instances asking at once.
   */
  claim(name: string, claim: { everyMs: number; leaseMs: number; owner: string; force: boolean }): Promise<boolean>;
  /** Releases the lease and records how the run went. */
  finish(name: string, owner: string, outcome: JobOutcome): Promise<void>;
}

export interface SchedulerOptions {
  jobs: readonly JobDefinition[];
  leases: JobLeases;
  /** How often due jobs are looked for (default 1 s). */
  tickMs?: number;
  /** A job (or its claim) failed: logged, nothing else stops. */
  onError?: (error: unknown, job: string) => void;
  /** After every run this instance made (the metrics' job duration). */
  onRun?: (job: string, outcome: JobOutcome) => void;
}

export interface Scheduler {
  /** The id this scheduler claims leases under. */
  readonly owner: string;
  /** Starts the timer (the first look is immediate). */
  start(): void;
  /** Looks for due jobs once and resolves when the runs it started have finished (tests). */
  tick(): Promise<void>;
  /** Runs a job now if nobody holds it, even before its period is over (e.g. an email was queued). */
  runNow(name: string): Promise<void>;
  /** Stops the timer and waits for runs in progress. */
  stop(): Promise<void>;
}

const DEFAULT_LEASE_MS = 5 * 60_000;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { jobs, leases } = options;
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`.slice(0, 120);
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let registered: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const register = () => {
    registered ??= leases.register(jobs.map((j) => j.name)).catch((error: unknown) => {
      registered = undefined;
      throw error;
    });
    return registered;
  };

  async function attempt(job: JobDefinition, force: boolean): Promise<void> {
    await register();
    const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
    if (!(await leases.claim(job.name, { everyMs: job.everyMs, leaseMs, owner, force }))) return;
    const started = performance.now();
    let outcome: JobOutcome;
    try {
      await job.run();
      outcome = { ok: true, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      outcome = { ok: false, durationMs: Math.round(performance.now() - started), error: errorText(error) };
      options.onError?.(error, job.name);
    }
    options.onRun?.(job.name, outcome);
    await leases.finish(job.name, owner, outcome);
  }

  /** One run of `job` in this process at a time; a forced request during a run runs once more after it. */
  function launch(job: JobDefinition, force: boolean): Promise<void> {
    const current = running.get(job.name);
    if (current) {
      if (force) again.add(job.name);
      return current;
    }
    const run = attempt(job, force)
      .catch((error: unknown) => options.onError?.(error, job.name))
      .finally(() => {
        running.delete(job.name);
        if (again.delete(job.name) && !stopped) void launch(job, true);
      });
    running.set(job.name, run);
    return run;
  }

  const tick = async () => {
    if (stopped) return;
    await Promise.all(jobs.map((job) => launch(job, false)));
  };

  return {
    owner,
    start() {
      if (timer || stopped) return;
      void tick();
      timer = setInterval(() => void tick(), options.tickMs ?? 1_000);
      timer.unref();
    },
    tick,
    async runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (job && !stopped) await launch(job, true);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      again.clear();
      await Promise.all(running.values());
    },
  };
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
