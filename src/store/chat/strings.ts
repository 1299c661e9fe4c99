/**
 * The browser modules get their text from the server's catalog (one JSON data attribute), so
 * the widget and console follow the page's language without shipping both catalogs.
 */
import type { MessageKey, Translate } from '../../lib/i18n';

const KEYS = [
  'chat.notify', 'chat.notify.denied', 'chat.notify.unsupported', 'chat.notify.product', 'chat.notify.image', 'chat.sound',
  'chat.receipt.sent', 'chat.receipt.read',
  'chat.open', 'chat.close', 'chat.title', 'chat.state.connecting', 'chat.state.online', 'chat.state.offline',
  'chat.state.reconnecting', 'chat.input.label', 'chat.input.placeholder', 'chat.send', 'chat.typing',
  'chat.typing.customer', 'chat.empty', 'chat.older', 'chat.you', 'chat.staff', 'chat.error.send', 'chat.error.rate',
  'chat.error.invalid', 'chat.guest.lead', 'chat.guest.name', 'chat.guest.email', 'chat.guest.start',
  'chat.guest.invalid', 'chat.console.open', 'chat.console.archived', 'chat.console.empty', 'chat.console.pick',
  'chat.console.unread', 'chat.console.archive', 'chat.console.reopen', 'chat.console.customer',
  'chat.console.orders', 'chat.console.noOrders', 'chat.product.attach', 'chat.product.search', 'chat.product.attached',
  'chat.product.remove', 'chat.support.online', 'chat.support.offline', 'chat.support.hours', 'chat.console.online',
] as const satisfies readonly MessageKey[];

export function chatStrings(t: Translate): string {
  return JSON.stringify(Object.fromEntries(KEYS.map((key) => [key.slice('chat.'.length), t(key)])));
}
