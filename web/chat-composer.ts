/**
 * The message form of both the customer widget and the staff console: text, a product card and
 * an image, sent as one `message:send`. Enter sends, Shift+Enter starts a new line; typing
 * notices are throttled; the send button is disabled while a message is on its way.
 */
import type { Socket } from 'socket.io-client';
import { type ChatMessage, type Strings, ask, el, format, imageAttachButton, productPicker } from './chat-shared';

/** A typing notice every few seconds is enough for "the other side sees you typing". */
const TYPING_EVERY_MS = 3_000;

export interface ComposerOptions {
  s: Strings;
  /** The socket to send on; null while the widget is still connecting. */
  socket: () => Socket | null | undefined;
  /** id of the textarea (each page has one composer at a time). */
  inputId: string;
  placeholder?: string;
  /** Staff name the conversation; a customer's is decided by their token. */
  conversationId?: () => number;
  attachmentToken: () => Promise<string>;
  /** Where send errors are shown (role=alert); the widget keeps its own above the form. */
  error: HTMLElement;
  onSent(message: ChatMessage): void;
}

export function messageComposer(opts: ComposerOptions): { form: HTMLFormElement; input: HTMLTextAreaElement } {
  const { s } = opts;
  const form = el('form', 'chat-form');
  const label = el('label', 'visually-hidden', s['input.label']);
  label.htmlFor = opts.inputId;
  const input = el('textarea', 'form-control');
  input.id = opts.inputId;
  input.rows = 2;
  input.maxLength = 2000;
  if (opts.placeholder) input.placeholder = opts.placeholder;
  const send = el('button', 'btn btn-rock', s.send);
  send.type = 'submit';
  const picker = productPicker(s);
  const image = imageAttachButton(s, opts.attachmentToken, opts.conversationId);
  form.append(picker.root, image.root, label, input, send);

  const target = () => (opts.conversationId ? { conversationId: opts.conversationId() } : {});
  let lastTyping = 0;
  input.addEventListener('input', () => {
    const socket = opts.socket();
    if (Date.now() - lastTyping > TYPING_EVERY_MS && socket?.connected) {
      lastTyping = Date.now();
      socket.emit('typing', target());
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const socket = opts.socket();
    const body = input.value.trim();
    const product = picker.picked();
    const attachment = await image.ready(); // an upload still under way is waited for
    if ((!body && !product && !attachment) || !socket) return;
    send.disabled = true;
    const answer = await ask(socket, 'message:send', {
      ...target(),
      body,
      ...(product ? { product } : {}),
      ...(attachment ? { attachment } : {}),
    });
    send.disabled = false;
    if (answer.ok) {
      opts.error.textContent = '';
      input.value = '';
      picker.clear();
      image.clear();
      opts.onSent(answer.message as ChatMessage);
    } else {
      const code = answer.error.code;
      const reason = code === 'rate_limited' ? s['error.rate'] : code === 'invalid_message' ? s['error.invalid'] : code;
      opts.error.textContent = format(s['error.send'], { reason: reason ?? '' });
    }
  });
  return { form, input };
}
