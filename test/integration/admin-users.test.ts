/**
 * A8 Users through HTTP: the list and its filters, an account's page (forged ids 404), inviting
 * staff (field errors, duplicate email, the 72-hour single-use link, re-sending), role changes and
 * deactivation with the self and last-admin rules, deactivation ending sessions and chat tokens,
 * password reset and two-factor reset; every change writes exactly one audit entry, a refused one
 * none (audit_log is read directly).
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_TOKEN_PATH } from '../../src/chat/contract';
import { auditLog, orders, recoveryCodes, sessions, users, userTokens } from '../../src/db/schema';
import { transactionRunner } from '../../src/db/store-db';
import { createRedis, type RedisClient } from '../../src/lib/redis';
import { sha256, signToken } from '../../src/lib/tokens';
import { createUsersRepository } from '../../src/store/users/repository';
import { createUsersService } from '../../src/store/users/service';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, lastEmail, PASSWORD, TestBrowser } from './accounts-client';

const fieldError = (body: string, field: string) => new RegExp(`id="f-${field}-error" class="invalid-feedback">([^<]+)<`).exec(body)?.[1];

describe.each(dbTargets)('admin users on %s', (target) => {
  let store: TestStore;
  let admin: TestBrowser;
  let adminId: number;
  let ip = 10;
  const browser = () => new TestBrowser(store.app, `198.51.100.${ip++}`);
  const db = () => store.database.db;

  async function auditCount(action: string, subjectId?: number): Promise<number> {
    const where =
      subjectId === undefined ? eq(auditLog.action, action) : and(eq(auditLog.action, action), eq(auditLog.subjectId, String(subjectId)));
    const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
    return Number(row?.n ?? 0);
  }
  async function userRow(id: number) {
    const [row] = await db().select().from(users).where(eq(users.id, id));
    return row!;
  }
  async function signedIn(email: string) {
    const b = browser();
    const res = await b.login(email, PASSWORD);
    expect(res.status).toBe(303);
    return b;
  }

  beforeAll(async () => {
    store = await createTestStore(target);
    adminId = (await createUser(db(), { email: 'boss@users.example', role: 'admin', name: 'Bos Toko' })).id;
    await createUser(db(), { email: 'kasir@users.example', role: 'staff', name: 'Kasir Satu' });
    await createUser(db(), { email: 'pelanggan@users.example', role: 'customer', name: 'Pelanggan Setia' });
    admin = await signedIn('boss@users.example');
  });
  afterAll(() => store?.close());

  describe('list and page', () => {
    it('lists accounts with role, status and 2FA badges, filtered, sorted and searched through the URL; admins only', async () => {
      const page = await admin.get('/admin/pengguna');
      expect(page.status).toBe(200);
      expect(page.body).toContain('data-admin-nav="users"');
      expect(page.body).toMatch(/href="\/admin\/pengguna" aria-current="page"/);
      expect(page.body).toContain('Kasir Satu');
      expect(page.body).toContain('data-user-2fa="off"');

      const customers = await admin.get('/admin/pengguna?peran=customer');
      expect(customers.body).toContain('Pelanggan Setia');
      expect(customers.body).not.toContain('Kasir Satu');
      expect(customers.body).not.toContain('data-user-role="staff"');

      const search = await admin.get('/admin/pengguna?q=kasir%40users');
      expect(search.body).toContain('Kasir Satu');
      expect(search.body).not.toContain('Pelanggan Setia');
      // A search for "%" matches the character, not everything.
      expect((await admin.get('/admin/pengguna?q=%25')).body).not.toContain('Kasir Satu');

      const byName = await admin.get('/admin/pengguna?urut=name');
      const names = [...byName.body.matchAll(/data-user-row="\d+"[\s\S]*?class="fw-semibold"[^>]*>([^<]+)</g)].map((m) => m[1]!);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
      expect(byName.body).toMatch(/aria-sort="ascending"[\s\S]*?data-sort-column="name"/);

      // Bad values fall back to the defaults instead of failing.
      expect((await admin.get('/admin/pengguna?peran=owner&status=x&urut=y&page=-1')).status).toBe(200);

      const staff = await signedIn('kasir@users.example');
      expect((await staff.get('/admin/pengguna')).status).toBe(403);
      expect((await staff.get('/admin')).body).not.toContain('data-admin-nav="users"');
      const anonymous = await store.app.inject({ method: 'GET', url: '/admin/pengguna' });
      expect(anonymous.statusCode).toBe(303);
    });

    it('links the dashboard’s customers figure to the customers list', async () => {
      const dashboard = await admin.get('/admin');
      expect(dashboard.body).toContain('href="/admin/pengguna?peran=customer"');
    });

    it('shows an account with its orders (linked to the desk) and recent actions; a forged id is a 404', async () => {
      const customer = await createUser(db(), { email: 'pembeli@users.example', name: 'Pembeli Order' });
      await db()
        .insert(orders)
        .values({
          number: 'HR-USERS-00001',
          userId: customer.id,
          email: customer.email,
          customerName: customer.name,
          idempotencyKey: `users-${Math.random()}`,
          shipRecipient: 'Pembeli',
          shipPhone: '081234567890',
          shipStreet: 'Jl. Contoh 1',
          shipCity: 'Bandung',
          shipProvince: 'Jawa Barat',
          shipPostalCode: '40111',
          shippingCourier: 'JNE',
          shippingServiceName: 'REG',
          shippingMinDays: 1,
          shippingMaxDays: 2,
          billableKg: 1,
          shippingCost: 0,
          shippingCharge: 0,
          subtotal: 150000,
          total: 150000,
          paymentMethod: 'bank_transfer',
          expiresAt: new Date(Date.now() + 86_400_000),
        });
      const page = await admin.get(`/admin/pengguna/${customer.id}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('href="/admin/pesanan/HR-USERS-00001"');
      expect(page.body).toContain('data-user-audit');

      for (const url of ['/admin/pengguna/999999', '/admin/pengguna/abc', '/admin/pengguna/0', '/admin/pengguna/99999999999']) {
        expect((await admin.get(url)).status).toBe(404);
      }
      for (const action of ['peran', 'status', 'undangan', 'reset-password', 'dua-langkah']) {
        expect((await admin.post(`/admin/pengguna/999999/${action}`, { role: 'staff', active: '0' })).status).toBe(404);
      }
    });
  });

  describe('invitations', () => {
    const inviteForm = (fields: Record<string, string>) => ({
      name: 'Staf Baru',
      email: 'baru@users.example',
      role: 'staff',
      locale: 'id',
      ...fields,
    });

    it('refuses invalid input with a message per field, keeping the values, and writes nothing', async () => {
      await admin.get('/admin/pengguna/baru');
      const before = await auditCount('user.invited');
      const bad = await admin.post('/admin/pengguna', inviteForm({ name: '', email: 'not-an-email', role: 'customer' }));
      expect(bad.status).toBe(400);
      expect(fieldError(bad.body, 'name')).toBeTruthy();
      expect(fieldError(bad.body, 'email')).toBeTruthy();
      expect(fieldError(bad.body, 'role')).toBeTruthy();
      expect(bad.body).toContain('value="not-an-email"');

      const duplicate = await admin.post('/admin/pengguna', inviteForm({ name: 'Dobel', email: 'KASIR@users.example' }));
      expect(duplicate.status).toBe(400);
      expect(fieldError(duplicate.body, 'email')).toMatch(/sudah dipakai/);
      expect(duplicate.body).toContain('value="Dobel"');
      expect(await auditCount('user.invited')).toBe(before);

      const forged = await admin.request('POST', '/admin/pengguna', { form: inviteForm({ email: 'csrf@users.example' }) });
      expect(forged.status).toBe(403);
      const [none] = await db().select().from(users).where(eq(users.email, 'csrf@users.example'));
      expect(none).toBeUndefined();
    });

    it('invites staff with a link valid once; the invitee chooses a password and signs in', async () => {
      await admin.get('/admin/pengguna/baru');
      const created = await admin.post('/admin/pengguna', inviteForm({}));
      expect(created.status).toBe(303);
      const id = Number(/\/admin\/pengguna\/(\d+)$/.exec(created.location ?? '')?.[1]);
      const row = await userRow(id);
      expect(row.invitedAt).not.toBeNull();
      expect(row.passwordHash).toBe('');
      expect(row.role).toBe('staff');
      expect(await auditCount('user.invited', id)).toBe(1);
      const [entry] = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'user.invited'), eq(auditLog.subjectId, String(id))));
      expect(entry!.actorId).toBe(adminId);
      expect(entry!.after).toEqual({ name: 'Staf Baru', email: 'baru@users.example', role: 'staff' });

      const shown = await admin.get(`/admin/pengguna/${id}`);
      expect(shown.body).toContain('data-user-status="invited"');
      expect((await admin.get('/admin/pengguna?status=invited')).body).toContain('baru@users.example');

      const mail = await lastEmail(db(), 'baru@users.example');
      expect(mail?.subject).toMatch(/Undangan/);
      expect(mail?.link).toMatch(/^\/undangan\?token=/);

      // Nobody can sign in before the invitation is accepted, not even with an empty password.
      expect((await browser().login('baru@users.example', PASSWORD)).status).toBe(401);

      const invitee = browser();
      const form = await invitee.get(mail!.link!);
      expect(form.status).toBe(200);
      expect(form.body).toContain('Staf Baru');
      expect(form.body).toContain('baru@users.example');
      const token = decodeURIComponent(mail!.link!.split('token=')[1]!);
      const weak = await invitee.post('/undangan', { token, password: 'short' });
      expect(weak.status).toBe(400);
      expect(fieldError(weak.body, 'password')).toBeTruthy();
      const noCsrf = await invitee.request('POST', '/undangan', { form: { token, password: PASSWORD } });
      expect(noCsrf.status).toBe(403);
      const accepted = await invitee.post('/undangan', { token, password: PASSWORD });
      expect(accepted.status).toBe(303);
      expect(accepted.location).toBe('/masuk?pesan=undangan');
      const after = await userRow(id);
      expect(after.invitedAt).toBeNull();
      expect(after.emailVerifiedAt).not.toBeNull();
      expect((await invitee.get('/masuk?pesan=undangan')).body).toContain('undangan diterima');

      // Used once: the same link is refused now.
      expect((await browser().get(mail!.link!)).status).toBe(400);
      const again = await invitee.post('/undangan', { token, password: 'Another-Strong-Pass-9' });
      expect(again.status).toBe(400);
      expect(again.body).toContain('data-invitation-invalid');

      const staff = await signedIn('baru@users.example');
      expect((await staff.get('/admin')).status).toBe(200);
    });

    it('refuses expired, forged and wrong-purpose links with the same 400 page', async () => {
      await admin.get('/admin/pengguna/baru');
      const created = await admin.post('/admin/pengguna', inviteForm({ email: 'kadaluarsa@users.example', name: 'Kadaluarsa' }));
      const id = Number(/(\d+)$/.exec(created.location ?? '')?.[1]);
      const link = (await lastEmail(db(), 'kadaluarsa@users.example'))!.link!;
      expect((await browser().get(link)).status).toBe(200);
      // 72 hours later: the stored nonce has expired.
      await db()
        .update(userTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(userTokens.userId, id));
      expect((await browser().get(link)).status).toBe(400);

      // A link signed in the past (its own expiry passed), with a live nonce in the table.
      const past = new Date(Date.now() - 73 * 3600_000);
      const old = signToken(store.config.sessionSecret, { purpose: 'invite', sub: id, ttlSeconds: 72 * 3600 }, past);
      await db()
        .insert(userTokens)
        .values({ userId: id, purpose: 'invite', nonceHash: sha256(old.payload.nonce), expiresAt: new Date(Date.now() + 3600_000) });
      expect((await browser().get(`/undangan?token=${encodeURIComponent(old.token)}`)).status).toBe(400);

      // A reset link is not an invitation, a tampered one is nobody's.
      const reset = signToken(store.config.sessionSecret, { purpose: 'reset', sub: id, ttlSeconds: 3600 });
      expect((await browser().get(`/undangan?token=${encodeURIComponent(reset.token)}`)).status).toBe(400);
      expect((await browser().get(`/undangan?token=${encodeURIComponent(`${old.token}x`)}`)).status).toBe(400);
      expect((await browser().get('/undangan')).status).toBe(400);
      expect((await userRow(id)).invitedAt).not.toBeNull();
    });

    it('re-sends an invitation with a new link; the earlier link stops working', async () => {
      await admin.get('/admin/pengguna/baru');
      const created = await admin.post(
        '/admin/pengguna',
        inviteForm({ email: 'ulang@users.example', name: 'Ulang', role: 'admin', locale: 'en' }),
      );
      const id = Number(/(\d+)$/.exec(created.location ?? '')?.[1]);
      const first = (await lastEmail(db(), 'ulang@users.example'))!;
      expect(first.subject).toMatch(/invitation/);
      const page = await admin.get(`/admin/pengguna/${id}`);
      expect(page.body).toContain('data-user-action="resend"');
      expect(page.body).not.toContain('data-user-action="reset"');
      expect((await admin.post(`/admin/pengguna/${id}/undangan`)).status).toBe(303);
      expect(await auditCount('user.invited', id)).toBe(2);
      const second = (await lastEmail(db(), 'ulang@users.example'))!;
      expect(second.link).not.toBe(first.link);
      expect((await browser().get(first.link!)).status).toBe(400);
      expect((await browser().get(second.link!)).status).toBe(200);
      // An accepted account has no invitation to re-send: refused, nothing written.
      const staffId = (await db().select().from(users).where(eq(users.email, 'kasir@users.example')))[0]!.id;
      const before = await auditCount('user.invited');
      await admin.get(`/admin/pengguna/${staffId}`);
      expect((await admin.post(`/admin/pengguna/${staffId}/undangan`)).status).toBe(409);
      expect(await auditCount('user.invited')).toBe(before);
    });
    it('closes the invitation when the invitee chose a password through “forgot password” instead', async () => {
      await admin.get('/admin/pengguna/baru');
      const created = await admin.post('/admin/pengguna', inviteForm({ email: 'lupa-undangan@users.example', name: 'Lupa Undangan' }));
      const id = Number(/(\d+)$/.exec(created.location ?? '')?.[1]);
      const invitation = (await lastEmail(db(), 'lupa-undangan@users.example'))!.link!;
      const person = browser();
      await person.get('/lupa-password');
      await person.post('/lupa-password', { email: 'lupa-undangan@users.example' });
      const reset = (await lastEmail(db(), 'lupa-undangan@users.example'))!.link!;
      expect(reset).toMatch(/^\/reset-password/);
      await person.get(reset);
      const token = decodeURIComponent(reset.split('token=')[1]!);
      expect((await person.post('/reset-password', { token, password: PASSWORD })).status).toBe(303);

      const page = await admin.get(`/admin/pengguna/${id}`);
      expect(page.body).toContain('data-user-status="active"');
      expect(page.body).not.toContain('data-user-action="resend"');
      expect((await admin.get('/admin/pengguna?status=invited')).body).not.toContain('lupa-undangan@users.example');
      expect((await admin.get('/admin/pengguna?status=active')).body).toContain('lupa-undangan@users.example');
      // The invitation link can no longer replace the password they chose.
      expect((await browser().get(invitation)).status).toBe(400);
    });
  });

  describe('role and status', () => {
    it('changes a role with one audit entry; an unknown role is a 400 naming the field, no CSRF a 403, nothing changing', async () => {
      const target = await createUser(db(), { email: 'promosi@users.example', role: 'customer', name: 'Promosi' });
      await admin.get(`/admin/pengguna/${target.id}`);
      const bad = await admin.post(`/admin/pengguna/${target.id}/peran`, { role: 'owner' });
      expect(bad.status).toBe(400);
      expect(fieldError(bad.body, 'role')).toMatch(/pelanggan, staf atau admin/);
      const forged = await admin.request('POST', `/admin/pengguna/${target.id}/peran`, { form: { role: 'admin' } });
      expect(forged.status).toBe(403);
      expect((await userRow(target.id)).role).toBe('customer');
      expect(await auditCount('user.role', target.id)).toBe(0);

      await admin.get(`/admin/pengguna/${target.id}`);
      const ok = await admin.post(`/admin/pengguna/${target.id}/peran`, { role: 'staff' });
      expect(ok.status).toBe(303);
      expect((await userRow(target.id)).role).toBe('staff');
      const entries = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'user.role'), eq(auditLog.subjectId, String(target.id))));
      expect(entries).toHaveLength(1);
      expect(entries[0]!.before).toEqual({ role: 'customer' });
      expect(entries[0]!.after).toEqual({ role: 'staff' });
      expect(entries[0]!.actorId).toBe(adminId);
      // The same role again changes nothing and records nothing.
      await admin.get(`/admin/pengguna/${target.id}`);
      expect((await admin.post(`/admin/pengguna/${target.id}/peran`, { role: 'staff' })).status).toBe(303);
      expect(await auditCount('user.role', target.id)).toBe(1);
      // The admin's own actions show on their page.
      expect((await admin.get(`/admin/pengguna/${adminId}`)).body).toContain('data-user-audit-row="user.role"');
    });

    it('refuses an admin demoting or deactivating themselves, writing nothing', async () => {
      const own = await admin.get(`/admin/pengguna/${adminId}`);
      expect(own.body).not.toContain('data-user-action="role"');
      expect(own.body).not.toContain('data-user-action="deactivate"');
      const before = (await auditCount('user.role')) + (await auditCount('user.active'));
      const demote = await admin.post(`/admin/pengguna/${adminId}/peran`, { role: 'staff' });
      expect(demote.status).toBe(409);
      expect(demote.body).toContain('menonaktifkan akunmu sendiri');
      await admin.get(`/admin/pengguna/${adminId}`);
      expect((await admin.post(`/admin/pengguna/${adminId}/status`, { active: '0' })).status).toBe(409);
      const row = await userRow(adminId);
      expect(row.role).toBe('admin');
      expect(row.isActive).toBe(true);
      expect((await auditCount('user.role')) + (await auditCount('user.active'))).toBe(before);
    });

    it('never lets the last active admin go, even when two admins demote each other at once', async () => {
      const [a, b] = await Promise.all([
        createUser(db(), { email: 'duel-a@users.example', role: 'admin', name: 'Duel A' }),
        createUser(db(), { email: 'duel-b@users.example', role: 'admin', name: 'Duel B' }),
      ]);
      // Only these two stay active admins for this test.
      const others = await db()
        .update(users)
        .set({ isActive: false })
        .where(and(eq(users.role, 'admin'), eq(users.isActive, true), sql`${users.id} NOT IN (${a!.id}, ${b!.id})`))
        .returning({ id: users.id });
      try {
        const service = createUsersService({
          repo: createUsersRepository(db()),
          transaction: transactionRunner(db()),
          secret: store.config.sessionSecret,
          publicUrl: 'http://shop.test',
          queueEmail: async () => {},
        });
        const actor = (id: number) => ({ id, email: null, role: 'admin', ip: '192.0.2.1' });
        const results = await Promise.all([
          service.changeRole(b!.id, 'staff', actor(a!.id)),
          service.changeRole(a!.id, 'staff', actor(b!.id)),
        ]);
        expect(results.filter((r) => r === 'changed')).toHaveLength(1);
        expect(results.filter((r) => r === 'lastAdmin')).toHaveLength(1);
        const [active] = await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .where(and(eq(users.role, 'admin'), eq(users.isActive, true)));
        expect(Number(active!.n)).toBe(1);
        expect((await auditCount('user.role', a!.id)) + (await auditCount('user.role', b!.id))).toBe(1);

        // The one admin left cannot be deactivated or demoted by anyone (here a staff actor, as a job might be).
        const last = results[0] === 'changed' ? a! : b!;
        const staffActor = actor(b!.id === last.id ? a!.id : b!.id);
        expect(await service.setActive(last.id, false, staffActor)).toBe('lastAdmin');
        expect(await service.changeRole(last.id, 'customer', staffActor)).toBe('lastAdmin');
        expect(await auditCount('user.active', last.id)).toBe(0);
      } finally {
        for (const o of others) await db().update(users).set({ isActive: true }).where(eq(users.id, o.id));
      }
    });

    it('deactivation ends the account’s sessions at once and refuses its next chat token; reactivation is audited too', async () => {
      const target = await createUser(db(), { email: 'keluar@users.example', role: 'staff', name: 'Akan Keluar' });
      const victim = await signedIn('keluar@users.example');
      expect((await victim.get(CHAT_TOKEN_PATH)).status).toBe(200);
      expect((await victim.get('/admin')).status).toBe(200);

      await admin.get(`/admin/pengguna/${target.id}`);
      const off = await admin.post(`/admin/pengguna/${target.id}/status`, { active: '0' });
      expect(off.status).toBe(303);
      expect((await userRow(target.id)).isActive).toBe(false);
      const live = await db().select().from(sessions).where(eq(sessions.userId, target.id));
      expect(live).toHaveLength(0);
      expect(await auditCount('user.active', target.id)).toBe(1);

      // The next request is anonymous: the admin area asks for a login, the chat token is refused.
      const next = await victim.get('/admin');
      expect(next.status).toBe(303);
      expect(next.location).toMatch(/^\/masuk/);
      expect((await victim.get(CHAT_TOKEN_PATH, { accept: 'application/json' })).status).toBe(401);
      expect((await browser().login('keluar@users.example', PASSWORD)).status).not.toBe(303);

      // A bad value is refused; reactivating is one more entry.
      await admin.get(`/admin/pengguna/${target.id}`);
      expect((await admin.post(`/admin/pengguna/${target.id}/status`, { active: 'maybe' })).status).toBe(400);
      expect(await auditCount('user.active', target.id)).toBe(1);
      expect((await admin.post(`/admin/pengguna/${target.id}/status`, { active: '1' })).status).toBe(303);
      const entries = await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'user.active'), eq(auditLog.subjectId, String(target.id))));
      expect(entries.map((e) => [e.before, e.after])).toEqual([
        [{ active: true }, { active: false }],
        [{ active: false }, { active: true }],
      ]);
      expect((await browser().login('keluar@users.example', PASSWORD)).status).toBe(303);
    });
  });

  describe('password and two-factor resets', () => {
    it('sends the reset email with a working link and one audit entry; refused for a deactivated account', async () => {
      const target = await createUser(db(), { email: 'lupa@users.example', name: 'Pelupa' });
      await admin.get(`/admin/pengguna/${target.id}`);
      expect((await admin.post(`/admin/pengguna/${target.id}/reset-password`)).status).toBe(303);
      expect(await auditCount('user.password_reset_sent', target.id)).toBe(1);
      const mail = await lastEmail(db(), 'lupa@users.example');
      expect(mail?.link).toMatch(/^\/reset-password\?token=/);
      expect((await browser().get(mail!.link!)).status).toBe(200);

      const off = await createUser(db(), { email: 'mati@users.example', name: 'Mati', active: false });
      await admin.get(`/admin/pengguna/${off.id}`);
      expect((await admin.post(`/admin/pengguna/${off.id}/reset-password`)).status).toBe(409);
      expect(await auditCount('user.password_reset_sent', off.id)).toBe(0);
      expect(await lastEmail(db(), 'mati@users.example')).toBeUndefined();
      expect((await admin.request('POST', `/admin/pengguna/${target.id}/reset-password`, { form: {} })).status).toBe(403);
      expect(await auditCount('user.password_reset_sent', target.id)).toBe(1);
    });

    it('resets two-factor sign-in: secret and recovery codes gone, one audit entry; nothing to reset writes none', async () => {
      const target = await createUser(db(), { email: 'totp@users.example', role: 'staff', name: 'Punya TOTP' });
      await db()
        .update(users)
        .set({ totpSecret: 'encrypted-secret', totpEnabledAt: new Date(), totpLastStep: 123 })
        .where(eq(users.id, target.id));
      await db()
        .insert(recoveryCodes)
        .values([1, 2, 3].map((n) => ({ userId: target.id, codeHash: sha256(`code-${n}`) })));
      const page = await admin.get(`/admin/pengguna/${target.id}`);
      expect(page.body).toContain('data-user-2fa="on"');
      expect(page.body).toContain('data-user-action="two-factor"');
      expect((await admin.post(`/admin/pengguna/${target.id}/dua-langkah`)).status).toBe(303);
      const row = await userRow(target.id);
      expect([row.totpSecret, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
      expect(await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, target.id))).toHaveLength(0);
      expect(await auditCount('user.two_factor_disabled', target.id)).toBe(1);
      await admin.get(`/admin/pengguna/${target.id}`);
      expect((await admin.post(`/admin/pengguna/${target.id}/dua-langkah`)).status).toBe(303);
      expect(await auditCount('user.two_factor_disabled', target.id)).toBe(1);
    });
  });
});

describe.runIf(process.env.TEST_REDIS_URL)('admin users with sessions in Redis', () => {
  let store: TestStore;
  let redis: RedisClient;
  // Redis keeps keys between runs: unique emails per run.
  const run = Math.random().toString(36).slice(2, 8);
  beforeAll(async () => {
    redis = createRedis(process.env.TEST_REDIS_URL!);
    await redis.connect();
    store = await createTestStore('pglite', { sampleData: false, redis });
  });
  afterAll(async () => {
    await store?.close();
    redis?.disconnect();
  });

  it('deactivation removes the account’s sessions from Redis at once, not only at their next request', async () => {
    await createUser(store.database.db, { email: `boss-${run}@users.example`, role: 'admin' });
    const target = await createUser(store.database.db, { email: `staf-${run}@users.example`, role: 'staff' });
    const admin = new TestBrowser(store.app, '198.51.100.201');
    await admin.login(`boss-${run}@users.example`, PASSWORD);
    const phone = new TestBrowser(store.app, '198.51.100.202');
    const laptop = new TestBrowser(store.app, '198.51.100.203');
    await phone.login(`staf-${run}@users.example`, PASSWORD);
    await laptop.login(`staf-${run}@users.example`, PASSWORD);
    expect((await phone.get('/akun')).status).toBe(200);

    await admin.get(`/admin/pengguna/${target.id}`);
    expect((await admin.post(`/admin/pengguna/${target.id}/status`, { active: '0' })).status).toBe(303);
    // Both devices are anonymous now; had the sessions survived, the session plugin would end
    // them on this request with the "deactivated" notice instead.
    for (const device of [phone, laptop]) {
      const next = await device.get('/akun');
      expect(next.status).toBe(303);
      expect(next.location).toMatch(/^\/masuk/);
      expect(next.location).not.toContain('nonaktif');
    }
  });
});
