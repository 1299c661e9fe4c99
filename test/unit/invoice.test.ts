import { describe, expect, it } from 'vitest';
import { winAnsi } from '../../src/store/documents/pdf-kit';
import { pdfText } from '../helpers/pdf-text';
import { renderInvoicePdf, type InvoiceInput, type InvoiceLabel } from '../../src/store/documents/service';

const idLabels: Record<InvoiceLabel, string> = {
  title: 'Faktur',
  number: 'Nomor',
  date: 'Tanggal',
  paidAt: 'Dibayar',
  status: 'Status',
  billTo: 'Tagihan kepada',
  shipTo: 'Dikirim ke',
  item: 'Produk',
  sku: 'SKU',
  qty: 'Jml',
  unitPrice: 'Harga satuan',
  lineTotal: 'Jumlah',
  subtotal: 'Subtotal',
  shipping: 'Ongkos kirim',
  total: 'Total',
  payment: 'Metode pembayaran',
  thanks: 'Terima kasih telah berbelanja di Hurtrock Music Store!',
};
const enLabels: Record<InvoiceLabel, string> = {
  title: 'Invoice',
  number: 'Number',
  date: 'Date',
  paidAt: 'Paid',
  status: 'Status',
  billTo: 'Bill to',
  shipTo: 'Ship to',
  item: 'Item',
  sku: 'SKU',
  qty: 'Qty',
  unitPrice: 'Unit price',
  lineTotal: 'Amount',
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  total: 'Total',
  payment: 'Payment method',
  thanks: 'Thank you for shopping at Hurtrock Music Store!',
};

const item = (i: number) => ({
  name: i % 7 === 0 ? `Gitar Elektrik Signature Series Model ${i} dengan Floyd Rose dan EMG 81/85` : `Senar Gitar 10-46 #${i}`,
  sku: `SKU-${String(i).padStart(4, '0')}`,
  brand: i % 2 ? 'Ernie Ball' : 'ESP',
  unitPrice: 100_000,
  quantity: 1,
  lineTotal: 100_000,
});

function invoice(overrides: Partial<InvoiceInput> = {}, items = 2): InvoiceInput {
  const lines = Array.from({ length: items }, (_, i) => item(i + 1));
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  return {
    locale: 'id',
    shop: {
      name: 'Hurtrock Music Store',
      street: 'Jl. Riau No. 42',
      city: 'Bandung',
      province: 'Jawa Barat',
      postalCode: '40115',
      phone: '+62 22 1234 5678',
      email: 'halo@hurtrock.test',
      website: 'hurtrock.test',
    },
    order: {
      number: 'HR-261201-7K3Q9',
      createdAt: new Date('2026-12-01T04:32:00Z'),
      paidAt: null,
      statusLabel: 'Menunggu pembayaran',
      customerName: 'Budi Santoso',
      email: 'budi@example.test',
      address: {
        recipient: 'Budi Santoso',
        phone: '0812 3456 7890',
        street: 'Jl. Dago No. 10',
        city: 'Bandung',
        province: 'Jawa Barat',
        postalCode: '40135',
      },
      shipping: { courier: 'JNE', service: 'REG', billableKg: 1.5, charge: 15_000 },
      paymentMethodLabel: 'Transfer bank',
      items: lines,
      subtotal,
      total: subtotal + 15_000,
    },
    labels: idLabels,
    ...overrides,
  };
}

/** A document-info string: pdfkit writes `/Title 14 0 R` and the literal string as object 14. */
function infoEntry(pdf: Buffer, key: string): string | undefined {
  const source = pdf.toString('latin1');
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(source)?.[1];
  return ref ? new RegExp(`\\n${ref} 0 obj\\s*\\((.*)\\)\\s*endobj`).exec(source)?.[1] : undefined;
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

describe('invoice PDF', () => {
  it('is a PDF with the order number, the amounts in rupiah and the WIB date', async () => {
    const pdf = await renderInvoicePdf(invoice(), { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('HR-261201-7K3Q9');
    expect(text).toContain('Rp 215.000'); // total: 2 × 100.000 + 15.000, plain space after "Rp"
    expect(text).toContain('Rp 200.000');
    expect(text).toContain('1 Desember 2026 pukul 11.32 WIB');
    expect(text.join('\n')).toContain('Ongkos kirim (JNE REG, 1,5 kg)');
    expect(text).toContain('Faktur');
    expect(text.join('\n')).not.toMatch(/[\u00a0\u202f]/u);
    expect(pageCount(pdf)).toBe(1);
    expect(infoEntry(pdf, 'Title')).toBe('Faktur HR-261201-7K3Q9');
    expect(infoEntry(pdf, 'Author')).toBe('Hurtrock Music Store');
  });

  it('formats a large total the Indonesian way', async () => {
    const input = invoice();
    input.order = { ...input.order, subtotal: 2_000_000, total: 2_015_000 };
    expect(pdfText(await renderInvoicePdf(input, { compress: false }))).toContain('Rp 2.015.000');
  });

  it('continues a long order on further pages, with every line', async () => {
    const pdf = await renderInvoicePdf(invoice({}, 60), { compress: false });
    expect(pageCount(pdf)).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text).toContain('SKU-0001');
    expect(text).toContain('SKU-0060');
    expect(text).toContain('Rp 6.015.000');
    expect(text).toContain(idLabels.thanks);
  });

  it('uses the English labels and date when asked', async () => {
    const input = invoice({ locale: 'en', labels: enLabels });
    input.order = { ...input.order, paidAt: new Date('2026-12-01T05:00:00Z'), statusLabel: 'Paid' };
    const text = pdfText(await renderInvoicePdf(input, { compress: false }));
    for (const word of ['Invoice', 'BILL TO', 'SHIP TO', 'Unit price', 'Subtotal', enLabels.thanks]) expect(text).toContain(word);
    expect(text).toContain('1 December 2026 at 12:00 WIB');
    expect(text.join('\n')).toContain('Shipping (JNE REG, 1.5 kg)');
    expect(text).not.toContain('Faktur');
  });

  it('compresses by default', async () => {
    const pdf = await renderInvoicePdf(invoice());
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
    expect(pdf.toString('latin1')).not.toContain(Buffer.from('HR-261201-7K3Q9').toString('hex'));
    // …and still reads the same once inflated.
    expect(pdfText(pdf).join('\n')).toContain('HR-261201-7K3Q9');
  });

  it('keeps text inside what the built-in fonts can show', () => {
    expect(winAnsi('Rp\u00a01.850.000 \u2013 Rp\u202f2')).toBe('Rp 1.850.000 \u2013 Rp 2');
    expect(winAnsi('Łódź 東京 café')).toBe('?ódz ?? café');
  });
});
