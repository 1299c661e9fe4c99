import { describe, expect, it, vi } from 'vitest';
import type { StoreExecutor } from '../../src/db/store-db';
import { startOutboxWorker } from '../../src/store/mail/service';

describe('the outbox worker', () => {
  it('runs the maintenance tick even when the outbox cannot be read, and logs both failures on their own', async () => {
    // A database that fails every call: the outbox drain fails on it.
    const broken = new Proxy({}, { get: () => () => Promise.reject(new Error('database down')) }) as unknown as StoreExecutor;
    const transport = { send: vi.fn(), close: vi.fn() };
    const log = vi.fn();
    const onTick = vi.fn(async () => {
      throw new Error('job failed');
    });
    const worker = startOutboxWorker({ db: broken, transport, log, onTick, intervalMs: 60_000 });
    worker.poke();
    await vi.waitFor(() => expect(onTick).toHaveBeenCalledTimes(1));
    await worker.stop();
    expect(log.mock.calls.map(([error]) => (error as Error).message).sort()).toEqual(['database down', 'job failed']);
    expect(transport.send).not.toHaveBeenCalled();
    expect(transport.close).toHaveBeenCalledTimes(1);
  });
});
