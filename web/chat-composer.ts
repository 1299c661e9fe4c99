/**
 * The message form of both the customer widget and the staff console: text, a product card and
 * an image, sent as one `message:send`. Enter sends, Shift+Enter starts a new line; typing
 * notices are throttled; the send button is disabled while a message is on its way.
 */
import { CHAT_MESSAGE_MAX_LENGTH, TYPING_EVERY_MS } from '../src/chat/contract';
import { imageAttachButton } from './chat-attachments';
import type { ChatMessage } from './chat-bubbles';
import { type ChatSocket, ask } from './chat-connection';
import { type Strings, el, format } from './chat-dom';
import { productPicker } from './chat-product-picker';

export interface ComposerOptions {
  s: Strings;
  /** The socket to send on; null while the widget is still connecting. */
  socket: () => ChatSocket | null | undefined;
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
  input.maxLength = CHAT_MESSAGE_MAX_LENGTH;
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
      opts.onSent(answer.message);
    } else {
      const code = answer.error.code;
      const reason = code === 'rate_limited' ? s['error.rate'] : code === 'invalid_message' ? s['error.invalid'] : code;
      opts.error.textContent = format(s['error.send'], { reason: reason ?? '' });
    }
  });
  return { form, input };
}
