/** The order emails' content: the "shipped" email links the courier's tracking page in its HTML part. */
import { describe, expect, it } from 'vitest';
import { orderEmail } from '../../src/store/orders/emails';

const order = {
  number: 'HR-261203-ABC123',
  email: 'dewi@example.com',
  customerName: 'Dewi <Bassist>',
  locale: 'id',
  total: 1_515_000,
  expiresAt: new Date('2026-12-04T10:00:00Z'),
  trackingNumber: 'JNE0012345678',
  shippingCourier: 'JNE',
  shippingServiceName: 'JNE Reguler',
  trackingUrlTemplate: 'https://www.jne.co.id/tracking?awb={awb}&x=1',
};

describe('order emails', () => {
  it('the "shipped" email makes the tracking address a link (escaped), and keeps it as text in the plain part', () => {
    const email = orderEmail({
      kind: 'shipped',
      order: order as never,
      url: 'https://hurtrock.example/pesanan/HR-261203-ABC123',
      bankAccounts: [],
    });
    const tracking = 'https://www.jne.co.id/tracking?awb=JNE0012345678&#38;x=1';
    expect(email.html).toContain(`<a href="${tracking}" style="color:#b43c0a">${tracking}</a>`);
    expect(email.text).toContain('Lacak paketmu di https://www.jne.co.id/tracking?awb=JNE0012345678&x=1');
    // Everything else stays escaped text.
    expect(email.html).toContain('Dewi &#60;Bassist&#62;');
  });
});
