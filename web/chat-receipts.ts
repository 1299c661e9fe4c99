/**
 * Read receipts in the customer widget (C4 read receipts, the customer's side):
 *  - "Terkirim / Sent" or "Dibaca / Read" under the customer's own latest message, read once its
 *    id is at most the conversation's `staffLastReadId` (from the history answer, then from
 *    `receipt` events when staff open the conversation);
 *  - `conversation:seen { upTo }` to the server whenever the customer can actually see new
 *    messages: the panel is open, the tab is visible, and a message with a higher id is shown.
 */
import { type Strings, el, icon } from './chat-dom';

export type ReceiptState = 'sent' | 'read';

export function receiptState(messageId: number, staffLastReadId: number): ReceiptState {
  return messageId <= staffLastReadId ? 'read' : 'sent';
}

export interface Receipts {
  /** Staff have read up to this id (only ever moves forward). */
  staffRead(lastReadId: number): void;
  /** Messages were added to the log: the label follows the customer's latest message. */
  refresh(): void;
}

export function createReceipts(log: HTMLElement, s: Strings): Receipts {
  const label = el('span', 'chat-receipt');
  // Inside the log's live region, but a receipt changing is not worth announcing.
  label.setAttribute('aria-live', 'off');
  let staffLastReadId = 0;

  function refresh() {
    const mine = log.querySelectorAll<HTMLElement>('.chat-msg-mine[data-id]');
    const latest = mine[mine.length - 1];
    if (!latest) return label.remove();
    const state = receiptState(Number(latest.dataset.id), staffLastReadId);
    if (label.dataset.state !== state) {
      label.dataset.state = state;
      label.replaceChildren(
        icon(state === 'read' ? 'check-double' : 'check'),
        document.createTextNode(` ${(state === 'read' ? s['receipt.read'] : s['receipt.sent']) ?? state}`),
      );
    }
    if (label.parentElement !== latest) latest.append(label);
  }

  return {
    staffRead(lastReadId) {
      if (!Number.isSafeInteger(lastReadId) || lastReadId <= staffLastReadId) return;
      staffLastReadId = lastReadId;
      refresh();
    },
    refresh,
  };
}

/**
 * Tells the server what the customer has seen, once per new highest id. `canSee` is "panel open
 * and tab visible"; `send` returns false when it could not be sent (offline), to try again later.
 */
export function createSeenReporter(canSee: () => boolean, send: (upTo: number) => Promise<boolean>) {
  let shownUpTo = 0;
  let reportedUpTo = 0;
  let inFlight = false;

  async function flush() {
    if (inFlight || !canSee() || shownUpTo <= reportedUpTo) return;
    inFlight = true;
    const upTo = shownUpTo;
    try {
      if (await send(upTo)) reportedUpTo = Math.max(reportedUpTo, upTo);
    } finally {
      inFlight = false;
    }
    // More arrived while the last report was on its way.
    if (reportedUpTo === upTo && shownUpTo > reportedUpTo) await flush();
  }

  return {
    /** The highest message id now shown in the log. */
    shown(id: number) {
      if (id > shownUpTo) shownUpTo = id;
      return flush();
    },
    /** The panel opened, the tab became visible or the socket reconnected. */
    flush,
  };
}
