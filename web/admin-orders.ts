/**
 * The orders desk in the browser, on every admin page whose sidebar shows "Pesanan":
 *
 * - The badge: the number of orders needing action (paid, not shipped; transfer receipts to check),
 *   polled every 15 s from /admin/pesanan/perlu-tindakan with If-None-Match, so an unchanged count
 *   is a bodiless 304. Polling rather than server-sent events: any store instance answers from the
 *   database alone (no pub/sub between instances, nothing held open through proxies). Hidden tabs
 *   poll every minute only.
 * - New orders announce themselves with the chat console's bell and tone (web/chat-alerts.ts, with
 *   the desk's own saved preferences): when the newest order id or the count goes up after the
 *   first answer. The toggles appear on the orders list (its `data-orders-alert-controls` slot).
 */
import type { ChatMessage } from './chat-bubbles';
import { createChatAlerts } from './chat-alerts';

const POLL_MS = 15_000;
const HIDDEN_POLL_MS = 60_000;

interface NeedsAction {
  count: number;
  latestId: number;
}

const badge = document.querySelector<HTMLElement>('[data-orders-badge]');
if (badge) startBadge(badge);

const fill = (template: string | undefined, count: number) => (template ?? '{count}').replace('{count}', String(count));

function startBadge(el: HTMLElement) {
  const url = el.dataset.ordersBadge!;
  const s = el.dataset;
  const alerts = createChatAlerts(
    document.body,
    {
      notify: s.notify ?? '',
      sound: s.sound ?? '',
      'notify.denied': s.notifyDenied ?? '',
      'notify.unsupported': s.notifyUnsupported ?? '',
      title: s.notifyTitle ?? '',
    },
    () => {
      window.location.href = '/admin/pesanan';
    },
    {
      alertFor: () => true,
      keys: { notify: 'hurtrock-orders-notify', sound: 'hurtrock-orders-sound' },
      title: s.notifyTitle,
    },
  );
  document.querySelector('[data-orders-alert-controls]')?.append(alerts.controls);

  let etag: string | undefined;
  let last: NeedsAction | undefined;
  let timer: number | undefined;

  // On a phone the sidebar folds behind the Menu button: the count shows on the button too
  // (for the eyes only; the link inside says it in words).
  const toggle = document.querySelector('[data-admin-nav-toggle]');
  const mirror = document.createElement('span');
  mirror.className = 'admin-nav-badge admin-nav-toggle-badge';
  mirror.setAttribute('aria-hidden', 'true');
  mirror.hidden = true;
  toggle?.append(mirror);

  function show(n: NeedsAction) {
    el.hidden = n.count === 0;
    el.replaceChildren();
    el.dataset.count = String(n.count);
    mirror.hidden = n.count === 0;
    mirror.textContent = String(n.count);
    // Nothing to say at 0: the link reads "Pesanan" alone.
    if (n.count === 0) return;
    const visible = document.createElement('span');
    visible.setAttribute('aria-hidden', 'true');
    visible.textContent = String(n.count);
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = n.count === 1 ? (s.labelOne ?? '1') : fill(s.label, n.count);
    el.append(visible, label);
  }

  function announce(n: NeedsAction) {
    // The chat alerts speak in messages: the desk's one "message" is the new count, in a fixed thread.
    const message = { conversationId: 0, body: fill(s.notifyBody, n.count), senderRole: 'customer' } as unknown as ChatMessage;
    alerts.incoming(message, false);
    el.dataset.announcedAt = String(Date.now());
  }

  async function poll() {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json', ...(etag ? { 'if-none-match': etag } : {}) } });
      if (res.ok) {
        etag = res.headers.get('etag') ?? undefined;
        const n = (await res.json()) as NeedsAction;
        if (last && (n.latestId > last.latestId || n.count > last.count)) announce(n);
        last = n;
        show(n);
      }
    } catch {
      // Offline for a moment: the next poll tries again.
    }
    timer = window.setTimeout(poll, document.hidden ? HIDDEN_POLL_MS : POLL_MS);
  }

  document.addEventListener('visibilitychange', () => {
    if (document.hidden) return;
    window.clearTimeout(timer);
    void poll();
  });
  void poll();
}
