/**
 * Form fields of the admin pages beyond the shared text input (ui/form-fields.tsx): a
 * textarea, a select, a number and a checkbox, each labelled, with its own error message linked
 * by aria-describedby, re-rendered with the user's values.
 */
import type { MessageKey } from '../../lib/i18n';
import { describedBy, FieldNotes, type FormState } from '../ui/form-fields';
import { usePage } from '../ui/page-context';

interface FieldProps {
  name: string;
  label: MessageKey;
  state: FormState;
  hint?: MessageKey;
}

export function FieldTextarea(props: FieldProps & { rows?: number; maxLength?: number }) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state.errors?.[props.name];
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {t(props.label)}
      </label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        class={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
        value={props.state.values?.[props.name] ?? ''}
      />
      <FieldNotes id={id} error={error} hint={props.hint} />
    </div>
  );
}

export function FieldSelect(props: FieldProps & { options: { value: string; label: string }[] }) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state.errors?.[props.name];
  const selected = props.state.values?.[props.name] ?? '';
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {t(props.label)}
      </label>
      <select
        id={id}
        name={props.name}
        class={`form-select${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} error={error} hint={props.hint} />
    </div>
  );
}

export function FieldNumber(props: FieldProps & { min?: number; max?: number }) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const error = props.state.errors?.[props.name];
  return (
    <div class="mb-3">
      <label class="form-label" for={id}>
        {t(props.label)}
      </label>
      <input
        id={id}
        name={props.name}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        class={`form-control${error ? ' is-invalid' : ''}`}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
        value={props.state.values?.[props.name] ?? ''}
      />
      <FieldNotes id={id} error={error} hint={props.hint} />
    </div>
  );
}

export function FieldCheckbox(props: FieldProps) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  const value = props.state.values?.[props.name];
  const error = props.state.errors?.[props.name];
  return (
    <div class="form-check mb-3">
      <input
        id={id}
        name={props.name}
        type="checkbox"
        value="on"
        class={`form-check-input${error ? ' is-invalid' : ''}`}
        checked={value === 'on' || value === '1' || value === 'true'}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, props.hint)}
      />
      <label class="form-check-label" for={id}>
        {t(props.label)}
      </label>
      <FieldNotes id={id} error={error} hint={props.hint} />
    </div>
  );
}
