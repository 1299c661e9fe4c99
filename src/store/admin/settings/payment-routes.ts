/**
 * The payment providers' forms on /admin/pengaturan (admin only): save one provider's settings
 * (audited, keys sealed) or test its keys. A bad field shows the settings page again with that
 * provider's form marked and nothing saved; keys typed are never sent back.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditActor } from '../../audit/record';
import type { PaymentsAdmin } from '../../payments/service';
import { parseProviderForm } from '../../payments/schema';
import { type Gateway, isGateway } from '../../payments/types';
import type { FormState } from '../../ui/form-fields';
import { setFlash } from '../flash';
import { SHOP_SETTINGS_PATH } from './parts';
import type { PaymentsSectionProps } from './payments-section';

type ProviderParams = { Params: { provider: string } };
type ShopPage = (reply: FastifyReply, form: FormState, status?: number, paymentForms?: PaymentsSectionProps['forms']) => unknown;

const ADMIN_ONLY = { config: { role: 'admin' as const } };
const FORM_ERROR = { kind: 'danger', key: 'settings.formError' } as const;
/** Back to the provider's card after a save or a test. */
const cardOf = (provider: Gateway) => `${SHOP_SETTINGS_PATH}#settings-pay-${provider}`;

export function registerPaymentSettingsRoutes(admin: FastifyInstance, payments: PaymentsAdmin, shopPage: ShopPage) {
  admin.post<ProviderParams>('/pengaturan/pembayaran/:provider', ADMIN_ONLY, async (request, reply) => {
    const { provider } = request.params;
    if (!isGateway(provider)) return reply.callNotFound();
    const current = (await payments.summaries()).find((s) => s.provider === provider);
    const parsed = parseProviderForm(provider, request.body, current);
    if (!parsed.ok) return shopPage(reply, {}, 400, { [provider]: { values: parsed.values, errors: parsed.errors, alert: FORM_ERROR } });
    const changed = await payments.save(provider, parsed.data, auditActor(request));
    const name = request.t(`adminPayments.provider.${provider}`);
    setFlash(
      request,
      reply,
      changed ? { kind: 'success', key: 'adminPayments.saved', params: { provider: name } } : { kind: 'info', key: 'settings.unchanged' },
    );
    return reply.redirect(cardOf(provider), 303);
  });

  admin.post<ProviderParams>('/pengaturan/pembayaran/:provider/tes', ADMIN_ONLY, async (request, reply) => {
    const { provider } = request.params;
    if (!isGateway(provider)) return reply.callNotFound();
    const result = await payments.test(provider);
    const name = request.t(`adminPayments.provider.${provider}`);
    if (result.ok) setFlash(request, reply, { kind: 'success', key: 'adminPayments.test.ok', params: { provider: name } });
    else if (result.reason === 'unconfigured')
      setFlash(request, reply, { kind: 'warning', key: 'adminPayments.test.unconfigured', params: { provider: name } });
    else
      setFlash(request, reply, {
        kind: 'danger',
        key: 'adminPayments.test.failed',
        params: { provider: name, reason: result.message ?? '' },
      });
    return reply.redirect(cardOf(provider), 303);
  });
}
