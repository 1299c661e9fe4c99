/**
 * The security page of a signed-in staff member or admin (U6): two-factor status, enrolment (QR
 * code and the key for manual entry, confirmed with a code), new recovery codes, switching off.
 */
import type { TwoFactorStatus } from '../../accounts/types';
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { groupedSecret, qrSvg } from './qr';

export const SECURITY_PATH = '/admin/akun/keamanan';

/** Which form a FormState belongs to (several forms share the page). */
export type SecurityForm = 'confirm' | 'regenerate' | 'disable';

function Frame({ children }: { children: preact.ComponentChildren }) {
  const { t } = usePage();
  return (
    <AdminLayout title={t('twoFactor.title')} crumbs={[{ label: t('twoFactor.title') }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title">{t('twoFactor.title')}</h1>
          <p class="text-body-secondary mb-0">{t('twoFactor.lead')}</p>
        </div>
      </div>
      {children}
    </AdminLayout>
  );
}

function CodeForm(props: {
  action: string;
  form: FormState;
  submit: 'twoFactor.confirm.submit' | 'twoFactor.codes.regenerate';
  id: string;
}) {
  const { t } = usePage();
  return (
    <form method="post" action={props.action} class="tf-code-form" novalidate data-tf-form={props.id}>
      <CsrfField />
      <FieldInput
        name="code"
        label="twoFactor.field.code"
        hint="twoFactor.field.codeHint"
        autocomplete="one-time-code"
        inputMode="numeric"
        maxLength={12}
        state={{ errors: props.form.errors }}
      />
      <button class="btn btn-rock" type="submit">
        {t(props.submit)}
      </button>
    </form>
  );
}

function Enrolment({ pending, form }: { pending: NonNullable<TwoFactorStatus['pending']>; form: FormState }) {
  const { t } = usePage();
  return (
    <section class="admin-section tf-enrol" aria-labelledby="tf-enrol-title">
      <h2 id="tf-enrol-title" class="h5">
        {t('twoFactor.enrol.title')}
      </h2>
      <ol class="tf-steps">
        <li>
          <p>{t('twoFactor.enrol.scan')}</p>
          <div
            class="tf-qr"
            role="img"
            aria-label={t('twoFactor.enrol.qrLabel')}
            dangerouslySetInnerHTML={{ __html: qrSvg(pending.uri) }}
          />
          <p class="mt-3 mb-1">{t('twoFactor.enrol.manual')}</p>
          <code class="tf-secret" data-totp-secret={pending.secret}>
            {groupedSecret(pending.secret)}
          </code>
        </li>
        <li>
          <p>{t('twoFactor.enrol.confirm')}</p>
          <FormAlert state={form} />
          <CodeForm action={`${SECURITY_PATH}/konfirmasi`} form={form} submit="twoFactor.confirm.submit" id="confirm" />
        </li>
      </ol>
      <form method="post" action={`${SECURITY_PATH}/aktifkan`} class="mt-3">
        <CsrfField />
        <button class="btn btn-link px-0" type="submit">
          {t('twoFactor.enrol.restart')}
        </button>
      </form>
    </section>
  );
}

function Enabled({ status, forms }: { status: TwoFactorStatus; forms: Partial<Record<SecurityForm, FormState>> }) {
  const { t } = usePage();
  const disable = forms.disable ?? {};
  return (
    <>
      <section class="admin-section" aria-labelledby="tf-codes-title">
        <h2 id="tf-codes-title" class="h5">
          {t('twoFactor.codes.title')}
        </h2>
        <p data-recovery-left={status.unusedCodes}>{t('twoFactor.codes.left', { count: status.unusedCodes })}</p>
        <FormAlert state={forms.regenerate ?? {}} />
        <CodeForm
          action={`${SECURITY_PATH}/kode-pemulihan`}
          form={forms.regenerate ?? {}}
          submit="twoFactor.codes.regenerate"
          id="regenerate"
        />
      </section>
      <section class="admin-section" aria-labelledby="tf-off-title">
        <h2 id="tf-off-title" class="h5">
          {t('twoFactor.off.title')}
        </h2>
        {status.required ? (
          <p class="text-body-secondary" data-tf-off-refused>
            {t('twoFactor.off.required')}
          </p>
        ) : (
          <>
            <p class="text-body-secondary">{t('twoFactor.off.lead')}</p>
            <FormAlert state={disable} />
            <form method="post" action={`${SECURITY_PATH}/nonaktifkan`} class="tf-code-form" novalidate data-tf-form="disable">
              <CsrfField />
              {/* Its own name: the recovery-codes form above has a "code" field, and ids must be unique. */}
              <FieldInput
                name="offCode"
                label="twoFactor.field.code"
                autocomplete="one-time-code"
                inputMode="numeric"
                maxLength={12}
                required={false}
                state={{ errors: disable.errors }}
              />
              <FieldInput
                name="password"
                type="password"
                label="twoFactor.off.password"
                autocomplete="current-password"
                required={false}
                state={{ errors: disable.errors }}
              />
              <button class="btn btn-outline-danger" type="submit">
                {t('twoFactor.off.submit')}
              </button>
            </form>
          </>
        )}
      </section>
    </>
  );
}

export function SecurityPage({ status, forms = {} }: { status: TwoFactorStatus; forms?: Partial<Record<SecurityForm, FormState>> }) {
  const { t } = usePage();
  return (
    <Frame>
      {status.required && !status.enabled && (
        <div class="alert alert-warning" role="status" data-tf-required>
          {t('twoFactor.requiredNotice')}
        </div>
      )}
      <p class="tf-status" data-tf-status={status.enabled ? 'on' : 'off'}>
        <Icon name={status.enabled ? 'shield-halved' : 'circle-exclamation'} />{' '}
        <strong>{t(status.enabled ? 'twoFactor.status.on' : 'twoFactor.status.off')}</strong>
      </p>
      {status.enabled ? (
        <Enabled status={status} forms={forms} />
      ) : status.pending ? (
        <Enrolment pending={status.pending} form={forms.confirm ?? {}} />
      ) : (
        <section class="admin-section" aria-labelledby="tf-start-title">
          <h2 id="tf-start-title" class="h5">
            {t('twoFactor.start.title')}
          </h2>
          <p>{t('twoFactor.start.lead')}</p>
          <form method="post" action={`${SECURITY_PATH}/aktifkan`}>
            <CsrfField />
            <button class="btn btn-rock" type="submit" data-tf-start>
              <Icon name="shield-halved" /> {t('twoFactor.start.submit')}
            </button>
          </form>
        </section>
      )}
    </Frame>
  );
}

/** The ten recovery codes, shown once, right after they were made. */
export function RecoveryCodesPage({ codes, fresh }: { codes: string[]; fresh: boolean }) {
  const { t } = usePage();
  return (
    <Frame>
      <div class="alert alert-success" role="status">
        {t(fresh ? 'twoFactor.flash.enabled' : 'twoFactor.flash.regenerated')}
      </div>
      <section class="admin-section" aria-labelledby="tf-save-title">
        <h2 id="tf-save-title" class="h5">
          {t('twoFactor.codes.saveTitle')}
        </h2>
        <p>{t('twoFactor.codes.saveLead')}</p>
        <ol class="tf-recovery-codes" data-recovery-codes>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <a class="btn btn-rock" href={SECURITY_PATH}>
          {t('twoFactor.codes.done')}
        </a>
      </section>
    </Frame>
  );
}
