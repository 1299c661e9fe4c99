/**
 * Background jobs on one scheduler (X5): two schedulers on the same database — two store
 * instances — run a job exactly once per period, a throwing job neither stops the next one nor
 * keeps its lease, and the job lag and run duration reach /metrics.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobLeases } from '../../src/db/schema';
import { openStoreDatabase, type StoreDbHandle } from '../../src/db/store-db';
import { createScheduler, type JobDefinition, type Scheduler } from '../../src/lib/jobs';
import { createJobLeaseRepository } from '../../src/store/jobs/repository';
import { createTestDatabase, dbTargets, type TestDatabase } from '../helpers/databases';
import { createTestStore, testConfig, type TestStore } from '../helpers/store-app';

const TOKEN = 'metrics-token-for-tests-0123456789';
const PERIOD_MS = 1_500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(dbTargets)('job scheduler on %s', (target) => {
  let dataDir: string;
  let testDb: TestDatabase;
  /** Two handles on one database (PostgreSQL: two pools, as two processes have); PGlite has one. */
  let first: StoreDbHandle;
  let second: StoreDbHandle;
  const schedulers: Scheduler[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-jobs-'));
    const config = testConfig(dataDir);
    testDb = await createTestDatabase(target);
    first = await openStoreDatabase(config, { url: testDb.url, inMemory: !testDb.url });
    await first.migrate();
    second = testDb.url ? await openStoreDatabase(config, { url: testDb.url }) : first;
  });
  afterAll(async () => {
    for (const s of schedulers) await s.stop();
    if (second !== first) await second?.close();
    await first?.close();
    await testDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Two "instances" scheduling the same jobs, each with its own database handle. */
  function twoInstances(jobs: JobDefinition[]): [Scheduler, Scheduler] {
    const pair = [first, second].map((db) => createScheduler({ jobs, leases: createJobLeaseRepository(db.db), onError: () => {} }));
    schedulers.push(...pair);
    return pair as [Scheduler, Scheduler];
  }

  const lease = async (name: string) => (await first.db.select().from(jobLeases).where(eq(jobLeases.name, name)))[0]!;

  it('runs a job exactly once per period however many instances ask at once', async () => {
    let runs = 0;
    const [a, b] = twoInstances([
      {
        name: 'count once',
        everyMs: PERIOD_MS,
        run: async () => {
          runs++;
          await sleep(50);
        },
      },
    ]);
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(runs).toBe(1);
    // Within the period: nobody runs it again.
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(1);
    const row = await lease('count once');
    expect(row.lockedUntil).toBeNull();
    expect(row.lastSucceededAt).toBeInstanceOf(Date);
    expect([a.owner, b.owner]).toContain(row.lockedBy);

    await sleep(PERIOD_MS + 100);
    await Promise.all([b.tick(), a.tick(), b.tick(), a.tick()]);
    expect(runs).toBe(2);
  });

  it('does not let a throwing job stop the next one, nor keep its lease', async () => {
    let fine = 0;
    const [a, b] = twoInstances([
      {
        name: 'always throws',
        everyMs: PERIOD_MS,
        run: async () => {
          throw new Error('provider down');
        },
      },
      { name: 'after it', everyMs: PERIOD_MS, run: async () => void fine++ },
    ]);
    await Promise.all([a.tick(), b.tick()]);
    expect(fine).toBe(1);
    const failed = await lease('always throws');
    expect(failed.lastError).toBe('provider down');
    expect(failed.lastFailedAt).toBeInstanceOf(Date);
    expect(failed.lastSucceededAt).toBeNull();
    expect(failed.lockedUntil).toBeNull();
    // Retried at its next period like any other run.
    await sleep(PERIOD_MS + 100);
    await Promise.all([a.tick(), b.tick()]);
    expect(fine).toBe(2);
    expect((await lease('always throws')).lastFailedAt!.getTime()).toBeGreaterThan(failed.lastFailedAt!.getTime());
  });

  it('lets another instance take over a job whose runner died holding the lease, once the lease ends', async () => {
    let runs = 0;
    const jobs = [{ name: 'taken over', everyMs: 60_000, leaseMs: 300, run: async () => void runs++ }];
    const [a, b] = twoInstances(jobs);
    await a.tick();
    expect(runs).toBe(1);
    // As if `a` had crashed mid-run: the lease is held and the next run is due.
    await first.db
      .update(jobLeases)
      .set({ lockedBy: 'crashed:1', lockedUntil: new Date(Date.now() + 300), nextRunAt: new Date(Date.now() - 1_000) })
      .where(eq(jobLeases.name, 'taken over'));
    await b.tick();
    expect(runs).toBe(1);
    await sleep(400);
    await b.tick();
    expect(runs).toBe(2);
    expect((await lease('taken over')).lockedBy).toBe(b.owner);
  });
});

describe.each(dbTargets)('job metrics on %s', (target) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(target, { sampleData: false, env: { METRICS_TOKEN: TOKEN, CHAT_HEALTH_URL: 'off' } });
  });
  afterAll(() => store?.close());

  it('reports each job’s seconds since success (from the shared lease rows) and its run duration', async () => {
    const scheduler = createScheduler({
      leases: createJobLeaseRepository(store.database.db),
      onRun: store.app.maintenance.jobRan,
      onError: () => {},
      jobs: [
        { name: 'purge sessions', everyMs: 60_000, run: () => store.app.maintenance.purgeSessions() },
        { name: 'never works', everyMs: 60_000, run: () => Promise.reject(new Error('no')) },
      ],
    });
    await scheduler.tick();
    await scheduler.stop();
    const text = (await store.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    const value = (series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(value('hurtrock_job_seconds_since_success{job="purge sessions"}')).toBeLessThan(5);
    expect(value('hurtrock_job_seconds_since_success{job="never works"}')).toBeGreaterThanOrEqual(0);
    expect(value('hurtrock_job_duration_seconds_count{job="purge sessions",outcome="ok"}')).toBe(1);
    expect(value('hurtrock_job_duration_seconds_count{job="never works",outcome="failed"}')).toBe(1);
  });
});
