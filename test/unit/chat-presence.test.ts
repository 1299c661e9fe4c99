import { describe, expect, it } from 'vitest';
import { createMemoryPresence } from '../../src/chat/presence';

const customer = { sub: 'c-1', role: 'customer' as const, name: 'C' };
const guest = { sub: 'g-1', role: 'guest' as const, name: 'G' };
const staff = { sub: 's-1', role: 'staff' as const, name: 'S' };
const admin = { sub: 'a-1', role: 'admin' as const, name: 'A' };

describe('in-memory presence', () => {
  it('announces a customer on the first tab and off on the last', async () => {
    const presence = createMemoryPresence();
    expect(await presence.connect(customer, 't1')).toEqual([{ type: 'customer', customerId: 'c-1', online: true }]);
    expect(await presence.connect(customer, 't2')).toEqual([]);
    expect(await presence.disconnect(customer, 't1')).toEqual([]);
    expect(await presence.onlineCustomers()).toEqual(['c-1']);
    expect(await presence.disconnect(customer, 't2')).toEqual([{ type: 'customer', customerId: 'c-1', online: false }]);
    expect(await presence.onlineCustomers()).toEqual([]);
  });

  it('ignores a disconnect it never saw connect (no "offline" twice)', async () => {
    const presence = createMemoryPresence();
    await presence.connect(guest, 't1');
    expect(await presence.disconnect(guest, 'other')).toEqual([]);
    expect(await presence.disconnect(guest, 't1')).toHaveLength(1);
    expect(await presence.disconnect(guest, 't1')).toEqual([]);
  });

  it('announces support on the first staff socket and off on the last, admins included', async () => {
    const presence = createMemoryPresence();
    expect(await presence.staffOnline()).toBe(false);
    expect(await presence.connect(staff, 's1')).toEqual([{ type: 'support', online: true }]);
    expect(await presence.connect(admin, 'a1')).toEqual([]);
    expect(await presence.disconnect(staff, 's1')).toEqual([]);
    expect(await presence.staffOnline()).toBe(true);
    expect(await presence.disconnect(admin, 'a1')).toEqual([{ type: 'support', online: false }]);
    expect(await presence.onlineCustomers()).toEqual([]);
  });

  it('forgets everyone on close and ignores later sockets', async () => {
    const presence = createMemoryPresence();
    await presence.connect(customer, 't1');
    expect(await presence.close()).toEqual([]);
    expect(await presence.disconnect(customer, 't1')).toEqual([]);
    expect(await presence.connect(staff, 's1')).toEqual([]);
    expect(await presence.staffOnline()).toBe(false);
  });
});
