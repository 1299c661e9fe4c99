/**
 * The scheduler (src/lib/jobs.ts) over an in-memory lease table: jobs run independently (a
 * throwing job never stops the next), runs of one job never overlap in a process, a forced run
 * during a run runs once more after it, and stop() waits for the runs in progress.
 */
import { describe, expect, it, vi } from 'vitest';
import { createScheduler, type JobLeases, type JobOutcome } from '../../src/lib/jobs';

/** Leases that are always due (the database's period check is tested in the integration test). */
function freeLeases(): JobLeases & { finished: Array<[string, JobOutcome]> } {
  const finished: Array<[string, JobOutcome]> = [];
  const held = new Set<string>();
  return {
    finished,
    register: async () => {},
    async claim(name) {
      if (held.has(name)) return false;
      held.add(name);
      return true;
    },
    async finish(name, _owner, outcome) {
      held.delete(name);
      finished.push([name, outcome]);
    },
  };
}

describe('the job scheduler', () => {
  it('runs every job even when one throws, logs the failure and records both outcomes', async () => {
    const leases = freeLeases();
    const onError = vi.fn();
    const onRun = vi.fn();
    const second = vi.fn(async () => {});
    const scheduler = createScheduler({
      leases,
      onError,
      onRun,
      jobs: [
        { name: 'broken', everyMs: 1_000, run: () => Promise.reject(new Error('database down')) },
        { name: 'fine', everyMs: 1_000, run: second },
      ],
    });
    await scheduler.tick();
    expect(second).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'database down' }), 'broken');
    expect(leases.finished.map(([name, o]) => [name, o.ok])).toEqual(
      expect.arrayContaining([
        ['broken', false],
        ['fine', true],
      ]),
    );
    expect(leases.finished.find(([name]) => name === 'broken')?.[1]).toMatchObject({ error: 'database down' });
    expect(onRun).toHaveBeenCalledTimes(2);
  });

  it('never overlaps runs of one job, runs once more after a forced request, and stop() waits', async () => {
    let release!: () => void;
    let runs = 0;
    const scheduler = createScheduler({
      leases: freeLeases(),
      jobs: [
        {
          name: 'slow',
          everyMs: 1_000,
          run: () => {
            runs++;
            return new Promise<void>((resolve) => {
              release = resolve;
            });
          },
        },
      ],
    });
    const first = scheduler.tick();
    await vi.waitFor(() => expect(runs).toBe(1));
    void scheduler.tick();
    void scheduler.runNow('slow');
    expect(runs).toBe(1);
    release();
    await first;
    await vi.waitFor(() => expect(runs).toBe(2));
    const stopped = scheduler.stop();
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    release();
    await stopped;
    await scheduler.tick();
    expect(runs).toBe(2);
  });
});
