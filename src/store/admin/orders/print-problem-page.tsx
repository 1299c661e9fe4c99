import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';

export interface PrintProblemPageProps {
  title: string;
  lead: string;
  /** The orders at fault (unknown numbers, or unpaid orders with their status). */
  numbers: { number: string; status?: string }[];
  /** Where "back" leads: the order for one document, the order list for a bulk print. */
  back: string;
}

/** A print the shop refused (unknown orders: 404; a label for an unpaid order: 409; a bad bulk request: 400). */
export function PrintProblemPage({ title, lead, numbers, back }: PrintProblemPageProps) {
  const { t } = usePage();
  return (
    <AdminLayout title={title} crumbs={[{ label: t('admin.nav.orders'), href: '/admin/pesanan' }, { label: title }]}>
      <h1 class="admin-title">{title}</h1>
      <div class="alert alert-danger" role="alert" data-print-problem>
        <p class="mb-1">{lead}</p>
        {numbers.length > 0 && (
          <ul class="mb-0" data-print-numbers>
            {numbers.map((n) => (
              <li key={n.number}>
                <strong>{n.number.slice(0, 40)}</strong>
                {n.status && ` — ${t('labels.print.status', { status: n.status })}`}
              </li>
            ))}
          </ul>
        )}
      </div>
      <a class="btn btn-admin" href={back}>
        <Icon name="arrow-left" /> {t('labels.print.back')}
      </a>
    </AdminLayout>
  );
}
