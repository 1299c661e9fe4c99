/**
 * A row's one-step action on the orders list: "process" for a paid order, tracking number + "ship"
 * (quick ship) for one being processed. Each is one staff move through the same route as the
 * order's page, carrying the status the staff member saw and the list to come back to.
 */
import type { DeskList } from '../../orders/types';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { DESK_PATH } from './parts';

export function QuickAction({ row, back }: { row: DeskList['rows'][number]; back: string }) {
  const { t } = usePage();
  const action = `${DESK_PATH}/${row.number}/status`;
  if (row.moves.includes('shipped')) {
    const id = `ship-${row.number}`;
    return (
      <form method="post" action={action} class="desk-quickship" data-desk-quickship={row.number}>
        <CsrfField />
        <input type="hidden" name="to" value="shipped" />
        <input type="hidden" name="from" value={row.status} />
        <input type="hidden" name="back" value={back} />
        <label class="visually-hidden" for={id}>
          {t('ordersDesk.quickShip.label', { number: row.number })}
        </label>
        <input
          id={id}
          name="trackingNumber"
          class="form-control form-control-sm"
          maxLength={60}
          required
          autocomplete="off"
          placeholder={t('ordersDesk.quickShip.placeholder')}
        />
        <button type="submit" class="btn btn-sm btn-rock text-nowrap">
          <Icon name="truck-fast" /> {t('ordersDesk.quickShip.submit')}
        </button>
      </form>
    );
  }
  if (row.moves.includes('processing')) {
    return (
      <form method="post" action={action} data-desk-process={row.number}>
        <CsrfField />
        <input type="hidden" name="to" value="processing" />
        <input type="hidden" name="from" value={row.status} />
        <input type="hidden" name="back" value={back} />
        <button
          type="submit"
          class="btn btn-sm btn-outline-rock text-nowrap"
          aria-label={t('ordersDesk.process.label', { number: row.number })}
        >
          <Icon name="box-open" /> {t('ordersDesk.process.submit')}
        </button>
      </form>
    );
  }
  return null;
}
