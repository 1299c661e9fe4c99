/**
 * A9 settings (admin only):
 *
 *   GET/POST /admin/pengaturan        shop settings (bank transfer and accounts, deadline, free shipping, notification email, staff 2FA)
 *   GET/POST /admin/pengaturan/toko   store profile (multipart: the logo comes with the other fields)
 *   POST /admin/pengaturan/pembayaran/:provider       a payment provider's settings (switch, mode, keys)
 *   POST /admin/pengaturan/pembayaran/:provider/tes   test that provider's keys with one authenticated call
 *
 * Every save is validated field by field (values kept on error), then written with its audit
 * entry in one transaction by the area's editor; the flash says saved or unchanged.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { MessageKey } from '../../../lib/i18n';
import { auditActor } from '../../audit/record';
import { type MultipartFailure, multipartForm } from '../../plugins/multipart-form';
import type { ShopSettingsEditor } from '../../shop-settings/service';
import { parseShopSettingsForm, shopSettingsValues } from '../../shop-settings/schema';
import type { ShopSettingsService } from '../../shop-settings/service';
import { MAX_LOGO_BYTES, type StoreProfileEditor } from '../../store-profile/service';
import { PROFILE_FORM_FIELDS, parseProfileForm } from '../../store-profile/schema';
import type { StoreProfileService } from '../../store-profile/service';
import { formValues } from '../../ui/form';
import type { FormState } from '../../ui/form-fields';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { SHOP_SETTINGS_PATH, STORE_PROFILE_PATH } from './parts';
import { profileValues, StoreProfilePage } from './profile-page';
import { ShopSettingsPage } from './shop-page';
import type { PaymentsAdmin } from '../../payments/service';
import type { PaymentsSectionProps } from './payments-section';
import { registerPaymentSettingsRoutes } from './payment-routes';

const ADMIN_ONLY = { config: { role: 'admin' as const } };
const FORM_ERROR = { kind: 'danger', key: 'settings.formError' } as const;

const LOGO_FAILURES: Record<MultipartFailure, MessageKey> = {
  too_large: 'settings.profile.error.logoTooLarge',
  too_many: 'settings.profile.error.logo',
  malformed: 'settings.profile.error.logo',
};

export interface AdminSettingsDeps {
  settings: ShopSettingsService;
  profiles: StoreProfileService;
  shopSettingsEditor: ShopSettingsEditor;
  storeProfileEditor: StoreProfileEditor;
  /** The online payment providers' cards (P6); without it the page has none (tests of other parts). */
  paymentsAdmin?: PaymentsAdmin;
  publicUrl: string;
}

export function registerAdminSettingsRoutes(admin: FastifyInstance, deps: AdminSettingsDeps) {
  const savedFlash = (request: FastifyRequest, reply: FastifyReply, changed: boolean) =>
    setFlash(request, reply, changed ? { kind: 'success', key: 'settings.saved' } : { kind: 'info', key: 'settings.unchanged' });

  async function shopPage(reply: FastifyReply, form: FormState, status = 200, paymentForms?: PaymentsSectionProps['forms']) {
    const values = form.values ?? shopSettingsValues(await deps.settings.get());
    const profile = await deps.profiles.get();
    const payments = deps.paymentsAdmin && {
      summaries: await deps.paymentsAdmin.summaries(),
      publicUrl: deps.publicUrl,
      forms: paymentForms,
    };
    return adminPage(reply, h(ShopSettingsPage, { form: { ...form, values }, profileEmail: profile.email, payments }), status);
  }

  async function profilePage(reply: FastifyReply, form: FormState, status = 200) {
    const profile = await deps.profiles.get();
    const values = form.values ?? profileValues(profile);
    return adminPage(reply, h(StoreProfilePage, { form: { ...form, values }, logoKey: profile.logoKey }), status);
  }

  admin.get('/pengaturan', ADMIN_ONLY, (_request, reply) => shopPage(reply, {}));

  admin.post('/pengaturan', ADMIN_ONLY, async (request, reply) => {
    const parsed = parseShopSettingsForm(request.body);
    if (!parsed.ok) return shopPage(reply, { ...parsed, alert: FORM_ERROR }, 400);
    // Requiring two-step sign-in locks every staff member without it out of the back office until
    // they enrol: the admin switching it on must have it already, or they would lock themselves out.
    if (parsed.data.requireStaffTwoFactor && !request.user!.twoFactor && !(await deps.settings.get()).requireStaffTwoFactor) {
      const form: FormState = {
        values: formValues(request.body),
        errors: { requireStaffTwoFactor: 'settings.shop.error.ownTwoFactorFirst' },
        alert: FORM_ERROR,
      };
      return shopPage(reply, form, 400);
    }
    savedFlash(request, reply, await deps.shopSettingsEditor.save(parsed.data, auditActor(request)));
    return reply.redirect(SHOP_SETTINGS_PATH, 303);
  });

  if (deps.paymentsAdmin) registerPaymentSettingsRoutes(admin, deps.paymentsAdmin, shopPage);

  admin.get('/pengaturan/toko', ADMIN_ONLY, (_request, reply) => profilePage(reply, {}));

  admin.register(async (scope) => {
    const form = await multipartForm(scope, {
      fileFields: ['logo'],
      textFields: PROFILE_FORM_FIELDS,
      maxFileBytes: MAX_LOGO_BYTES,
      maxFiles: 1,
      // Bigger than any allowed logo: answered unread (the admin guard already ran), with the stored values.
      onTooLarge: (_request, reply) =>
        profilePage(reply, { errors: { logo: 'settings.profile.error.logoTooLarge' }, alert: FORM_ERROR }, 413),
    });

    scope.post('/pengaturan/toko', { ...ADMIN_ONLY, preValidation: form.preValidation }, async (request, reply) => {
      const upload = form.formOf(request);
      const parsed = parseProfileForm(request.body);
      const logoError = upload.failure ? LOGO_FAILURES[upload.failure] : undefined;
      if (!parsed.ok || logoError) {
        const errors = { ...(parsed.ok ? {} : parsed.errors), ...(logoError ? { logo: logoError } : {}) };
        return profilePage(reply, { values: formValues(request.body), errors, alert: FORM_ERROR }, 400);
      }
      const result = await deps.storeProfileEditor.save(parsed.data, upload.files[0]?.data, auditActor(request));
      if (!result.ok) {
        return profilePage(reply, { values: formValues(request.body), errors: { logo: result.message }, alert: FORM_ERROR }, 400);
      }
      savedFlash(request, reply, result.changed);
      return reply.redirect(STORE_PROFILE_PATH, 303);
    });
  });
}
