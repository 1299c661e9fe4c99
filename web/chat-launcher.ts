/**
 * On every storefront page: the chat button loads the widget bundle (socket.io-client included)
 * only when first clicked, so browsing never pays for the chat.
 */
// A module (not a global script), so its names cannot clash with other bundles' during type checks.
export {};

const root = document.querySelector<HTMLElement>('[data-chat-root]');
const button = root?.querySelector<HTMLButtonElement>('[data-chat-toggle]');

if (root && button) {
  let loading: Promise<void> | null = null;
  button.addEventListener('click', () => {
    // After loading, the widget owns the button and toggles the panel itself.
    if (loading) return;
    const src = root.dataset.widgetSrc;
    if (!src) return;
    button.setAttribute('aria-busy', 'true');
    loading = import(/* @vite-ignore */ src)
      .then((mod: { mountChatWidget(root: HTMLElement): void }) => mod.mountChatWidget(root))
      .catch(() => {
        loading = null; // a later click tries again (e.g. after a deploy changed the hash)
      })
      .finally(() => button.removeAttribute('aria-busy'));
  });
}
