import type { Socket as ClientSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { ChatApp } from '../../src/chat/app';
import { EVENT_RATE } from '../../src/chat/contract';
import { nextEvent, recordEvents, request, serverDisconnected, uniqueSub, useChat } from '../helpers/chat-harness';

/**
 * C5 on one instance (in-memory presence). Whether support is online is global state, so every
 * test gets its own app instance (its own presence) on the shared database.
 */
describe('chat presence (one instance)', () => {
  const harness = useChat('pglite');

  async function instance() {
    const { app, url } = await harness.chat.startInstance();
    const client = (role: 'customer' | 'guest' | 'staff' | 'admin', sub?: string) => harness.clientAt(url, role, sub);
    return { app, client };
  }

  async function leave(app: ChatApp, socket: ClientSocket) {
    const id = socket.id;
    socket.disconnect();
    await serverDisconnected(app, id);
  }

  it('a customer sees support offline, online when staff connect, offline when they leave', async () => {
    const { app, client } = await instance();
    const customer = await client('customer');
    expect(await request(customer, 'presence:support:get', {})).toEqual({ ok: true, online: false });

    const comesOnline = nextEvent(customer, 'presence:support');
    const staff = await client('staff');
    expect(await comesOnline).toEqual({ online: true });
    expect(await request(customer, 'presence:support:get', {})).toEqual({ ok: true, online: true });

    const goesOffline = nextEvent(customer, 'presence:support');
    await leave(app, staff);
    expect(await goesOffline).toEqual({ online: false });
    expect(await request(customer, 'presence:support:get', {})).toEqual({ ok: true, online: false });
  });

  it('support stays online until the last staff member (any tab, admins too) leaves', async () => {
    const { app, client } = await instance();
    const customer = await client('customer');
    const seen = recordEvents(customer, 'presence:support');
    const staffSub = uniqueSub('staff');
    const tab1 = await client('staff', staffSub);
    const tab2 = await client('staff', staffSub);
    const admin = await client('admin');
    await leave(app, tab1);
    expect(await request(customer, 'presence:support:get', {})).toEqual({ ok: true, online: true });
    await leave(app, tab2);
    expect(await request(customer, 'presence:support:get', {})).toEqual({ ok: true, online: true });
    expect(seen).toEqual([{ online: true }]);

    const offline = nextEvent(customer, 'presence:support', (p) => !p.online);
    await leave(app, admin);
    await offline;
    expect(seen).toEqual([{ online: true }, { online: false }]);
  });

  it('staff see a customer come online and go offline only when all their tabs are closed', async () => {
    const { app, client } = await instance();
    const staff = await client('staff');
    const sub = uniqueSub('customer');
    const seen = recordEvents(staff, 'presence:customer');

    const online = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub);
    const tab1 = await client('customer', sub);
    expect(await online).toEqual({ customerId: sub, online: true });
    const tab2 = await client('customer', sub);
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([sub]);

    await leave(app, tab1);
    // Handled after the disconnect, so an "offline" for tab 1 would already have arrived.
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([sub]);
    expect(seen).toEqual([{ customerId: sub, online: true }]);

    const offline = nextEvent(staff, 'presence:customer', (p) => p.customerId === sub && !p.online);
    await leave(app, tab2);
    await offline;
    expect(seen).toEqual([
      { customerId: sub, online: true },
      { customerId: sub, online: false },
    ]);
    expect(await request(staff, 'presence:customers:get')).toEqual({ ok: true, online: [] });
  });

  it('counts guests as customers and keeps staff out of the customer list', async () => {
    const { client } = await instance();
    const staff = await client('staff');
    const guestSub = uniqueSub('guest');
    const online = nextEvent(staff, 'presence:customer', (p) => p.customerId === guestSub);
    await client('guest', guestSub);
    await online;
    await client('admin');
    expect((await request(staff, 'presence:customers:get', {})).online).toEqual([guestSub]);
  });

  it('a customer cannot ask for the customer list nor hear who comes online', async () => {
    const { client } = await instance();
    const customer = await client('customer');
    const heard = recordEvents(customer, 'presence:customer');
    expect(await request(customer, 'presence:customers:get', {})).toEqual({ ok: false, error: { code: 'forbidden' } });

    const staff = await client('staff');
    const other = uniqueSub('customer');
    const seenByStaff = nextEvent(staff, 'presence:customer', (p) => p.customerId === other);
    await client('customer', other);
    await seenByStaff;
    // Anything sent to this socket before the answer would have arrived before it.
    await request(customer, 'presence:support:get', {});
    expect(heard).toEqual([]);
  });

  it('validates payloads and rate limits presence requests like other events', async () => {
    const { client } = await instance();
    const customer = await client('customer');
    expect((await request(customer, 'presence:support:get', 'staff please')).error.code).toBe('invalid_request');
    expect((await request(customer, 'presence:support:get', 42)).error.code).toBe('invalid_request');
    // Without any payload (the ack comes first) it still answers.
    expect(await customer.timeout(5_000).emitWithAck('presence:support:get')).toEqual({ ok: true, online: false });

    const results = await Promise.all(Array.from({ length: 100 }, () => request(customer, 'presence:support:get', {})));
    const limited = results.filter((r) => r.error?.code === 'rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(100 - EVENT_RATE.burst - 5);
  });
});
