/**
 * The customer panel beside a conversation in the staff console: contact details and recent
 * orders, from the store (a staff-only endpoint). All text is set as text.
 */
import { CHAT_CUSTOMER_PANEL_PATH } from '../src/chat/contract';
import { type Strings, el, format, getJson } from './chat-dom';

type CustomerPanel =
  | { kind: 'guest'; note: string }
  | {
      kind: 'customer';
      name: string;
      email: string;
      phone: string;
      ordersTotal: number;
      orders: { number: string; url: string; status: string; total: string; date: string }[];
    };

/** Fills `panel` for the customer, unless `stillOpen()` says staff have moved on meanwhile. */
export async function fillCustomerPanel(panel: HTMLElement, customerId: string, s: Strings, stillOpen: () => boolean): Promise<void> {
  let info: CustomerPanel;
  try {
    info = await getJson<CustomerPanel>(`${CHAT_CUSTOMER_PANEL_PATH}/${encodeURIComponent(customerId)}`);
  } catch {
    return; // the panel is extra: the conversation works without it
  }
  if (!stillOpen()) return;
  if (info.kind === 'guest') {
    panel.append(el('p', 'mb-0 text-body-secondary', info.note));
    return;
  }
  const contact = el('p', 'mb-1');
  const mail = el('a', '', info.email);
  mail.href = `mailto:${info.email}`;
  contact.append(el('strong', '', info.name), document.createTextNode(' · '), mail);
  if (info.phone) contact.append(document.createTextNode(` · ${info.phone}`));
  panel.append(contact, el('p', 'mb-1 fw-semibold', format(s['console.orders'], { count: info.ordersTotal })));
  if (info.orders.length === 0) {
    panel.append(el('p', 'mb-0 text-body-secondary', s['console.noOrders']));
    return;
  }
  const list = el('ul', 'list-unstyled mb-0 chat-customer-orders');
  for (const o of info.orders) {
    const item = el('li');
    const link = el('a', '', o.number);
    link.href = o.url;
    link.target = '_blank';
    link.rel = 'noopener';
    item.append(link, document.createTextNode(` · ${o.date} · ${o.status} · ${o.total}`));
    list.append(item);
  }
  panel.append(list);
}
