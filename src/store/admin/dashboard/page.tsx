import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { visibleNav } from '../nav';

/** The dashboard's placeholder (A1 comes with its own issue): a greeting and the sections that exist. */
export function DashboardPage() {
  const { t, user } = usePage();
  const sections = visibleNav(user?.role).filter((item) => item.section !== 'dashboard');
  return (
    <AdminLayout title={t('admin.nav.dashboard')}>
      <h1 class="admin-title">{t('admin.title')}</h1>
      <p class="lead">{t('admin.lead', { name: user?.name ?? '' })}</p>
      <p>{t(user?.role === 'admin' ? 'admin.role.admin' : 'admin.role.staff')}</p>
      <p class="text-body-secondary">{t('admin.dashboard.soon')}</p>
      <h2 class="admin-subtitle">{t('admin.dashboard.shortcuts')}</h2>
      <ul class="admin-cards">
        {sections.map((item) => (
          <li key={item.section}>
            <a class="admin-card" href={item.href} data-admin-shortcut={item.section}>
              <Icon name={item.icon} />
              <span class="admin-card-title">{t(item.label)}</span>
              {item.section === 'chat' && <span class="admin-card-text">{t('admin.dashboard.chat')}</span>}
            </a>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
