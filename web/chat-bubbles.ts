/**
 * Messages as the widget and the console show them: one bubble per message (text, image,
 * product card), kept in id order. Message text is only ever set with textContent.
 */
import { IMAGE_ONLY_BODY, type MessageDto } from '../src/chat/contract';
import { attachmentNode } from './chat-attachments';
import { el, timeLabel } from './chat-dom';

export type ChatMessage = MessageDto;

/** A message that is an image and nothing else: its stored text is a placeholder, not for people. */
export function isImageOnly(message: { body: string; attachment?: unknown; hasAttachment?: boolean }): boolean {
  return Boolean(message.attachment ?? message.hasAttachment) && (message.body.trim() === '' || message.body === IMAGE_ONLY_BODY);
}

/** One message bubble; `mine` decides the side. Body via textContent: HTML stays text. */
export function messageNode(message: ChatMessage, mine: boolean, who: string, locale: string): HTMLLIElement {
  const item = el('li', `chat-msg ${mine ? 'chat-msg-mine' : 'chat-msg-theirs'}`);
  item.dataset.id = String(message.id);
  const meta = el('span', 'chat-msg-meta', `${who} · ${timeLabel(message.createdAt, locale)}`);
  // A card sent alone carries the product's name as its text: the card already says it.
  // Likewise an image sent alone carries a placeholder text.
  const imageOnly = isImageOnly(message);
  if (!imageOnly && (!message.product || message.body !== message.product.name)) item.append(el('p', 'chat-msg-body', message.body));
  if (message.attachment) item.append(attachmentNode(message.attachment, who));
  if (message.product) item.append(productCard(message.product));
  item.append(meta);
  return item;
}

/** A product card: image, brand, name, price, link to the product page (all set as text or path). */
function productCard(p: NonNullable<ChatMessage['product']>): HTMLAnchorElement {
  const card = el('a', 'chat-product');
  // Only store paths reach a card (checked by the chat service); keep it that way here too.
  card.href = p.url.startsWith('/produk/') ? p.url : '/produk';
  card.target = '_blank';
  card.rel = 'noopener';
  if (p.image?.startsWith('/media/')) {
    const img = el('img', 'chat-product-img');
    img.src = p.image;
    img.alt = '';
    img.width = 56;
    img.height = 56;
    img.loading = 'lazy';
    card.append(img);
  }
  const text = el('span', 'chat-product-text');
  text.append(
    el('span', 'chat-product-brand', p.brand),
    el('span', 'chat-product-name', p.name),
    el('span', 'chat-product-price', p.priceText),
  );
  card.append(text);
  return card;
}

/** Inserts messages in id order and skips ones already shown (catch-up may overlap live events). */
export function insertMessages(list: HTMLElement, nodes: HTMLLIElement[]): void {
  for (const node of nodes) {
    const id = Number(node.dataset.id);
    if (list.querySelector(`[data-id="${id}"]`)) continue;
    const after = [...list.querySelectorAll<HTMLElement>('[data-id]')].find((n) => Number(n.dataset.id) > id);
    list.insertBefore(node, after ?? null);
  }
}
