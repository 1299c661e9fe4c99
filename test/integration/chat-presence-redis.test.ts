import { randomBytes } from 'node:crypto';
import type { Socket as ClientSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { ChatApp } from '../../src/chat/app';
import { createRedisPresence } from '../../src/chat/presence';
import { createRedis } from '../../src/lib/redis';
import { nextEvent, recordEvents, request, serverDisconnected, uniqueSub, useChat } from '../helpers/chat-harness';

/** C5 across instances: presence lives in Redis (needs TEST_REDIS_URL, as in CI). */
describe.runIf(process.env.TEST_REDIS_URL)('chat presence across instances with Redis', () => {
  const redisUrl = process.env.TEST_REDIS_URL!;
  const harness = useChat('pglite');

  /** Two instances on their own key prefix: presence is global state, so each test has its own. */
  async function twoInstances(presenceTiming?: { ttlMs: number; heartbeatMs: number }) {
    const redisKey = `test-presence-${randomBytes(4).toString('hex')}`;
    const one = await harness.chat.startInstance({ redisUrl, redisKey, presenceTiming });
    const two = await harness.chat.startInstance({ redisUrl, redisKey, presenceTiming });
    const client = (at: { url: string }, role: 'customer' | 'staff', sub?: string) => harness.clientAt(at.url, role, sub);
    return { one, two, redisKey, client };
  }

  async function leave(app: ChatApp, socket: ClientSocket) {
    const id = socket.id;
    socket.disconnect();
    await serverDisconnected(app, id);
  }

  it('a customer on instance 1 sees staff on instance 2 come online and leave', async () => {
    const { one, two, client } = await twoInstances();
    const customer = await client(one, 'customer');
    expect(await request(customer, 'presence:support:get', {})).toEqual({ ok: true, online: false });

    const online = nextEvent(customer, 'presence:support');
    const staff = await client(two, 'staff');
    expect(await online).toEqual({ online: true });
    expect(await request(customer, 'presence:support:get', {})).toEqual({ ok: true, online: true });

    const offline = nextEvent(customer, 'presence:support');
    await leave(two.app, staff);
    expect(await offline).toEqual({ online: false });
    expect(await request(customer, 'presence:support:get', {})).toEqual({ ok: true, online: false });
  });

  it('staff on instance 2 see a customer on instance 1, online while any tab on any instance is open', async () => {
    const { one, two, client } = await twoInstances();
    const staff = await client(two, 'staff');
    const sub = uniqueSub('customer');
    const seen = recordEvents(staff, 'presence:customer');

    const online = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub);
    const tabOnOne = await client(one, 'customer', sub);
    expect(await online).toEqual({ customerId: sub, online: true });
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([sub]);

    const tabOnTwo = await client(two, 'customer', sub);
    await leave(one.app, tabOnOne);
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([sub]);

    const offline = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub && !p.online);
    await leave(two.app, tabOnTwo);
    await offline;
    expect(seen).toEqual([
      { customerId: sub, online: true },
      { customerId: sub, online: false },
    ]);
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([]);
  });

  it('a stopped instance takes its users offline at once', async () => {
    const { one, two, client } = await twoInstances();
    const staff = await client(one, 'staff');
    const sub = uniqueSub('customer');
    const online = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub);
    const customer = await client(two, 'customer', sub);
    await online;
    expect(customer.connected).toBe(true);

    const offline = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub && !p.online);
    await two.app.close();
    await offline;
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([]);
  });

  it("a crashed instance's users go offline after the TTL, announced by a live instance", async () => {
    const timing = { ttlMs: 1_000, heartbeatMs: 200 };
    const { one, redisKey, client } = await twoInstances(timing);
    const staff = await client(one, 'staff');

    // An instance that connects a customer and a staff member, then loses Redis for good (as a
    // crash would): no cleanup, no heartbeats.
    const crashing = createRedis(redisUrl);
    await crashing.connect();
    const ghost = createRedisPresence({ redis: crashing, key: redisKey, ...timing, onChange: () => {} });
    const sub = uniqueSub('customer');
    await ghost.connect({ sub, role: 'customer', name: 'Ghost' }, 'socket-1');
    await ghost.connect({ sub: uniqueSub('staff'), role: 'staff', name: 'Ghost staff' }, 'socket-2');
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([sub]);

    const started = Date.now();
    const offline = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub && !p.online, 5_000);
    crashing.disconnect();
    await offline;
    expect(Date.now() - started).toBeLessThan(timing.ttlMs + 3 * timing.heartbeatMs + 500);
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([]);
    // The real staff socket on instance 1 keeps support online.
    expect((await request(staff, 'presence:support:get', {})).online).toBe(true);
    await ghost.close().catch(() => {});
  });

  it('support goes offline when the crashed instance held the only staff member', async () => {
    const timing = { ttlMs: 1_000, heartbeatMs: 200 };
    const { one, redisKey, client } = await twoInstances(timing);
    const customer = await client(one, 'customer');
    const crashing = createRedis(redisUrl);
    await crashing.connect();
    const ghost = createRedisPresence({ redis: crashing, key: redisKey, ...timing, onChange: () => {} });
    await ghost.connect({ sub: uniqueSub('staff'), role: 'admin', name: 'Ghost admin' }, 'socket-1');
    expect((await request(customer, 'presence:support:get', {})).online).toBe(true);

    const offline = nextEvent(customer, 'presence:support', (p) => !p.online, 5_000);
    crashing.disconnect();
    await offline;
    expect((await request(customer, 'presence:support:get', {})).online).toBe(false);
    await ghost.close().catch(() => {});
  });

  it('puts back what Redis lost on the next heartbeat', async () => {
    const timing = { ttlMs: 1_000, heartbeatMs: 200 };
    const { one, two, redisKey, client } = await twoInstances(timing);
    const staff = await client(one, 'staff');
    const sub = uniqueSub('customer');
    const online = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub);
    await client(two, 'customer', sub);
    await online;

    // Lose this test's keys only (the Redis is shared with other test files).
    const admin = createRedis(redisUrl);
    await admin.connect();
    const keys = await admin.keys(`{${redisKey}}:presence*`);
    expect(keys.length).toBeGreaterThan(0);
    await admin.del(...keys);
    await admin.quit();
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([]);

    const back = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub && p.online, 3_000);
    await back;
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([sub]);
    expect((await request(staff, 'presence:support:get', {})).online).toBe(true);
  });
});
