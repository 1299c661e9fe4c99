/**
 * Staff chat console (/admin/chat): conversation list with unread counts and the last message,
 * search and filters, live updates and new-message alerts across all conversations, history,
 * reply with canned quick replies, read receipts, assignment, archive and reopen. The socket uses
 * the staff member's own token; the chat service checks the role on every event.
 */
import type { Socket } from 'socket.io-client';
import { createChatAlerts } from './chat-alerts';
import { cannedReplies } from './chat-canned';
import { messageComposer } from './chat-composer';
import { type Receipts, createReceipts } from './chat-receipts';
import {
  type ChatMessage,
  type Strings,
  ask,
  configureAttachments,
  connectChat,
  el,
  format,
  getJson,
  insertMessages,
  isImageOnly,
  messageNode,
  readStrings,
} from './chat-shared';

interface Summary {
  id: number;
  customerId: string;
  customerName: string;
  status: 'open' | 'archived';
  unread: number;
  assignedStaffId: string | null;
  assignedStaffName: string | null;
  /** Highest message id the customer's widget has shown: staff replies up to it are "read". */
  customerLastReadId: number;
  lastMessage: { body: string; hasAttachment?: boolean } | null;
  /** With a search: the newest message that matched. */
  match?: { body: string } | null;
}

type Filter = 'all' | 'unread' | 'today' | 'mine' | 'unassigned';
const FILTERS: Filter[] = ['all', 'unread', 'today', 'mine', 'unassigned'];
const SEARCH_DEBOUNCE_MS = 250;

const root = document.getElementById('chat-console');
if (root) mount(root);

