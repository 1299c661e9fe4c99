import { describe, expect, it } from 'vitest';
import {
  NOTIFY_BODY_MAX,
  NOTIFY_KEY,
  SOUND_KEY,
  fromStaff,
  notificationBody,
  notificationTag,
  readPrefs,
  truncate,
} from '../../web/chat-alerts';
import { createSeenReporter, receiptState } from '../../web/chat-receipts';
import type { ChatMessage } from '../../web/chat-bubbles';

const s = { staff: 'Staff', 'notify.product': 'sent a product', 'notify.image': 'sent an image' };
const message = (over: Partial<ChatMessage> & Record<string, unknown> = {}): ChatMessage =>
  ({ id: 1, conversationId: 7, senderRole: 'staff', body: 'Yes, two left.', createdAt: new Date(0).toISOString(), ...over }) as ChatMessage;

describe('chat widget alerts', () => {
  it('alerts only for messages from the shop', () => {
    expect(fromStaff({ senderRole: 'staff' })).toBe(true);
    expect(fromStaff({ senderRole: 'admin' })).toBe(true);
    for (const role of ['customer', 'guest', 'system'] as const) expect(fromStaff({ senderRole: role })).toBe(false);
  });

  it('previews the text, cut at a word near the limit, whitespace folded', () => {
    expect(notificationBody(message({ body: '  Yes,\n\ntwo   left. ' }), s)).toBe('Yes, two left.');
    const long = 'kata '.repeat(100);
    const body = notificationBody(message({ body: long }), s);
    expect(body.length).toBeLessThanOrEqual(NOTIFY_BODY_MAX);
    expect(body).toMatch(/^kata( kata)+…$/);
    // No word boundary close enough: a hard cut, never inside an emoji's surrogate pair.
    const emoji = truncate('🎸'.repeat(200), 10);
    expect(emoji).toBe(`${'🎸'.repeat(9)}…`);
  });

  it('says "sent a product" for a card alone and keeps the text of a card with words', () => {
    const product = { slug: 'rg', name: 'Ibanez RG550', brand: 'Ibanez', price: 1, priceText: 'Rp 1', url: '/produk/rg', image: null };
    expect(notificationBody(message({ body: 'Ibanez RG550', product }), s)).toBe('Staff sent a product');
    expect(notificationBody(message({ body: 'This one?', product }), s)).toBe('This one?');
  });

  it('says "sent an image" for a picture without text', () => {
    const attachment = { id: 'a1', width: 640, height: 480 };
    expect(notificationBody(message({ body: '[image]', attachment }), s)).toBe('Staff sent an image');
    expect(notificationBody(message({ body: '', attachment }), s)).toBe('Staff sent an image');
    expect(notificationBody(message({ body: 'Look', attachment }), s)).toBe('Look');
    expect(notificationBody(message({ body: '[image]' }), s)).toBe('[image]'); // typed by someone, no picture
  });

  it('tags notifications per conversation so they replace each other', () => {
    expect(notificationTag(7)).toBe(notificationTag(7));
    expect(notificationTag(7)).not.toBe(notificationTag(8));
  });

  it('defaults: notifications off until chosen, sound on until turned off', () => {
    const store = (values: Record<string, string>) => ({ getItem: (k: string) => values[k] ?? null });
    expect(readPrefs(store({}))).toEqual({ notify: false, sound: true });
    expect(readPrefs(store({ [NOTIFY_KEY]: 'on', [SOUND_KEY]: 'off' }))).toEqual({ notify: true, sound: false });
    expect(readPrefs(null)).toEqual({ notify: false, sound: true });
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readPrefs(broken)).toEqual({ notify: false, sound: true });
  });
});

describe('chat widget read receipts', () => {
  it('is read once staff have read up to (or past) the message', () => {
    expect(receiptState(5, 0)).toBe('sent');
    expect(receiptState(5, 4)).toBe('sent');
    expect(receiptState(5, 5)).toBe('read');
    expect(receiptState(5, 9)).toBe('read');
  });

  it('reports each new highest id once, only while the customer can see it', async () => {
    let visible = false;
    const sent: number[] = [];
    const seen = createSeenReporter(
      () => visible,
      async (upTo) => {
        sent.push(upTo);
        return true;
      },
    );
    await seen.shown(3);
    expect(sent).toEqual([]); // panel closed or tab hidden: not seen yet
    visible = true;
    await seen.flush();
    expect(sent).toEqual([3]);
    await seen.shown(2);
    await seen.shown(3);
    await seen.flush();
    expect(sent).toEqual([3]);
    await seen.shown(8);
    expect(sent).toEqual([3, 8]);
  });

  it('tries again after a failed report and catches up with ids shown meanwhile', async () => {
    const sent: number[] = [];
    let online = false;
    let release: (() => void) | undefined;
    const seen = createSeenReporter(
      () => true,
      async (upTo) => {
        sent.push(upTo);
        if (upTo === 4) await new Promise<void>((r) => (release = r));
        return online;
      },
    );
    await seen.shown(2);
    expect(sent).toEqual([2]); // failed (offline)
    online = true;
    const first = seen.shown(4); // in flight…
    const second = seen.shown(6); // …so this one waits for it, then follows
    release!();
    await Promise.all([first, second]);
    expect(sent).toEqual([2, 4, 6]);
    await seen.flush();
    expect(sent).toEqual([2, 4, 6]);
  });
});
