import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';

/** An unknown path under /admin, as staff see it (outsiders get the guard's answer instead). */
export function AdminNotFoundPage() {
  const { t } = usePage();
  return (
    <AdminLayout title={t('admin.notFound.title')} crumbs={[{ label: t('admin.notFound.title') }]}>
      <h1 class="admin-title">{t('admin.notFound.title')}</h1>
      <p class="lead">{t('admin.notFound.lead')}</p>
      <a class="btn btn-admin" href="/admin">
        <Icon name="gauge" /> {t('admin.notFound.back')}
      </a>
    </AdminLayout>
  );
}
