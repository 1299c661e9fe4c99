import type { MessageKey } from '../../../lib/i18n';
import { formatDateTimeWib } from '../../../lib/time';
import { AccountShell } from '../../accounts/views/account-pages';
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { API_TOKEN_SCOPES } from '../secret';
import type { TokenSummary } from '../types';

export interface TokensView {
  tokens: TokenSummary[];
  form: FormState;
  /** Right after a creation: the one time the secret is shown. */
  created?: { name: string; secret: string };
  notice?: MessageKey;
}

/** `/akun/token-api`: the account's personal access tokens, a form for a new one, and revoke buttons. */
export function TokensPage({ tokens, form, created, notice }: TokensView) {
  const { t, locale } = usePage();
  const scopeError = form.errors?.scope;
  const checkedScope = form.values?.scope ?? 'read';
  return (
    <AccountShell title={t('apiTokens.title')} notice={notice}>
      <p>
        {t('apiTokens.lead')} <a href="/api/docs">{t('apiTokens.docs')}</a>
      </p>
      {created && (
        <div class="alert alert-warning" role="status" data-new-token>
          <p class="mb-2">{t('apiTokens.created', { name: created.name })}</p>
          <label class="form-label fw-semibold" for="new-token">
            {t('apiTokens.secretLabel')}
          </label>
          <input id="new-token" class="form-control font-monospace" readOnly value={created.secret} autocomplete="off" />
        </div>
      )}
      <div class="account-grid">
        <div class="account-panel">
          <h2 class="account-panel-title">{t('apiTokens.list')}</h2>
          {tokens.length === 0 ? (
            <p class="text-body-secondary">{t('apiTokens.empty')}</p>
          ) : (
            // A list, like the address book: a table of five columns is clipped on a phone.
            <ul class="address-list">
              {tokens.map((token) => (
                <li class="address-item" key={token.id} data-token-row={token.id}>
                  <p class="mb-1">
                    <strong>{token.name}</strong>{' '}
                    <span class="badge text-bg-secondary ms-1">{t(`apiTokens.scopeShort.${token.scope}`)}</span>
                  </p>
                  <p class="mb-2 small">
                    <code>{token.hint}…</code>
                    <br />
                    {t('apiTokens.col.created')}: {formatDateTimeWib(token.createdAt, locale)}
                    <br />
                    {t('apiTokens.col.lastUsed')}: {token.lastUsedAt ? formatDateTimeWib(token.lastUsedAt, locale) : t('apiTokens.never')}
                  </p>
                  {token.revokedAt ? (
                    <p class="mb-0 small text-body-secondary">
                      {t('apiTokens.revokedAt', { date: formatDateTimeWib(token.revokedAt, locale) })}
                    </p>
                  ) : (
                    <form method="post" action={`/akun/token-api/${token.id}/cabut`}>
                      <CsrfField />
                      <button
                        class="btn btn-sm btn-outline-danger"
                        type="submit"
                        aria-label={t('apiTokens.revokeLabel', { name: token.name })}
                      >
                        <Icon name="trash" /> {t('apiTokens.revoke')}
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div class="account-panel">
          <h2 class="account-panel-title">{t('apiTokens.new')}</h2>
          <FormAlert state={form} />
          <form method="post" action="/akun/token-api" novalidate>
            <CsrfField />
            <FieldInput name="name" label="apiTokens.field.name" hint="apiTokens.hint.name" state={form} maxLength={60} />
            <fieldset class="mb-3" aria-describedby={scopeError ? 'f-scope-error' : undefined}>
              <legend class="form-label fs-6">{t('apiTokens.field.scope')}</legend>
              {API_TOKEN_SCOPES.map((scope) => (
                <div class="form-check" key={scope}>
                  <input
                    class={`form-check-input${scopeError ? ' is-invalid' : ''}`}
                    type="radio"
                    name="scope"
                    id={`f-scope-${scope}`}
                    value={scope}
                    checked={checkedScope === scope}
                  />
                  <label class="form-check-label" for={`f-scope-${scope}`}>
                    {t(`apiTokens.scope.${scope}`)}
                  </label>
                </div>
              ))}
              {scopeError && (
                <div id="f-scope-error" class="invalid-feedback d-block">
                  {t(scopeError as MessageKey)}
                </div>
              )}
            </fieldset>
            <button class="btn btn-rock" type="submit">
              <Icon name="key" /> {t('apiTokens.create')}
            </button>
          </form>
        </div>
      </div>
    </AccountShell>
  );
}
