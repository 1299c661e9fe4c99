/**
 * The open conversation in the staff console: header, customer panel, message log with read
 * receipts and the typing notice, quick replies and the reply form.
 */
import { HISTORY_MAX_LIMIT, TYPING_SHOWN_MS } from '../src/chat/contract';
import { type ChatMessage, insertMessages, messageNode } from './chat-bubbles';
import type { CannedReplies } from './chat-canned';
import { messageComposer } from './chat-composer';
import { type ChatSocket, ask } from './chat-connection';
import { fillCustomerPanel } from './chat-console-customer';
import { type StaffDirectory, conversationHeader } from './chat-console-header';
import type { Summary } from './chat-console-list';
import { type Strings, el } from './chat-dom';
import { type Receipts, createReceipts } from './chat-receipts';

export interface ConversationPane {
  current(): Summary | null;
  /** Shows the conversation (again, after a reconnect): history, then marks it read. */
  open(c: Summary): Promise<void>;
  /** Live messages of the open conversation. */
  show(messages: ChatMessage[]): void;
  markRead(c: Summary): Promise<void>;
  /** A quick reply goes into the reply box, after what is already typed. */
  insertReply(text: string): void;
  typing(conversationId: number): void;
  hideTyping(): void;
  /** The customer's widget has shown staff replies up to `lastReadId`. */
  customerRead(lastReadId: number): void;
}

export function conversationPane(opts: {
  s: Strings;
  locale: string;
  socket: ChatSocket;
  pane: HTMLElement;
  canned: CannedReplies;
  attachmentToken: () => Promise<string>;
  directory: StaffDirectory;
  /** The list is reloaded after a change, and redrawn after a read. */
  refreshList(): Promise<void>;
  renderList(): void;
}): ConversationPane {
  const { s, socket, pane } = opts;
  let current: Summary | null = null;
  let log: HTMLOListElement | null = null;
  let typing: HTMLElement | null = null;
  let receipts: Receipts | null = null;
  let replyInput: HTMLTextAreaElement | null = null;

  async function open(c: Summary) {
    current = c;
    pane.replaceChildren();
    const header = conversationHeader(c, { s, socket, directory: opts.directory, refresh: opts.refreshList, reopen: open });
    const messages = el('ol', 'chat-log list-unstyled');
    log = messages;
    // The same label as the customer's widget, turned around: under the latest staff reply,
    // "read" once the customer's widget has shown it.
    receipts = createReceipts(messages, s);
    receipts.staffRead(c.customerLastReadId);
    messages.setAttribute('aria-live', 'polite');
    typing = el('p', 'chat-typing small text-body-secondary', s['typing.customer']);
    typing.hidden = true;
    const customer = el('aside', 'chat-customer small');
    customer.setAttribute('aria-label', s['console.customer'] ?? '');
    pane.append(header, customer, messages, typing);
    replyInput = null;
    if (c.status === 'open') pane.append(opts.canned.root, replyForm(c));
    void fillCustomerPanel(customer, c.customerId, s, () => current?.id === c.id);
    const answer = await ask(socket, 'history', { conversationId: c.id, limit: HISTORY_MAX_LIMIT });
    if (answer.ok) show(answer.messages);
    await markRead(c);
  }

  async function markRead(c: Summary) {
    c.unread = 0;
    await ask(socket, 'conversation:read', { conversationId: c.id });
    opts.renderList();
  }

  function show(messages: ChatMessage[]) {
    if (!log) return;
    const nodes = messages.map((m) => {
      const mine = m.senderRole === 'staff' || m.senderRole === 'admin';
      return messageNode(m, mine, (mine ? s.staff : current?.customerName) ?? '', opts.locale);
    });
    insertMessages(log, nodes);
    receipts?.refresh();
    log.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  function replyForm(c: Summary): HTMLFormElement {
    const error = el('p', 'chat-error small text-danger');
    error.setAttribute('role', 'alert');
    const composer = messageComposer({
      s,
      socket: () => socket,
      inputId: 'chat-reply',
      conversationId: () => c.id,
      attachmentToken: opts.attachmentToken,
      error,
      onSent: (message) => show([message]),
    });
    replyInput = composer.input;
    composer.form.append(error);
    return composer.form;
  }

  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  return {
    current: () => current,
    open,
    show,
    markRead,
    insertReply(text) {
      if (!replyInput) return;
      replyInput.value = replyInput.value.trim() ? `${replyInput.value.trimEnd()}\n${text}` : text;
      replyInput.focus();
    },
    typing(conversationId) {
      if (current?.id !== conversationId || !typing) return;
      typing.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => typing && (typing.hidden = true), TYPING_SHOWN_MS);
    },
    hideTyping() {
      if (typing) typing.hidden = true;
    },
    customerRead(lastReadId) {
      receipts?.staffRead(lastReadId);
    },
  };
}
