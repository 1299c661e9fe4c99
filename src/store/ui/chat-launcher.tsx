import { Icon } from './icon';
import { usePage } from './page-context';
import { chatStrings } from './chat-strings';
import { SharedPart } from './shared-part';

/**
 * The floating chat button on every storefront page. Only this and a tiny script ship with the
 * page; web/chat-launcher.ts loads the widget (and socket.io-client) on the first click.
 */
export function ChatLauncher() {
  const { assets, user } = usePage();
  // Its strings make it a tenth of the page: rendered once per language (SharedPart).
  return <SharedPart tag="div" attributes={{}} id={`chat|${assets.chatWidget}|${user ? 1 : 0}`} inner={() => <Launcher />} />;
}

function Launcher() {
  const { t, assets, user } = usePage();
  return (
    <div
      class="chat-launcher"
      data-chat-root
      data-widget-src={assets.chatWidget}
      data-strings={chatStrings(t)}
      data-logged-in={user ? '1' : '0'}
    >
      <button type="button" class="btn btn-rock chat-launcher-button" data-chat-toggle aria-expanded="false" aria-label={t('chat.open')}>
        <Icon name="comments" />
        <span class="chat-unread-badge" data-chat-unread hidden />
      </button>
    </div>
  );
}
