import { chatStrings } from '../../ui/chat-strings';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';

/** The staff console's shell; web/chat-console.ts fills the list and the conversation live. */
export function ChatConsolePage() {
  const { t } = usePage();
  return (
    <AdminLayout title={t('chat.console.title')} crumbs={[{ label: t('admin.nav.chat') }]} scripts={['chatConsole']}>
      <section class="container chat-console-page">
        <h1 class="auth-title">{t('chat.console.title')}</h1>
        <div id="chat-console" class="chat-console" data-strings={chatStrings(t, { console: true })}>
          <noscript>
            <p class="alert alert-warning">{t('chat.console.noscript')}</p>
          </noscript>
        </div>
      </section>
    </AdminLayout>
  );
}
