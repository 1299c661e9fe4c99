/**
 * The sidebar, by area: one declarative list. An entry is shown only when its page exists
 * (`ready`) and the user has its role; a new admin page flips its entry to `ready: true`.
 * The role here only decides what is shown: the guard (plugin.ts + each route's
 * `config.role`) decides what is allowed.
 */
import type { UserRole } from '../../db/schema';
import type { MessageKey } from '../../lib/i18n';
import { hasRole } from '../plugins/auth';

export type AdminSection =
  | 'dashboard'
  | 'orders'
  | 'products'
  | 'categories'
  | 'stock'
  | 'suppliers'
  | 'shipping'
  | 'users'
  | 'reports'
  | 'chat'
  | 'settings'
  | 'audit';

export interface AdminNavItem {
  section: AdminSection;
  href: string;
  label: MessageKey;
  /** Font Awesome icon name (solid). */
  icon: string;
  /** Least role that sees the entry. */
  role: Extract<UserRole, 'staff' | 'admin'>;
  /** Whether the page exists yet; entries of pages still to come stay hidden. */
  ready: boolean;
}

export const ADMIN_NAV: readonly AdminNavItem[] = [
  { section: 'dashboard', href: '/admin', label: 'admin.nav.dashboard', icon: 'gauge', role: 'staff', ready: true },
  { section: 'orders', href: '/admin/pesanan', label: 'admin.nav.orders', icon: 'box', role: 'staff', ready: true },
  { section: 'products', href: '/admin/produk', label: 'admin.nav.products', icon: 'guitar', role: 'admin', ready: true },
  { section: 'categories', href: '/admin/kategori', label: 'admin.nav.categories', icon: 'folder-tree', role: 'admin', ready: true },
  { section: 'stock', href: '/admin/stok', label: 'admin.nav.stock', icon: 'warehouse', role: 'admin', ready: true },
  { section: 'suppliers', href: '/admin/pemasok', label: 'admin.nav.suppliers', icon: 'truck-field', role: 'admin', ready: true },
  { section: 'shipping', href: '/admin/pengiriman', label: 'admin.nav.shipping', icon: 'truck-fast', role: 'admin', ready: true },
  { section: 'users', href: '/admin/pengguna', label: 'admin.nav.users', icon: 'users', role: 'admin', ready: true },
  { section: 'reports', href: '/admin/laporan', label: 'admin.nav.reports', icon: 'chart-line', role: 'admin', ready: true },
  { section: 'chat', href: '/admin/chat', label: 'admin.nav.chat', icon: 'comments', role: 'staff', ready: true },
  { section: 'settings', href: '/admin/pengaturan', label: 'admin.nav.settings', icon: 'gear', role: 'admin', ready: true },
  { section: 'audit', href: '/admin/audit', label: 'admin.nav.audit', icon: 'clipboard-list', role: 'admin', ready: true },
];

/** The entries this user sees, in sidebar order. */
export function visibleNav(role: UserRole | undefined, items: readonly AdminNavItem[] = ADMIN_NAV): AdminNavItem[] {
  return items.filter((item) => item.ready && role !== undefined && hasRole(role, item.role));
}

/** The entry a path belongs to: the dashboard only for /admin itself, others for their subtree. */
export function sectionOf(path: string, items: readonly AdminNavItem[] = ADMIN_NAV): AdminSection | undefined {
  const clean = path.replace(/\/+$/, '') || '/';
  return items.find((item) => (item.href === '/admin' ? clean === '/admin' : clean === item.href || clean.startsWith(`${item.href}/`)))
    ?.section;
}
