import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import { chatStrings } from '../strings';

/** The staff console's shell; web/chat-console.ts fills the list and the conversation live. */
export function ChatConsolePage() {
  const { t } = usePage();
  return (
    <Layout title={t('chat.console.title')} scripts={['chatConsole']}>
      <section class="container chat-console-page">
        <h1 class="auth-title">{t('chat.console.title')}</h1>
        <div id="chat-console" class="chat-console" data-strings={chatStrings(t, { console: true })}>
          <noscript>
            <p class="alert alert-warning">{t('chat.console.noscript')}</p>
          </noscript>
        </div>
      </section>
    </Layout>
  );
}
