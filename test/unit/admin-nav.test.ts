import { describe, expect, it } from 'vitest';
import { ADMIN_NAV, type AdminNavItem, sectionOf, visibleNav } from '../../src/store/admin/nav';

describe('admin sidebar', () => {
  it('lists every area once, in order, each with its own address under /admin', () => {
    expect(ADMIN_NAV.map((i) => i.section)).toEqual([
      'dashboard',
      'orders',
      'products',
      'categories',
      'stock',
      'suppliers',
      'shipping',
      'users',
      'reports',
      'chat',
      'settings',
      'audit',
    ]);
    for (const item of ADMIN_NAV) expect(item.href).toMatch(/^\/admin(\/[a-z-]+)?$/);
    expect(new Set(ADMIN_NAV.map((i) => i.href)).size).toBe(ADMIN_NAV.length);
  });

  it('shows only pages that exist, to the roles that may open them', () => {
    expect(visibleNav('staff').map((i) => i.section)).toEqual(['dashboard', 'orders', 'chat']);
    const forAdmin = [
      'dashboard',
      'orders',
      'products',
      'categories',
      'stock',
      'suppliers',
      'shipping',
      'users',
      'reports',
      'chat',
      'settings',
      'audit',
    ];
    expect(visibleNav('admin').map((i) => i.section)).toEqual(forAdmin);
    expect(visibleNav('customer')).toEqual([]);
    expect(visibleNav(undefined)).toEqual([]);
    const ready = ADMIN_NAV.map((i): AdminNavItem => ({ ...i, ready: true }));
    expect(visibleNav('staff', ready).map((i) => i.section)).toEqual(['dashboard', 'orders', 'chat']);
    expect(visibleNav('admin', ready)).toHaveLength(ADMIN_NAV.length);
  });

  it('marks the section a path belongs to', () => {
    expect(sectionOf('/admin')).toBe('dashboard');
    expect(sectionOf('/admin/')).toBe('dashboard');
    expect(sectionOf('/admin/chat')).toBe('chat');
    expect(sectionOf('/admin/chat/pelanggan/user:1')).toBe('chat');
    expect(sectionOf('/admin/pesanan/HR-1/status')).toBe('orders');
    expect(sectionOf('/admin/kategori/3')).toBe('categories');
    expect(sectionOf('/admin/pemasok/baru')).toBe('suppliers');
    expect(sectionOf('/admin/pengaturan')).toBe('settings');
    expect(sectionOf('/admin/pengaturan/toko')).toBe('settings');
    expect(sectionOf('/admin/chatting')).toBeUndefined();
    expect(sectionOf('/admin/anything-new')).toBeUndefined();
  });
});
