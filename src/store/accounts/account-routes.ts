/**
 * The customer's own pages under /akun (any logged-in role).
 * Every handler works on `request.user.id` only: ids in URLs are checked against the owner.
 */
import { AppError } from '../../lib/errors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { addressSchema, changePasswordSchema, profileSchema } from './schema';
import type { AccountsService } from './service';
import { AccountPage, AddressesPage, EditAddressPage, type AccountView } from './views/account-pages';
import type { FormState } from '../ui/form-fields';
import { formatPhone } from '../../lib/phone';
import { parseForm } from '../ui/form';
import type { Address } from './types';

const NOTICES: Record<string, MessageKey> = {
  terdaftar: 'account.registered',
  tersimpan: 'account.saved',
  password: 'account.passwordChanged',
  'verifikasi-terkirim': 'verify.sent',
  'alamat-ditambah': 'address.added',
  'alamat-dihapus': 'address.deleted',
  'alamat-utama': 'address.updated',
  'alamat-diubah': 'address.saved',
};

const customer = { config: { role: 'customer' as const } };
/** Per client address: a few accounts behind one address can still verify, a script cannot spam. */
export const RESEND_RATE_LIMIT = { max: 10, timeWindow: 60 * 60_000 };

export function registerAccountRoutes(app: FastifyInstance, deps: { accounts: AccountsService }) {
  const { accounts } = deps;
  const userId = (request: FastifyRequest) => request.user!.id;
  const notice = (request: FastifyRequest) => NOTICES[String((request.query as Record<string, unknown>).pesan ?? '')];

  async function accountPage(request: FastifyRequest, reply: FastifyReply, override: Partial<AccountView>, status = 200) {
    const user = await accounts.profile(userId(request));
    const view: AccountView = {
      email: user!.email,
      profile: { values: { name: user!.name, phone: formatPhone(user!.phone) } },
      password: {},
      notice: notice(request),
      ...override,
    };
    return reply.page(h(AccountPage, view), status);
  }

  app.get('/akun', customer, (request, reply) => accountPage(request, reply, {}));

  app.post('/akun/profil', customer, async (request, reply) => {
    const form = parseForm(profileSchema, request.body);
    if (!form.ok) return accountPage(request, reply, { profile: form, notice: undefined }, 400);
    await accounts.updateProfile(userId(request), form.data);
    return reply.redirect('/akun?pesan=tersimpan', 303);
  });

  app.post('/akun/password', customer, async (request, reply) => {
    const form = parseForm(changePasswordSchema, request.body);
    if (!form.ok) return accountPage(request, reply, { password: form, notice: undefined }, 400);
    const result = await accounts.changePassword(userId(request), form.data.current, form.data.password);
    if (!result.ok) return accountPage(request, reply, { password: { errors: result.errors }, notice: undefined }, 400);
    // Other devices are logged out; this one continues under a new session id.
    await app.sessions.endOtherSessions(request, userId(request));
    await app.sessions.rotate(request, reply);
    return reply.redirect('/akun?pesan=password', 303);
  });

  app.post('/akun/keluar-semua', customer, async (request, reply) => {
    await app.sessions.store.destroyForUser(userId(request));
    await app.sessions.logout(request, reply);
    return reply.redirect('/masuk?pesan=keluar-semua', 303);
  });

  // Limited per address (the route) and per account (the service): each send reaches an inbox
  // that may belong to someone else.
  app.post(
    '/akun/verifikasi/kirim-ulang',
    { ...customer, config: { ...customer.config, rateLimit: RESEND_RATE_LIMIT } },
    async (request, reply) => {
      const sent = await accounts.resendVerification(userId(request));
      if (!sent.ok) {
        reply.header('retry-after', String(sent.retryAfterSeconds));
        throw new AppError('rate_limited', 429, `Too many verification emails; try again in ${sent.retryAfterSeconds} s.`);
      }
      return reply.redirect('/akun?pesan=verifikasi-terkirim', 303);
    },
  );

  async function addressesPage(request: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) {
    const addresses = await accounts.listAddresses(userId(request));
    return reply.page(h(AddressesPage, { addresses, form, notice: status === 200 ? notice(request) : undefined }), status);
  }

  app.get('/akun/alamat', customer, (request, reply) => addressesPage(request, reply, {}));

  app.post('/akun/alamat', customer, async (request, reply) => {
    const form = parseForm(addressSchema, request.body);
    if (!form.ok) return addressesPage(request, reply, form, 400);
    await accounts.addAddress(userId(request), form.data);
    return reply.redirect('/akun/alamat?pesan=alamat-ditambah', 303);
  });

  const addressId = (request: FastifyRequest) => {
    const raw = (request.params as { id: string }).id;
    return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  };

  const addressValues = (a: Address) => ({
    recipient: a.recipient,
    phone: formatPhone(a.phone),
    street: a.street,
    city: a.city,
    province: a.province,
    postalCode: a.postalCode,
    ...(a.isDefault ? { isDefault: 'on' } : {}),
  });

  app.get('/akun/alamat/:id/ubah', customer, async (request, reply) => {
    const id = addressId(request);
    const address = id ? await accounts.findAddress(userId(request), id) : undefined;
    if (!id || !address) return reply.callNotFound();
    return reply.page(h(EditAddressPage, { id, form: { values: addressValues(address) } }));
  });

  app.post('/akun/alamat/:id', customer, async (request, reply) => {
    const id = addressId(request);
    if (!id || !(await accounts.findAddress(userId(request), id))) return reply.callNotFound();
    const form = parseForm(addressSchema, request.body);
    if (!form.ok) return reply.page(h(EditAddressPage, { id, form }), 400);
    await accounts.updateAddress(userId(request), id, form.data);
    return reply.redirect('/akun/alamat?pesan=alamat-diubah', 303);
  });

  app.post('/akun/alamat/:id/hapus', customer, async (request, reply) => {
    const id = addressId(request);
    // Someone else's address looks exactly like a missing one.
    if (!id || !(await accounts.deleteAddress(userId(request), id))) return reply.callNotFound();
    return reply.redirect('/akun/alamat?pesan=alamat-dihapus', 303);
  });

  app.post('/akun/alamat/:id/utama', customer, async (request, reply) => {
    const id = addressId(request);
    if (!id || !(await accounts.setDefaultAddress(userId(request), id))) return reply.callNotFound();
    return reply.redirect('/akun/alamat?pesan=alamat-utama', 303);
  });
}
