/**
 * Staff chat console (/admin/chat): conversation list with unread counts and the last message,
 * search and filters, live updates and new-message alerts across all conversations, history,
 * reply with canned quick replies, read receipts, assignment, archive and reopen. The socket uses
 * the staff member's own token; the chat service checks the role on every event.
 *
 * This module wires the parts together and to the socket: chat-console-list.ts (left column),
 * chat-console-conversation.ts (the open conversation), chat-canned.ts, chat-alerts.ts.
 */
import { createChatAlerts } from './chat-alerts';
import { configureAttachments } from './chat-attachments';
import { cannedReplies } from './chat-canned';
import { connectChat, ask, userChatToken } from './chat-connection';
import { conversationPane } from './chat-console-conversation';
import { type StaffDirectory, loadStaffDirectory } from './chat-console-header';
import { conversationList, fromCustomer } from './chat-console-list';
import { type Strings, el, format, readStrings } from './chat-dom';

const root = document.getElementById('chat-console');
if (root) mount(root);

function mount(root: HTMLElement) {
  const s: Strings = readStrings(root);
  const locale = document.documentElement.lang || 'id';
  const state = el('p', 'chat-state small', s['state.connecting']);
  state.setAttribute('role', 'status');
  const paneElement = el('div', 'chat-console-pane card');

  const socket = connectChat(userChatToken);
  // Images are fetched (and uploaded) with the staff member's chat token.
  const attachmentToken = configureAttachments(userChatToken, s);
  // One set of quick replies for the console, moved into whichever conversation is open.
  const canned = cannedReplies(socket, s, (text) => pane.insertReply(text));
  /** Who this console belongs to (for "assigned to me"); known once the directory has loaded. */
  const directory: StaffDirectory = { staff: [] };

  const list = conversationList({ s, socket, current: () => pane.current(), pick: (c) => void pane.open(c) });
  const pane = conversationPane({
    s,
    locale,
    socket,
    pane: paneElement,
    canned,
    attachmentToken,
    directory,
    refreshList: () => list.refresh(),
    renderList: () => list.render(),
  });

  const columns = el('div', 'chat-console-columns');
  columns.append(list.root, paneElement);
  const top = el('div', 'chat-console-top');
  top.append(state);
  root.append(top, columns);

  socket.on('presence:customer', ({ customerId, online }) => list.setOnline(customerId, online));
  socket.on('connect', () => {
    state.textContent = s['state.online'] ?? '';
    void ask(socket, 'presence:customers:get').then((answer) => {
      if (answer.ok) list.replaceOnline(answer.online);
    });
    void list.refresh();
    void canned.reload();
    void loadStaffDirectory(socket, directory);
    const current = pane.current();
    if (current) void pane.open(current); // catch up after a reconnect
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
      const entry = list.find(conversationId);
      if (entry) void pane.open(entry);
    },
    {
      alertFor: fromCustomer,
      keys: { notify: 'hurtrock-console-notify', sound: 'hurtrock-console-sound' },
      who: (m) => names.get(m.conversationId),
      title: s['console.title'],
    },
  );
  top.append(alerts.controls);

  socket.on('message:new', ({ message, conversation }) => {
    names.set(conversation.id, conversation.customerName);
    const current = pane.current();
    alerts.incoming(message, current?.id === conversation.id);
    if (current?.id === conversation.id) {
      pane.show([message]);
      pane.hideTyping();
      void pane.markRead(current);
    }
    // Live list: move the conversation to the top with its new last message and unread count.
    if (!list.messageArrived(message, conversation)) return;
    if (fromCustomer(message)) titleAlert.add();
    list.render();
  });
  socket.on('conversation:updated', () => void list.refresh());
  const titleAlert = newMessageTitle(s);
  socket.on('canned:changed', () => void canned.reload());
  socket.on('receipt', ({ conversationId, reader, lastReadId }) => {
    if (reader !== 'customer') return;
    const entry = list.find(conversationId);
    if (entry) entry.customerLastReadId = Math.max(entry.customerLastReadId, lastReadId);
    const current = pane.current();
    if (current?.id === conversationId) {
      current.customerLastReadId = Math.max(current.customerLastReadId, lastReadId);
      pane.customerRead(lastReadId);
    }
  });
  socket.on('conversation:read', ({ conversationId }) => {
    const entry = list.find(conversationId);
    if (entry) entry.unread = 0;
    list.render();
  });
  socket.on('typing', ({ conversationId }) => pane.typing(conversationId));

  paneElement.append(el('p', 'text-body-secondary p-3', s['console.pick']));
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
