/**
 * The back office frame: where staff land after logging in, the admin layout (own style sheet,
 * no storefront fonts, sidebar of existing pages only, skip link, breadcrumbs) and flash
 * messages shown exactly once.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFlash } from '../../src/store/admin/flash';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';

describe.each(dbTargets)('admin area on %s', (target) => {
  let store: TestStore;
  let ip = 10;
  const browser = () => new TestBrowser(store.app, `192.0.2.${ip++}`);

  beforeAll(async () => {
    store = await createTestStore(target, {
      sampleData: false,
      adminRoutes: (admin: FastifyInstance) => {
        admin.post('/probe-flash', async (request, reply) => {
          setFlash(request, reply, { kind: 'success', key: 'order.staff.done', params: { status: 'Dikirim' } });
          return reply.redirect('/admin', 303);
        });
      },
    });
    for (const role of ['customer', 'staff', 'admin'] as const) {
      await createUser(store.database.db, { email: `${role}@admin-area.example`, role });
    }
  });
  afterAll(() => store?.close());

  it('lands staff and admins on /admin after login, customers on /akun, unless a safe next= was given', async () => {
    expect((await browser().login('staff@admin-area.example', PASSWORD)).location).toBe('/admin');
    expect((await browser().login('admin@admin-area.example', PASSWORD)).location).toBe('/admin');
    expect((await browser().login('customer@admin-area.example', PASSWORD)).location).toBe('/akun');
    expect((await browser().login('staff@admin-area.example', PASSWORD, { next: '/akun/alamat' })).location).toBe('/akun/alamat');
    expect((await browser().login('staff@admin-area.example', PASSWORD, { next: '//evil.example' })).location).toBe('/admin');
    const b = browser();
    await b.login('staff@admin-area.example', PASSWORD);
    expect((await b.get('/masuk')).location).toBe('/admin');
    expect((await b.get('/masuk?next=%2Fadmin%2Fchat')).location).toBe('/admin/chat');
  });

  it('renders the admin layout: its own styles, the sidebar of existing pages, breadcrumbs and a skip link', async () => {
    const b = browser();
    await b.login('staff@admin-area.example', PASSWORD);
    const page = await b.get('/admin');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html lang="id" class="admin"/);
    expect(page.body).toMatch(/href="\/assets\/admin-styles-[\w-]+\.css"/);
    expect(page.body).not.toContain('metal-mania');
    expect(page.body).not.toContain('rock-salt');
    expect(page.body).toContain('href="#main"');
    expect(page.body).toContain('aria-label="Jejak halaman"');
    const sidebar = /<nav id="admin-nav"[\s\S]*?<\/nav>/.exec(page.body)![0];
    expect([...sidebar.matchAll(/data-admin-nav="(\w+)"/g)].map((m) => m[1])).toEqual(['dashboard', 'orders', 'chat']);
    expect(sidebar).toMatch(/href="\/admin" aria-current="page"/);
    // No customer chat widget in the back office.
    expect(page.body).not.toContain('chat-launcher');

    const chat = await b.get('/admin/chat?lang=en');
    expect(chat.status).toBe(200);
    expect(chat.body).toContain('aria-label="Admin menu"');
    expect(chat.body).toMatch(/href="\/admin\/chat" aria-current="page"/);
    expect(chat.body).toContain('id="chat-console"');
  });

  it('shows a flash message on the next admin page, once', async () => {
    const b = browser();
    await b.login('staff@admin-area.example', PASSWORD);
    await b.get('/admin');
    const res = await b.post('/admin/probe-flash');
    expect(res.status).toBe(303);
    const next = await b.get('/admin?lang=id');
    expect(next.body).toContain('data-admin-flash');
    expect(next.body).toContain('Status pesanan diubah');
    expect((await b.get('/admin')).body).not.toContain('data-admin-flash');
  });

  it('ignores a flash cookie that is forged or belongs to another session', async () => {
    const a = browser();
    await a.login('staff@admin-area.example', PASSWORD);
    await a.get('/admin');
    await a.post('/admin/probe-flash');
    const stolen = a.cookies.get('flash')!;
    const other = browser();
    await other.login('admin@admin-area.example', PASSWORD);
    other.cookies.set('flash', stolen);
    expect((await other.get('/admin')).body).not.toContain('data-admin-flash');
    other.cookies.set('flash', `${stolen.slice(0, -3)}abc`);
    expect((await other.get('/admin')).body).not.toContain('data-admin-flash');
  });
});
