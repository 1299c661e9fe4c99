/** Pieces both settings pages share: the two tabs, and a small labelled input for indexed rows. */
import type { MessageKey } from '../../../lib/i18n';
import type { FormState } from '../../ui/form-fields';
import { usePage } from '../../ui/page-context';
import { AdminTabs } from '../views/tabs';

export const SHOP_SETTINGS_PATH = '/admin/pengaturan';
export const STORE_PROFILE_PATH = '/admin/pengaturan/toko';

export function SettingsTabs({ current }: { current: 'shop' | 'profile' }) {
  const { t } = usePage();
  const tabs = [
    { key: 'shop', href: SHOP_SETTINGS_PATH, label: t('settings.tabs.shop') },
    { key: 'profile', href: STORE_PROFILE_PATH, label: t('settings.tabs.profile') },
  ] as const;
  return <AdminTabs label={t('settings.tabs.label')} class="settings-tabs" current={current} tabs={tabs} />;
}

/** Field names with brackets ("accounts[0][bank]") as safe element ids ("f-accounts-0-bank"). */
export const fieldId = (name: string) => `f-${name.replace(/[[\]]+/g, '-').replace(/-+$/, '')}`;

/**
 * One input of an indexed row: its own label (shown, or only for screen readers when the row's
 * heading says it), its error below, linked by aria-describedby.
 */
export function RowInput(props: {
  name: string;
  label: string;
  state: FormState;
  type?: 'text' | 'time' | 'date';
  hideLabel?: boolean;
  maxLength?: number;
  inputMode?: 'numeric' | 'text';
  autocomplete?: string;
  /** The key of a message shown for the whole row instead of this field's own. */
  errorOf?: string;
}) {
  const { t } = usePage();
  const id = fieldId(props.name);
  const error = props.state.errors?.[props.errorOf ?? props.name];
  const errorId = props.errorOf ? `${fieldId(props.errorOf)}-error` : `${id}-error`;
  return (
    <>
      <label class={props.hideLabel ? 'visually-hidden' : 'form-label small'} for={id}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.name}
        {...({ type: props.type ?? 'text' } as { type: 'text' })}
        class={`form-control${error ? ' is-invalid' : ''}`}
        value={props.state.values?.[props.name] ?? ''}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        autocomplete={props.autocomplete ?? 'off'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && !props.errorOf && (
        <div id={errorId} class="invalid-feedback">
          {t(error as MessageKey)}
        </div>
      )}
    </>
  );
}

/** A checkbox of an indexed row ("remove", "closed"), value "1". */
export function RowCheckbox(props: { name: string; label: string; state: FormState; hideLabel?: boolean }) {
  const id = fieldId(props.name);
  const checked = (props.state.values?.[props.name] ?? '') !== '';
  return (
    <div class="form-check mb-0">
      <input id={id} name={props.name} type="checkbox" value="1" class="form-check-input" checked={checked} />
      <label class={props.hideLabel ? 'visually-hidden' : 'form-check-label'} for={id}>
        {props.label}
      </label>
    </div>
  );
}

/** A field error that belongs to a whole row or list (a day's hours, the accounts). */
export function RowError({ name, state }: { name: string; state: FormState }) {
  const { t } = usePage();
  const error = state.errors?.[name];
  if (!error) return null;
  return (
    <div id={`${fieldId(name)}-error`} class="invalid-feedback d-block" data-field-error={name}>
      {t(error as MessageKey)}
    </div>
  );
}
