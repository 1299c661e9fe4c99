/**
 * The browser modules get their text from the server's catalog (one JSON data attribute), so
 * the widget and console follow the page's language without shipping both catalogs.
 */
import type { MessageKey, Translate } from '../../lib/i18n';
import { memoByObject } from '../../lib/object-memo';

const KEYS = [
  'chat.notify',
  'chat.notify.denied',
  'chat.notify.unsupported',
  'chat.notify.product',
  'chat.notify.image',
  'chat.sound',
  'chat.receipt.sent',
  'chat.receipt.read',
  'chat.open',
  'chat.close',
  'chat.title',
  'chat.state.connecting',
  'chat.state.online',
  'chat.state.offline',
  'chat.state.reconnecting',
  'chat.input.label',
  'chat.input.placeholder',
  'chat.send',
  'chat.typing',
  'chat.typing.customer',
  'chat.empty',
  'chat.older',
  'chat.you',
  'chat.staff',
  'chat.error.send',
  'chat.error.rate',
  'chat.error.invalid',
  'chat.guest.lead',
  'chat.guest.name',
  'chat.guest.email',
  'chat.guest.start',
  'chat.guest.invalid',
  'chat.console.open',
  'chat.console.archived',
  'chat.console.empty',
  'chat.console.pick',
  'chat.console.unread',
  'chat.console.archive',
  'chat.console.reopen',
  'chat.console.customer',
  'chat.console.orders',
  'chat.console.noOrders',
  'chat.product.attach',
  'chat.product.search',
  'chat.product.attached',
  'chat.product.remove',
  'chat.support.online',
  'chat.support.offline',
  'chat.support.hours',
  'chat.console.online',
  'chat.image.attach',
  'chat.image.preview',
  'chat.image.remove',
  'chat.image.uploading',
  'chat.image.ready',
  'chat.image.tooLarge',
  'chat.image.invalid',
  'chat.image.rate',
  'chat.image.failed',
  'chat.image.alt',
  'chat.image.only',
  'chat.image.open',
  'chat.image.unavailable',
] as const satisfies readonly MessageKey[];

/** Only the staff console needs these; the storefront widget does not carry them on every page. */
const CONSOLE_KEYS = [
  'chat.console.search',
  'chat.console.filter',
  'chat.console.filter.all',
  'chat.console.filter.unread',
  'chat.console.filter.today',
  'chat.console.filter.mine',
  'chat.console.filter.unassigned',
  'chat.console.match',
  'chat.console.assign',
  'chat.console.assign.none',
  'chat.console.assign.me',
  'chat.console.assigned',
  'chat.console.newMessages',
  'chat.console.canned',
  'chat.console.canned.pick',
  'chat.console.canned.manage',
  'chat.console.canned.new',
  'chat.console.canned.title',
  'chat.console.canned.body',
  'chat.console.canned.save',
  'chat.console.canned.edit',
  'chat.console.canned.delete',
  'chat.console.canned.close',
  'chat.console.canned.empty',
  'chat.console.canned.duplicate_title',
  'chat.console.canned.invalid_title',
  'chat.console.canned.invalid_body',
  'chat.console.title',
] as const satisfies readonly MessageKey[];

/** Built once per language (translators are one per locale): every storefront page carries them. */
const built = memoByObject((t: Translate) => {
  const json = (keys: readonly MessageKey[]) => JSON.stringify(Object.fromEntries(keys.map((key) => [key.slice('chat.'.length), t(key)])));
  return { widget: json(KEYS), console: json([...KEYS, ...CONSOLE_KEYS]) };
});

export function chatStrings(t: Translate, opts: { console?: boolean } = {}): string {
  const strings = built(t);
  return opts.console ? strings.console : strings.widget;
}
