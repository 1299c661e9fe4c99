/**
 * The "Online payments" cards of /admin/pengaturan (P6): one form per provider (switched on, mode,
 * keys), its state, the notification URL to paste into the provider's dashboard, and "test
 * connection". Saved keys show as their last four characters; a key set in the server's
 * environment cannot be edited here.
 */
import type { MessageKey } from '../../../lib/i18n';
import type { Gateway, ProviderSummary } from '../../payments/types';
import { CsrfField } from '../../ui/csrf-field';
import { describedBy, FieldNotes, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { SHOP_SETTINGS_PATH } from './parts';

export const PAYMENT_SETTINGS_PATH = `${SHOP_SETTINGS_PATH}/pembayaran`;

export interface PaymentsSectionProps {
  summaries: ProviderSummary[];
  publicUrl: string;
  /** The form that was just sent back with problems (values and errors), by provider. */
  forms?: Partial<Record<Gateway, FormState>>;
}

function StateBadge({ summary }: { summary: ProviderSummary }) {
  const { t } = usePage();
  const [kind, key]: [string, MessageKey] = summary.ready
    ? ['text-bg-success', 'adminPayments.state.ready']
    : summary.enabled
      ? ['text-bg-warning', 'adminPayments.state.incomplete']
      : ['text-bg-secondary', 'adminPayments.state.off'];
  return (
    <span class={`badge ${kind}`} data-payment-state={summary.ready ? 'ready' : summary.enabled ? 'incomplete' : 'off'}>
      {t(key)}
    </span>
  );
}

function KeyField({ provider, slot, form }: { provider: Gateway; slot: ProviderSummary['keys'][number]; form: FormState }) {
  const { t } = usePage();
  const id = `f-${provider}-${slot.name}`;
  const error = form.errors?.[slot.name];
  const label: MessageKey = slot.name === 'secretKey' ? `adminPayments.key.secretKey.${provider}` : `adminPayments.key.${slot.name}`;
  const note =
    slot.source === 'env'
      ? t('adminPayments.key.env', { last4: slot.last4 ?? '' })
      : slot.source === 'admin'
        ? t('adminPayments.key.saved', { last4: slot.last4 ?? '' })
        : t('adminPayments.key.empty');
  const secret = slot.name !== 'publicKey';
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {t(label)}
      </label>
      <input
        id={id}
        name={slot.name}
        // Secrets are write-only: the field starts empty and a blank field keeps the saved key.
        {...({ type: secret ? 'password' : 'text' } as { type: 'text' })}
        class={`form-control font-monospace${error ? ' is-invalid' : ''}`}
        value={secret ? '' : (form.values?.[slot.name] ?? '')}
        maxLength={300}
        autocomplete={secret ? 'new-password' : 'off'}
        spellcheck={false}
        disabled={slot.source === 'env'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[describedBy(id, error, undefined), `${id}-note`].filter(Boolean).join(' ')}
      />
      <div id={`${id}-note`} class="form-text" data-key-note={slot.source}>
        {note}
      </div>
      <FieldNotes id={id} error={error} hint={undefined} />
    </div>
  );
}

function ProviderCard({ summary, publicUrl, form }: { summary: ProviderSummary; publicUrl: string; form: FormState }) {
  const { t } = usePage();
  const { provider } = summary;
  const name = t(`adminPayments.provider.${provider}`);
  const action = `${PAYMENT_SETTINGS_PATH}/${provider}`;
  const enabled = form.values ? form.values.enabled === 'on' : summary.enabled;
  const production = form.values ? form.values.production === 'on' : summary.production;
  const webhookId = `webhook-${provider}`;
  return (
    <section class="admin-form-card" aria-labelledby={`settings-pay-${provider}`} data-payment-provider={provider}>
      <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h3 class="admin-subtitle mb-0" id={`settings-pay-${provider}`}>
          <Icon name={provider === 'stripe' ? 'credit-card' : 'wallet'} /> {name}
        </h3>
        <StateBadge summary={summary} />
      </div>
      <form method="post" action={action} novalidate>
        <CsrfField />
        <div class="form-check mb-2">
          <input class="form-check-input" type="checkbox" id={`f-${provider}-enabled`} name="enabled" value="on" checked={enabled} />
          <label class="form-check-label" for={`f-${provider}-enabled`}>
            {t('adminPayments.enabled')}
          </label>
        </div>
        {provider === 'midtrans' ? (
          <div class="form-check mb-3">
            <input
              class="form-check-input"
              type="checkbox"
              id={`f-${provider}-production`}
              name="production"
              value="on"
              checked={production}
              disabled={summary.productionSource === 'env'}
            />
            <label class="form-check-label" for={`f-${provider}-production`}>
              {t('adminPayments.production')}
            </label>
          </div>
        ) : (
          <p class="form-text">{t('adminPayments.production.stripe')}</p>
        )}
        {summary.keys.map((slot) => (
          <KeyField key={slot.name} provider={provider} slot={slot} form={form} />
        ))}
        <div class="mb-3">
          <label class="form-label" for={webhookId}>
            {t('adminPayments.webhook')}
          </label>
          <input id={webhookId} class="form-control font-monospace" readOnly value={`${publicUrl}/webhooks/${provider}`} />
        </div>
        <div class="d-flex flex-wrap gap-2">
          <button type="submit" class="btn btn-rock" data-payment-save={provider}>
            <Icon name="floppy-disk" /> {t('adminPayments.save', { provider: name })}
          </button>
          <button type="submit" class="btn btn-outline-rock" formaction={`${action}/tes`} data-payment-test={provider}>
            <Icon name="plug" /> {t('adminPayments.test')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function PaymentsSection({ summaries, publicUrl, forms = {} }: PaymentsSectionProps) {
  const { t } = usePage();
  return (
    <section class="settings-payments" aria-labelledby="settings-payments" data-settings-card="payments">
      <h2 class="admin-subtitle" id="settings-payments">
        <Icon name="credit-card" /> {t('adminPayments.title')}
      </h2>
      <p class="small text-body-secondary">{t('adminPayments.lead')}</p>
      <div class="settings-cards">
        {summaries.map((s) => (
          <ProviderCard key={s.provider} summary={s} publicUrl={publicUrl} form={forms[s.provider] ?? {}} />
        ))}
      </div>
    </section>
  );
}
