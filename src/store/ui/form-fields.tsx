/**
 * Form building blocks of the accounts pages: a labelled input with its own error message
 * (linked by aria-describedby), and the card every auth page sits in.
 */
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { Layout } from './layout';
import { usePage } from './page-context';
import type { FieldErrors, FormValues } from './form';

export interface FormState {
  values?: FormValues;
  errors?: FieldErrors;
  /** A message for the whole form (e.g. wrong email or password). */
  alert?: { kind: 'danger' | 'warning' | 'success' | 'info'; key: MessageKey; params?: Record<string, string | number> };
}

/** The ids a field's `aria-describedby` names: its error message and its hint, when it has them. */
export function describedBy(id: string, error: string | undefined, hint: MessageKey | undefined): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * A field's hint and its error message, with the ids `describedBy` names. `block` shows the error
 * also when the input is not its sibling (inside an input group with a unit).
 */
export function FieldNotes(props: { id: string; error: string | undefined; hint: MessageKey | undefined; block?: boolean }) {
  const { id, error, hint } = props;
  const { t } = usePage();
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} class="form-text">
          {t(hint)}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} class={props.block ? 'invalid-feedback d-block' : 'invalid-feedback'}>
          {t(error as MessageKey)}
        </div>
      )}
    </>
  );
}

export function FieldInput(props: {
  name: string;
  label: MessageKey;
  type?: 'text' | 'email' | 'password' | 'tel';
  state: FormState;
  autocomplete?: string;
  hint?: MessageKey;
  maxLength?: number;
  required?: boolean;
  inputMode?: 'tel' | 'numeric' | 'email' | 'text';
  pattern?: string;
}) {
  const { t } = usePage();
  const { name, state } = props;
  const id = `f-${name}`;
  const error = state.errors?.[name];
  const isSecret = props.type === 'password';
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {t(props.label)}
      </label>
      <input
        id={id}
        name={name}
        // Preact types `type` as a union keyed by value; the four kinds used here share every attribute.
        {...({ type: props.type ?? 'text' } as { type: 'text' })}
        class={`form-control${error ? ' is-invalid' : ''}`}
        value={isSecret ? undefined : (state.values?.[name] ?? '')}
        autocomplete={props.autocomplete}
        maxLength={props.maxLength}
        required={props.required ?? true}
        inputMode={props.inputMode}
        pattern={props.pattern}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
      />
      <FieldNotes id={id} error={error} hint={props.hint} />
    </div>
  );
}

export function FormAlert({ state }: { state: FormState }) {
  const { t } = usePage();
  if (!state.alert) return null;
  return (
    <div class={`alert alert-${state.alert.kind}`} role={state.alert.kind === 'danger' ? 'alert' : 'status'}>
      {t(state.alert.key, state.alert.params)}
    </div>
  );
}

/** A centred card with a title: login, register, reset and notice pages. */
export function AuthCard({ title, lead, children }: { title: string; lead?: string; children: ComponentChildren }) {
  return (
    <Layout title={title}>
      <section class="container auth-page">
        <div class="auth-card">
          <h1 class="auth-title">{title}</h1>
          {lead && <p class="text-body-secondary">{lead}</p>}
          {children}
        </div>
      </section>
    </Layout>
  );
}
