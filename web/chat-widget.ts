/**
 * Customer chat widget, loaded by chat-launcher.ts on the first click. Logged-in customers chat
 * with their account token; guests first give a name and email (POST /chat/guest). On every
 * reconnect the widget fetches a fresh token and catches up on messages after the last one seen.
 */
import { CHAT_GUEST_PATH, GUEST_EMAIL_MAX_LENGTH, GUEST_NAME_MAX_LENGTH, HISTORY_MAX_LIMIT, TYPING_SHOWN_MS } from '../src/chat/contract';
import { createChatAlerts } from './chat-alerts';
import { configureAttachments } from './chat-attachments';
import { type ChatMessage, insertMessages, messageNode } from './chat-bubbles';
import { messageComposer } from './chat-composer';
import { type ChatSocket, ask, connectChat, userChatToken } from './chat-connection';
import { type Strings, el, getJson, pinToBottom, readStrings } from './chat-dom';
import { createReceipts, createSeenReporter } from './chat-receipts';

const GUEST_KEY = 'hurtrock-chat-guest';

function csrfFromMeta(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content || undefined;
}

async function guestToken(guest: { name: string; email: string }): Promise<string> {
  const post = (csrf: string) =>
    fetch(CHAT_GUEST_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(guest),
    });
  // An anonymous page may have no session yet (or it expired since the page loaded): then
  // GET /chat/guest creates one and hands out its CSRF token, and we try once more.
  const fresh = async () => (await getJson<{ csrfToken: string }>(CHAT_GUEST_PATH)).csrfToken;
  const meta = csrfFromMeta();
  let res = await post(meta ?? (await fresh()));
  if (res.status === 403 && meta) res = await post(await fresh());
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export function mountChatWidget(root: HTMLElement): void {
  const s: Strings = readStrings(root);
  const locale = document.documentElement.lang || 'id';
  const toggle = root.querySelector<HTMLButtonElement>('[data-chat-toggle]')!;
  const badge = root.querySelector<HTMLElement>('[data-chat-unread]');
  const loggedIn = root.dataset.loggedIn === '1';

  const panel = el('section', 'chat-panel card shadow');
  panel.id = 'chat-panel';
  panel.setAttribute('aria-label', s.title ?? 'Chat');
  const header = el('header', 'chat-panel-header');
  const title = el('h2', 'chat-panel-title', s.title);
  const close = el('button', 'btn-close');
  close.type = 'button';
  close.setAttribute('aria-label', s.close ?? 'Close');
  // Bell and speaker (C3 notifications when minimised) sit between the title and the close button.
  const alerts = createChatAlerts(root, s, () => setOpen(true));
  header.append(title, alerts.controls, close);
  const state = el('p', 'chat-state small', s['state.connecting']);
  state.setAttribute('role', 'status');
  state.dataset.chatState = 'connecting';
  const older = el('button', 'btn btn-link btn-sm chat-older', s.older);
  older.type = 'button';
  older.hidden = true;
  const log = el('ol', 'chat-log list-unstyled');
  log.setAttribute('aria-live', 'polite');
  const pinned = pinToBottom(log);
  const empty = el('p', 'chat-empty small text-body-secondary', s.empty);
  const typing = el('p', 'chat-typing small text-body-secondary', s.typing);
  typing.hidden = true;
  const error = el('p', 'chat-error small text-danger');
  error.setAttribute('role', 'alert');
  // C5: is anyone from the shop online right now? Offline: messages still arrive, answered in opening hours.
  const support = el('p', 'chat-support small');
  support.hidden = true;
  panel.append(header, state, support, older, empty, log, typing, error);
  root.append(panel);
  toggle.setAttribute('aria-controls', panel.id);
  const receipts = createReceipts(log, s);
  // What the customer has actually seen goes to the server (staff see "read"); see chat-receipts.ts.
  const seen = createSeenReporter(
    () => open && !document.hidden && Boolean(socket?.connected),
    async (upTo) => (await ask(socket!, 'conversation:seen', { upTo })).ok,
  );
  document.addEventListener('visibilitychange', () => void seen.flush());

  let open = true;
  let unread = 0;
  let socket: ChatSocket | null = null;
  let lastSeenId = 0;
  let firstId = 0;

  function setOpen(value: boolean) {
    open = value;
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    toggle.setAttribute('aria-label', (open ? s.close : s.open) ?? '');
    if (open) {
      unread = 0;
      if (badge) badge.hidden = true;
      alerts.opened();
      void seen.flush();
    }
  }
  toggle.addEventListener('click', () => setOpen(!open));
  close.addEventListener('click', () => setOpen(false));
  setOpen(true);

  function setState(kind: 'connecting' | 'online' | 'offline' | 'reconnecting') {
    state.dataset.chatState = kind;
    state.textContent = s[`state.${kind}`] ?? kind;
  }

  function showSupport(online: boolean) {
    support.hidden = false;
    support.dataset.supportOnline = String(online);
    support.replaceChildren(
      el('span', 'chat-support-dot'),
      document.createTextNode(` ${(online ? s['support.online'] : s['support.offline']) ?? ''} `),
    );
    if (!online) {
      const hours = el('a', '', s['support.hours']);
      hours.href = '/toko';
      support.append(hours);
    }
  }

  function show(messages: ChatMessage[]) {
    const nodes = messages.map((m) => {
      const mine = m.senderRole === 'customer' || m.senderRole === 'guest';
      return messageNode(m, mine, (mine ? s.you : s.staff) ?? '', locale);
    });
    // Newer than anything shown: go to the bottom as before; an older page leaves the reader where they are.
    const arrived = messages.some((m) => m.id > lastSeenId);
    insertMessages(log, nodes);
    for (const m of messages) {
      lastSeenId = Math.max(lastSeenId, m.id);
      firstId = firstId === 0 ? m.id : Math.min(firstId, m.id);
    }
    empty.hidden = log.childElementCount > 0;
    pinned.toBottom(arrived);
    receipts.refresh();
    void seen.shown(lastSeenId);
  }

  async function catchUp() {
    // First connect: the latest page. Reconnect: only what arrived after the last message seen.
    const initial = lastSeenId === 0;
    const answer = await ask(socket!, 'history', initial ? {} : { after: lastSeenId, limit: HISTORY_MAX_LIMIT });
    if (!answer.ok) return;
    const conversation = answer.conversation;
    if (typeof conversation?.staffLastReadId === 'number') receipts.staffRead(conversation.staffLastReadId);
    show(answer.messages);
    // Only the first page says whether older messages exist; a catch-up page says nothing about that.
    if (initial) older.hidden = !answer.hasMore;
  }

  older.addEventListener('click', async () => {
    const answer = await ask(socket!, 'history', { before: firstId });
    if (!answer.ok) return;
    show(answer.messages);
    older.hidden = !answer.hasMore;
  });

  function start(getToken: () => Promise<string>) {
    socket = connectChat(getToken);
    // Images are fetched and uploaded with the same token as the socket's.
    const attachmentToken = configureAttachments(getToken, s);
    socket.on('connect', () => {
      setState('online');
      void catchUp();
      void ask(socket!, 'presence:support:get').then((answer) => answer.ok && showSupport(Boolean(answer.online)));
    });
    socket.on('presence:support', ({ online }) => showSupport(online));
    socket.on('receipt', ({ reader, lastReadId }) => {
      if (reader === 'staff') receipts.staffRead(lastReadId);
    });
    socket.on('disconnect', (reason) => {
      setState('reconnecting');
      // The server ends a connection when its token expires; socket.io does not retry that on its own.
      if (reason === 'io server disconnect') socket?.connect();
    });
    // The chat service (or the store's proxy to it) is down; socket.io keeps retrying with backoff.
    socket.on('connect_error', () => setState('offline'));
    socket.on('message:new', ({ message }) => {
      show([message]);
      typing.hidden = true;
      alerts.incoming(message, open);
      if (!open && message.senderRole !== 'customer' && message.senderRole !== 'guest' && badge) {
        badge.hidden = false;
        badge.textContent = String(++unread);
      }
    });
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    socket.on('typing', () => {
      typing.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => (typing.hidden = true), TYPING_SHOWN_MS);
    });
    const composer = messageComposer({
      s,
      socket: () => socket,
      inputId: 'chat-input',
      placeholder: s['input.placeholder'],
      attachmentToken,
      error,
      onSent: (message) => show([message]),
    });
    panel.append(composer.form);
  }

  function guestForm(onDone: (guest: { name: string; email: string }) => void): HTMLFormElement {
    const form = el('form', 'chat-guest-form');
    const lead = el('p', 'small', s['guest.lead']);
    const fields = (['name', 'email'] as const).map((name) => {
      const label = el('label', 'form-label small', s[`guest.${name}`]);
      const input = el('input', 'form-control form-control-sm');
      input.id = `chat-guest-${name}`;
      input.name = name;
      input.required = true;
      input.type = name === 'email' ? 'email' : 'text';
      input.maxLength = name === 'email' ? GUEST_EMAIL_MAX_LENGTH : GUEST_NAME_MAX_LENGTH;
      label.htmlFor = input.id;
      return [label, input] as const;
    });
    const submit = el('button', 'btn btn-rock btn-sm mt-2', s['guest.start']);
    submit.type = 'submit';
    form.append(lead, ...fields.flat(), submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const [nameInput, emailInput] = fields.map(([, input]) => input.value.trim());
      const guest = { name: nameInput ?? '', email: emailInput ?? '' };
      try {
        await guestToken(guest); // validates before we connect
        sessionStorage.setItem(GUEST_KEY, JSON.stringify(guest));
        form.remove();
        onDone(guest);
      } catch {
        error.textContent = s['guest.invalid'] ?? '';
      }
    });
    return form;
  }

  if (loggedIn) {
    start(userChatToken);
    return;
  }
  const startGuest = (guest: { name: string; email: string }) => start(() => guestToken(guest));
  const saved = sessionStorage.getItem(GUEST_KEY);
  if (saved) {
    startGuest(JSON.parse(saved) as { name: string; email: string });
  } else {
    setState('connecting');
    state.hidden = true;
    panel.append(
      guestForm((guest) => {
        state.hidden = false;
        startGuest(guest);
      }),
    );
  }
}
