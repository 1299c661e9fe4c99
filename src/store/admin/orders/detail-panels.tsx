/** The order page's working panels: the allowed moves (ship with a tracking number), the timeline, staff notes. */
import { formatDateTimeWib } from '../../../lib/time';
import type { DeskDetail } from '../../orders/types';
import { CsrfField } from '../../ui/csrf-field';
import { describedBy, FieldNotes, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { FieldTextarea } from '../fields';
import { DESK_PATH } from './parts';

export function MovesPanel({ detail, ship }: { detail: DeskDetail; ship: FormState }) {
  const { t } = usePage();
  const { order, moves } = detail;
  const action = `${DESK_PATH}/${order.number}/status`;
  const error = ship.errors?.trackingNumber;
  return (
    <section class="desk-panel desk-moves" aria-labelledby="desk-moves-title" data-desk-moves>
      <h2 id="desk-moves-title" class="admin-subtitle">
        {t('ordersDesk.moves')}
      </h2>
      {moves.length === 0 && <p class="text-body-secondary mb-0">{t('ordersDesk.moves.none')}</p>}
      <div class="desk-move-forms">
        {moves.map((to) => (
          <form method="post" action={action} class={to === 'shipped' ? 'desk-ship-form' : 'desk-move-form'} key={to} data-desk-move={to}>
            <CsrfField />
            <input type="hidden" name="to" value={to} />
            <input type="hidden" name="from" value={order.status} />
            {to === 'shipped' && (
              <div class="desk-ship-field">
                <label class="form-label" for="f-trackingNumber">
                  {t('ordersDesk.tracking.label', { courier: order.shippingCourier })}
                </label>
                <input
                  id="f-trackingNumber"
                  name="trackingNumber"
                  class={`form-control${error ? ' is-invalid' : ''}`}
                  maxLength={60}
                  required
                  autocomplete="off"
                  value={ship.values?.trackingNumber ?? ''}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={describedBy('f-trackingNumber', error, 'ordersDesk.tracking.hint')}
                />
                <FieldNotes id="f-trackingNumber" error={error} hint="ordersDesk.tracking.hint" />
                {detail.trackingExample && (
                  <div class="form-text">{t('ordersDesk.tracking.example', { example: detail.trackingExample })}</div>
                )}
              </div>
            )}
            <button class={`btn btn-sm ${to === 'cancelled' || to === 'refunded' ? 'btn-outline-danger' : 'btn-rock'}`} type="submit">
              {t('order.staff.move', { status: t(`order.status.${to}`) })}
            </button>
          </form>
        ))}
      </div>
    </section>
  );
}

export function TimelinePanel({ detail }: { detail: DeskDetail }) {
  const { t, locale } = usePage();
  return (
    <section class="desk-panel" aria-labelledby="desk-timeline-title">
      <h2 id="desk-timeline-title" class="admin-subtitle">
        {t('ordersDesk.timeline')}
      </h2>
      <ol class="list-unstyled desk-timeline mb-0" data-desk-timeline>
        {detail.timeline.map((e) => (
          <li key={e.id}>
            <span class="desk-timeline-dot" aria-hidden="true" />
            <span class="fw-semibold">{t(`order.status.${e.toStatus}`)}</span>
            <span class="d-block small text-body-secondary">
              <time dateTime={e.createdAt.toISOString()}>{formatDateTimeWib(e.createdAt, locale)}</time> ·{' '}
              {e.actorName ?? t(`order.actor.${e.actorKind as 'customer' | 'staff' | 'system'}`)}
            </span>
            {e.note && <span class="d-block small">{e.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function NotesPanel({ detail, form }: { detail: DeskDetail; form: FormState }) {
  const { t, locale } = usePage();
  return (
    <section class="desk-panel" id="catatan" aria-labelledby="desk-notes-title">
      <h2 id="desk-notes-title" class="admin-subtitle">
        <Icon name="lock" /> {t('ordersDesk.notes')}
      </h2>
      <p class="small text-body-secondary">{t('ordersDesk.notes.lead')}</p>
      {detail.notes.length > 0 && (
        <ul class="list-unstyled desk-notes" data-desk-notes>
          {detail.notes.map((n) => (
            <li key={n.id}>
              <p class="mb-1 desk-note-body">{n.body}</p>
              <span class="small text-body-secondary">
                {n.authorName ?? t('ordersDesk.notes.unknown')} · {formatDateTimeWib(n.createdAt, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${DESK_PATH}/${detail.order.number}/catatan`} novalidate>
        <CsrfField />
        <FieldTextarea name="body" label="ordersDesk.notes.field" state={form} rows={2} maxLength={1000} />
        <button type="submit" class="btn btn-sm btn-outline-rock">
          {t('ordersDesk.notes.submit')}
        </button>
      </form>
    </section>
  );
}