function mount(root: HTMLElement) {
  const s: Strings = readStrings(root);
  const locale = document.documentElement.lang || 'id';
  const state = el('p', 'chat-state small', s['state.connecting']);
  state.setAttribute('role', 'status');
  const tabs = el('div', 'btn-group btn-group-sm mb-2');
  const list = el('ul', 'chat-console-list list-group');
  const pane = el('div', 'chat-console-pane card');
  const aside = el('div', 'chat-console-side');
  const tools = el('div', 'chat-console-tools');
  const searchLabel = el('label', 'visually-hidden', s['console.search']);
  searchLabel.htmlFor = 'chat-console-search';
  const search = el('input', 'form-control form-control-sm');
  search.type = 'search';
  search.id = 'chat-console-search';
  search.placeholder = s['console.search'] ?? '';
  search.maxLength = 200;
  const filterLabel = el('label', 'visually-hidden', s['console.filter']);
  filterLabel.htmlFor = 'chat-console-filter';
  const filterSelect = el('select', 'form-select form-select-sm');
  filterSelect.id = 'chat-console-filter';
  for (const value of FILTERS) {
    const option = el('option', '', s[`console.filter.${value}`]);
    option.value = value;
    filterSelect.append(option);
  }
  tools.append(searchLabel, search, filterLabel, filterSelect);
  aside.append(tools, tabs, list);
  const columns = el('div', 'chat-console-columns');
  columns.append(aside, pane);
  const top = el('div', 'chat-console-top');
  top.append(state);
  root.append(top, columns);

  let status: 'open' | 'archived' = 'open';
  let filter: Filter = 'all';
  /** Who this console belongs to (for "assigned to me"); known once the directory has loaded. */
  let me: { id: string; name: string } | undefined;
  let staffDirectory: { id: string; name: string }[] = [];
  let current: Summary | null = null;
  let conversations: Summary[] = [];
  /** Customers with a chat connection open right now (C5), from the chat service's presence. */
  const online = new Set<string>();
  let log: HTMLOListElement | null = null;
  let typing: HTMLElement | null = null;
  let receipts: Receipts | null = null;
  let replyInput: HTMLTextAreaElement | null = null;

  const socket: Socket = connectChat(async () => (await getJson<{ token: string }>('/chat/token')).token);
  // Images are fetched (and uploaded) with the staff member's chat token.
  const attachmentToken = configureAttachments(async () => (await getJson<{ token: string }>('/chat/token')).token, s);
  // One set of quick replies for the console, moved into whichever conversation is open.
  const canned = cannedReplies(socket, s, (text) => {
    if (!replyInput) return;
    replyInput.value = replyInput.value.trim() ? `${replyInput.value.trimEnd()}\n${text}` : text;
    replyInput.focus();
  });

  for (const value of ['open', 'archived'] as const) {
    const button = el('button', 'btn btn-outline-rock', s[`console.${value}`]);
    button.type = 'button';
    button.dataset.status = value;
    button.addEventListener('click', () => {
      status = value;
      void refresh();
    });
    tabs.append(button);
  }

  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void refresh(), SEARCH_DEBOUNCE_MS);
  });
  filterSelect.addEventListener('change', () => {
    filter = filterSelect.value as Filter;
    void refresh();
  });

  /** Answers can overtake each other while staff type: only the newest request's list is shown. */
  let listRequest = 0;
  async function refresh() {
    for (const b of tabs.querySelectorAll<HTMLButtonElement>('button')) {
      b.classList.toggle('active', b.dataset.status === status);
      b.setAttribute('aria-pressed', String(b.dataset.status === status));
    }
    const ticket = ++listRequest;
    const answer = await ask(socket, 'conversation:list', { status, filter, search: search.value.trim() });
    if (!answer.ok || ticket !== listRequest) return;
    conversations = answer.conversations as Summary[];
    renderList();
  }

  function renderList() {
    list.replaceChildren();
    if (conversations.length === 0) list.append(el('li', 'list-group-item text-body-secondary', s['console.empty']));
    for (const c of conversations) {
      const item = el('li', `list-group-item list-group-item-action chat-console-item${current?.id === c.id ? ' active' : ''}`);
      item.dataset.conversationId = String(c.id);
      item.tabIndex = 0;
      const name = el('strong', 'd-block', c.customerName);
      if (online.has(c.customerId)) {
        const dot = el('span', 'chat-online-dot');
        dot.title = s['console.online'] ?? '';
        dot.setAttribute('aria-label', s['console.online'] ?? '');
        dot.setAttribute('role', 'img');
        name.prepend(dot);
      }
      const lastText = c.lastMessage && isImageOnly(c.lastMessage) ? (s['image.only'] ?? '') : (c.lastMessage?.body ?? '');
      const last = el('span', 'd-block small text-truncate', c.match ? format(s['console.match'], { text: c.match.body }) : lastText);
      item.append(name, last);
      if (c.assignedStaffName)
        item.append(
          el(
            'span',
            'd-block small text-body-secondary chat-console-assigned',
            format(s['console.assigned'], { name: c.assignedStaffName }),
          ),
        );
      if (c.unread > 0) {
        const badge = el('span', 'badge text-bg-danger chat-console-unread', String(c.unread));
        badge.setAttribute('aria-label', format(s['console.unread'], { count: c.unread }));
        item.append(badge);
      }
      const pick = () => void openConversation(c);
      item.addEventListener('click', pick);
      item.addEventListener('keydown', (e) => e.key === 'Enter' && pick());
      list.append(item);
    }
  }

  async function openConversation(c: Summary) {
    current = c;
    pane.replaceChildren();
    const header = el('header', 'chat-panel-header');
    header.append(el('h2', 'chat-panel-title', c.customerName));
    const toggle = el('button', 'btn btn-sm btn-outline-rock', c.status === 'open' ? s['console.archive'] : s['console.reopen']);
    toggle.type = 'button';
    toggle.addEventListener('click', async () => {
      const answer = await ask(socket, c.status === 'open' ? 'conversation:archive' : 'conversation:reopen', { conversationId: c.id });
      if (answer.ok) c.status = c.status === 'open' ? 'archived' : 'open';
      await refresh();
      await openConversation(c);
    });
    header.append(assignControl(c), toggle);
    log = el('ol', 'chat-log list-unstyled');
    // The same label as the customer's widget, turned around: under the latest staff reply,
    // "read" once the customer's widget has shown it.
    receipts = createReceipts(log, s);
    receipts.staffRead(c.customerLastReadId);
    log.setAttribute('aria-live', 'polite');
    typing = el('p', 'chat-typing small text-body-secondary', s['typing.customer']);
    typing.hidden = true;
    const customer = el('aside', 'chat-customer small');
    customer.setAttribute('aria-label', s['console.customer'] ?? '');
    pane.append(header, customer, log, typing);
    replyInput = null;
    if (c.status === 'open') pane.append(canned.root, replyForm(c));
    void fillCustomerPanel(customer, c);
    const answer = await ask(socket, 'history', { conversationId: c.id, limit: 100 });
    if (answer.ok) show(answer.messages as ChatMessage[]);
    await markRead(c);
  }

  /** Contact and recent orders from the store (staff-only endpoint); all text set as text. */
  async function fillCustomerPanel(panel: HTMLElement, c: Summary) {
    type Panel =
      | { kind: 'guest'; note: string }
      | {
          kind: 'customer';
          name: string;
          email: string;
          phone: string;
          ordersTotal: number;
          orders: { number: string; url: string; status: string; total: string; date: string }[];
        };
    let info: Panel;
    try {
      info = await getJson<Panel>(`/admin/chat/pelanggan/${encodeURIComponent(c.customerId)}`);
    } catch {
      return; // the panel is extra: the conversation works without it
    }
    if (current?.id !== c.id) return;
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

  async function markRead(c: Summary) {
    c.unread = 0;
    await ask(socket, 'conversation:read', { conversationId: c.id });
    renderList();
  }

  function show(messages: ChatMessage[]) {
    if (!log) return;
    const nodes = messages.map((m) => {
      const mine = m.senderRole === 'staff' || m.senderRole === 'admin';
      return messageNode(m, mine, (mine ? s.staff : current?.customerName) ?? '', locale);
    });
    insertMessages(log, nodes);
    receipts?.refresh();
    log.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  /** "Handled by": nobody, me, or a colleague the chat has seen in the console. */
  function assignControl(c: Summary): HTMLElement {
    const wrap = el('div', 'chat-assign');
    const label = el('label', 'small text-body-secondary', s['console.assign']);
    label.htmlFor = 'chat-assign';
    const select = el('select', 'form-select form-select-sm');
    select.id = 'chat-assign';
    const none = el('option', '', s['console.assign.none']);
    none.value = '';
    select.append(none);
    const people = [...staffDirectory];
    // Someone assigned before the directory knew them still shows by name.
    if (c.assignedStaffId && !people.some((p) => p.id === c.assignedStaffId))
      people.push({ id: c.assignedStaffId, name: c.assignedStaffName ?? c.assignedStaffId });
    for (const person of people) {
      const option = el('option', '', person.id === me?.id ? format(s['console.assign.me'], { name: person.name }) : person.name);
      option.value = person.id;
      select.append(option);
    }
    select.value = c.assignedStaffId ?? '';
    select.addEventListener('change', async () => {
      const answer = await ask(socket, 'conversation:assign', { conversationId: c.id, staffId: select.value || null });
      if (answer.ok) {
        const updated = answer.conversation as { assignedStaffId: string | null; assignedStaffName: string | null };
        c.assignedStaffId = updated.assignedStaffId;
        c.assignedStaffName = updated.assignedStaffName;
      }
      select.value = c.assignedStaffId ?? '';
      await refresh();
    });
    wrap.append(label, select);
    return wrap;
  }

  async function loadDirectory() {
    const directory = await ask(socket, 'staff:list');
    if (!directory.ok) return;
    staffDirectory = directory.staff as { id: string; name: string }[];
    me = directory.me as { id: string; name: string };
  }

  function replyForm(c: Summary): HTMLFormElement {
    const error = el('p', 'chat-error small text-danger');
    error.setAttribute('role', 'alert');
    const composer = messageComposer({
      s,
      socket: () => socket,
      inputId: 'chat-reply',
      conversationId: () => c.id,
      attachmentToken,
      error,
      onSent: (message) => show([message]),
    });
    replyInput = composer.input;
    composer.form.append(error);
    return composer.form;
  }

  socket.on('presence:customer', ({ customerId, online: isOnline }: { customerId: string; online: boolean }) => {
    if (isOnline) online.add(customerId);
    else online.delete(customerId);
    renderList();
  });
  socket.on('connect', () => {
    state.textContent = s['state.online'] ?? '';
    void ask(socket, 'presence:customers:get').then((answer) => {
      if (!answer.ok) return;
      online.clear();
      for (const id of answer.online as string[]) online.add(id);
      renderList();
    });
    void refresh();
    void canned.reload();
    void loadDirectory();
    if (current) void openConversation(current); // catch up after a reconnect
  });
  socket.on('disconnect', (reason) => {
    state.textContent = s['state.reconnecting'] ?? '';
    // The server ends a connection when its token expires; socket.io does not retry that on its own.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', () => (state.textContent = s['state.offline'] ?? ''));

  // A bell and a tone for customers' messages, like the widget's for staff replies (own settings).
  const names = new Map<number, string>();
  const alerts = createChatAlerts(
    root,
    s,
    (conversationId) => {
      const entry = conversations.find((c) => c.id === conversationId);
      if (entry) void openConversation(entry);
    },
    {
      alertFor: (m) => m.senderRole === 'customer' || m.senderRole === 'guest',
      keys: { notify: 'hurtrock-console-notify', sound: 'hurtrock-console-sound' },
      who: (m) => names.get(m.conversationId),
      title: s['console.title'],
    },
  );
  top.append(alerts.controls);

  socket.on(
    'message:new',
    ({ message, conversation }: { message: ChatMessage; conversation: { id: number; customerId: string; customerName: string } }) => {
      names.set(conversation.id, conversation.customerName);
      alerts.incoming(message, current?.id === conversation.id);
      if (current?.id === conversation.id) {
        show([message]);
        if (typing) typing.hidden = true;
        void markRead(current);
      }
      // Live list: move the conversation to the top with its new last message and unread count.
      let entry = conversations.find((c) => c.id === conversation.id);
      if (!entry && status === 'open') {
        entry = {
          id: conversation.id,
          customerId: conversation.customerId,
          customerName: conversation.customerName,
          status: 'open',
          unread: 0,
          assignedStaffId: null,
          assignedStaffName: null,
          customerLastReadId: 0,
          lastMessage: null,
        };
      }
      if (!entry) return;
      conversations = [entry, ...conversations.filter((c) => c !== entry)];
      entry.lastMessage = { body: message.body, hasAttachment: Boolean(message.attachment) };
      const fromCustomer = message.senderRole === 'customer' || message.senderRole === 'guest';
      if (fromCustomer && current?.id !== entry.id) entry.unread += 1;
      if (fromCustomer) titleAlert.add();
      renderList();
    },
  );
  socket.on('conversation:updated', () => void refresh());
  const titleAlert = newMessageTitle(s);
  socket.on('canned:changed', () => void canned.reload());
  socket.on('receipt', ({ conversationId, reader, lastReadId }: { conversationId: number; reader: string; lastReadId: number }) => {
    if (reader !== 'customer') return;
    const entry = conversations.find((c) => c.id === conversationId);
    if (entry) entry.customerLastReadId = Math.max(entry.customerLastReadId, lastReadId);
    if (current?.id === conversationId) {
      current.customerLastReadId = Math.max(current.customerLastReadId, lastReadId);
      receipts?.staffRead(lastReadId);
    }
  });
  socket.on('conversation:read', ({ conversationId }: { conversationId: number }) => {
    const entry = conversations.find((c) => c.id === conversationId);
    if (entry) entry.unread = 0;
    renderList();
  });
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  socket.on('typing', ({ conversationId }: { conversationId: number }) => {
    if (current?.id !== conversationId || !typing) return;
    typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => typing && (typing.hidden = true), 5_000);
  });

  pane.append(el('p', 'text-body-secondary p-3', s['console.pick']));
}

/**
 * New-message alert across all conversations: while the console's tab is in the background,
 * its title counts customer messages ("(3) new messages · …"), so a pinned tab shows it.
 */
function newMessageTitle(s: Strings): { add(): void } {
  const original = document.title;
  let count = 0;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return;
    count = 0;
    document.title = original;
  });
  return {
    add() {
      if (document.visibilityState === 'visible') return;
      count += 1;
      document.title = `${format(s['console.newMessages'], { count })} · ${original}`;
    },
  };
}
