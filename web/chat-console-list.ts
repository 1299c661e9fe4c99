/**
 * The staff console's left column: search, filter, open/archived tabs and the conversation list
 * with unread counts, the last message and who is online. The list follows new messages live.
 */
import {
  CONVERSATION_FILTERS,
  CONVERSATION_SEARCH_MAX_LENGTH,
  type ConversationDto,
  type ConversationFilter,
  type ConversationStatus,
  type ConversationSummaryDto,
} from '../src/chat/contract';
import { type ChatMessage, isImageOnly } from './chat-bubbles';
import { type ChatSocket, ask } from './chat-connection';
import { type Strings, el, format } from './chat-dom';

/** A list entry as the console keeps it: from the list answer, or started by a live message. */
export type Summary = Pick<
  ConversationSummaryDto,
  'id' | 'customerId' | 'customerName' | 'status' | 'unread' | 'assignedStaffId' | 'assignedStaffName' | 'customerLastReadId'
> & {
  lastMessage: { body: string; hasAttachment?: boolean } | null;
  /** With a search: the newest message that matched. */
  match?: { body: string } | null;
};

const SEARCH_DEBOUNCE_MS = 250;

export const fromCustomer = (message: Pick<ChatMessage, 'senderRole'>) =>
  message.senderRole === 'customer' || message.senderRole === 'guest';

export interface ConversationList {
  /** The column: search and filter, tabs, list. */
  root: HTMLElement;
  /** Asks the chat service for the list again (search, filter, tab, or something changed). */
  refresh(): Promise<void>;
  render(): void;
  find(conversationId: number): Summary | undefined;
  /** Customers online right now (C5): one changed, or the whole set after a (re)connect. */
  setOnline(customerId: string, online: boolean): void;
  replaceOnline(customerIds: string[]): void;
  /** A message arrived: its conversation moves to the top. False when it is not in this list. */
  messageArrived(message: ChatMessage, conversation: ConversationDto): boolean;
}

export function conversationList(opts: {
  s: Strings;
  socket: ChatSocket;
  /** The conversation open in the pane, highlighted in the list. */
  current(): Summary | null;
  pick(conversation: Summary): void;
}): ConversationList {
  const { s, socket } = opts;
  const tabs = el('div', 'btn-group btn-group-sm mb-2');
  const list = el('ul', 'chat-console-list list-group');
  const root = el('div', 'chat-console-side');
  const tools = el('div', 'chat-console-tools');
  const searchLabel = el('label', 'visually-hidden', s['console.search']);
  searchLabel.htmlFor = 'chat-console-search';
  const search = el('input', 'form-control form-control-sm');
  search.type = 'search';
  search.id = 'chat-console-search';
  search.placeholder = s['console.search'] ?? '';
  search.maxLength = CONVERSATION_SEARCH_MAX_LENGTH;
  const filterLabel = el('label', 'visually-hidden', s['console.filter']);
  filterLabel.htmlFor = 'chat-console-filter';
  const filterSelect = el('select', 'form-select form-select-sm');
  filterSelect.id = 'chat-console-filter';
  for (const value of CONVERSATION_FILTERS) {
    const option = el('option', '', s[`console.filter.${value}`]);
    option.value = value;
    filterSelect.append(option);
  }
  tools.append(searchLabel, search, filterLabel, filterSelect);
  root.append(tools, tabs, list);

  let status: ConversationStatus = 'open';
  let filter: ConversationFilter = 'all';
  let conversations: Summary[] = [];
  /** Customers with a chat connection open right now (C5), from the chat service's presence. */
  const online = new Set<string>();

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
    filter = filterSelect.value as ConversationFilter;
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
    conversations = answer.conversations;
    render();
  }

  function render() {
    const current = opts.current();
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
      const pick = () => opts.pick(c);
      item.addEventListener('click', pick);
      item.addEventListener('keydown', (e) => e.key === 'Enter' && pick());
      list.append(item);
    }
  }

  function messageArrived(message: ChatMessage, conversation: ConversationDto): boolean {
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
    if (!entry) return false;
    conversations = [entry, ...conversations.filter((c) => c !== entry)];
    entry.lastMessage = { body: message.body, hasAttachment: Boolean(message.attachment) };
    if (fromCustomer(message) && opts.current()?.id !== entry.id) entry.unread += 1;
    return true;
  }

  return {
    root,
    refresh,
    render,
    find: (conversationId) => conversations.find((c) => c.id === conversationId),
    setOnline(customerId, isOnline) {
      if (isOnline) online.add(customerId);
      else online.delete(customerId);
      render();
    },
    replaceOnline(customerIds) {
      online.clear();
      for (const id of customerIds) online.add(id);
      render();
    },
    messageArrived,
  };
}
