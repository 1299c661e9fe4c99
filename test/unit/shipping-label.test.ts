/**
 * The thermal documents' layouts: what the barcode and the QR code carry, and that every box stays
 * on the 100 × 150 mm page and clear of the other blocks however long the names, addresses and
 * item lists are (text wraps, shrinks, and only then loses its tail).
 */
import { describe, expect, it } from 'vitest';
import { staffOrderUrl, shippingLabelInput } from '../../src/store/admin/orders/print-inputs';
import { type Box, code128Pattern, fitText, insidePage, LABEL_HEIGHT, LABEL_WIDTH, pdfMeasure } from '../../src/store/documents/label-kit';
import {
  type AddressLabelInput,
  labelCodes,
  layoutAddressLabel,
  layoutPackingSlip,
  layoutShippingLabel,
  type PackingSlipInput,
  renderShippingLabelsPdf,
  type ShippingLabelInput,
} from '../../src/store/documents/service';
import { pdfText } from '../helpers/pdf-text';

const m = pdfMeasure();
const NUMBER = 'HR-261203-7K3Q9A';
const URL = `https://hurtrock.example/admin/pesanan/${NUMBER}`;

const shop = {
  name: 'Hurtrock Music Store',
  phone: '+62 22 1234 5678',
  street: 'Jl. Riau No. 42',
  city: 'Bandung',
  province: 'Jawa Barat',
  postalCode: '40115',
};
const LONG_NAME = 'Raden Mas Bagus Wicaksono Adiningrat Purbakusuma Hadiningrat Sastrowardoyo Tjokroaminoto Notonegoro '.repeat(3).trim();
const longParty = {
  name: LONG_NAME,
  phone: '+62 812 3456 7890 123',
  street:
    'Jl. Letnan Jenderal Soeprapto Gang Mawar Merah No. 123 RT 004 RW 011, Kelurahan Sukamaju Baru Indah Permai, ' +
    'Kecamatan Cibeunying Kaler Timur Laut Selatan, Blok AA-12 Komplek Perumahan Griya Asri Bumi Parahyangan ' +
    'Residence Tahap III Jalur Belakang Dekat Masjid Besar Al-Ikhlas Sebelah Warung Bu Haji Nomor Rumah Cat Hijau',
  city: 'Kabupaten Bandung Barat Daya Selatan Utara Raya',
  province: 'Daerah Istimewa Yogyakarta Hadiningrat Raya',
  postalCode: '40391',
};
const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `${i + 1}. Senar Gitar Elixir Nanoweb 10-46 Light Electric Guitar Strings, paket hemat isi tiga set ${'x'.repeat(i)}`,
    sku: `ELX-NANO-1046-${String(i).padStart(3, '0')}-${'LONGSKU'.repeat(4)}`,
    quantity: i + 1,
  }));

function label(overrides: Partial<ShippingLabelInput> = {}): ShippingLabelInput {
  return {
    number: NUMBER,
    staffUrl: URL,
    paid: true,
    sender: shop,
    recipient: {
      name: 'Budi Santoso',
      phone: '0812 3456 7890',
      street: 'Jl. Dago No. 10',
      city: 'Bandung',
      province: 'Jawa Barat',
      postalCode: '40135',
    },
    service: 'JNE REG',
    billableKg: 3,
    items: items(2),
    labels: { to: 'Penerima', from: 'Pengirim', weight: 'Berat', paid: 'Lunas', items: 'Isi paket', more: '+{count} lainnya' },
    ...overrides,
  };
}

const slip = (overrides: Partial<PackingSlipInput> = {}): PackingSlipInput => ({
  number: NUMBER,
  date: '3 Desember 2026 17.00 WIB',
  recipient: `${LONG_NAME}, Bandung`,
  service: 'SiCepat BEST',
  items: items(30),
  note: 'Tolong dibungkus rapi dengan bubble wrap tebal, ini untuk kado ulang tahun. '.repeat(6),
  labels: {
    title: 'Slip paket',
    date: 'Tanggal',
    recipient: 'Penerima',
    courier: 'Kurir',
    qty: 'Jml',
    item: 'Produk',
    note: 'Catatan pembeli',
    total: 'Total: {count} barang',
    continued: 'halaman {page}/{pages}',
  },
  ...overrides,
});

const texts = (boxes: Box[]) => boxes.filter((b): b is Box & { kind: 'text' } => b.kind === 'text' && b.text !== '');

/** Boxes that hold ink of their own (text, codes) must not overlap each other. */
function overlaps(boxes: Box[]): string[] {
  const inked = boxes.filter((b) => (b.kind === 'text' && b.text) || b.kind === 'code128' || b.kind === 'qr' || b.kind === 'checkbox');
  const found: string[] = [];
  const e = 0.01;
  inked.forEach((a, i) => {
    for (const b of inked.slice(i + 1)) {
      const apart = a.x + a.w <= b.x + e || b.x + b.w <= a.x + e || a.y + a.h <= b.y + e || b.y + b.h <= a.y + e;
      if (!apart) found.push(`${a.kind}:${'text' in a ? a.text.slice(0, 20) : ''} / ${b.kind}:${'text' in b ? b.text.slice(0, 20) : ''}`);
    }
  });
  return found;
}

/** Each text box holds its text: the fitted text's height at its size is within the box, each line within its width. */
function textFits(boxes: Box[]): string[] {
  return texts(boxes)
    .filter((b) => m.height(b.text, b.font, b.size, b.w, b.lineGap) > b.h + 0.01)
    .map((b) => b.text.slice(0, 30));
}

/** Text that starts inside a framed block (recipient, sender, note) ends inside it too. */
function outOfFrame(boxes: Box[]): string[] {
  const frames = boxes.filter((b) => b.kind === 'frame');
  return texts(boxes)
    .filter((t) =>
      frames.some(
        (f) => t.x >= f.x && t.x < f.x + f.w && t.y >= f.y && t.y < f.y + f.h && (t.x + t.w > f.x + f.w || t.y + t.h > f.y + f.h),
      ),
    )
    .map((t) => t.text.slice(0, 30));
}

function expectSound(boxes: Box[]) {
  expect(boxes.filter((b) => !insidePage(b))).toEqual([]);
  expect(outOfFrame(boxes)).toEqual([]);
  expect(overlaps(boxes)).toEqual([]);
  expect(textFits(boxes)).toEqual([]);
}

describe('label codes', () => {
  it('the Code 128 barcode carries the order number and the QR code the staff URL of the order', () => {
    expect(labelCodes({ number: NUMBER, staffUrl: URL })).toEqual({ code128: NUMBER, qr: URL });
    const boxes = layoutShippingLabel(label(), m);
    expect(boxes.filter((b) => b.kind === 'code128').map((b) => 'payload' in b && b.payload)).toEqual([NUMBER]);
    expect(boxes.filter((b) => b.kind === 'qr').map((b) => 'payload' in b && b.payload)).toEqual([URL]);
    // The number is also printed as text right under the bars.
    const bars = boxes.find((b) => b.kind === 'code128')!;
    const under = texts(boxes).find((b) => b.text === NUMBER)!;
    expect(under.y).toBeGreaterThanOrEqual(bars.y + bars.h);
    expect(under.y - (bars.y + bars.h)).toBeLessThan(6);
  });

  it('the staff URL is the public origin plus /admin/pesanan/<number>', () => {
    expect(staffOrderUrl('https://hurtrock.example', NUMBER)).toBe(URL);
    const order = { number: NUMBER, status: 'paid', shippingCourier: 'JNE', shippingServiceName: 'REG', billableKg: 2 };
    const input = shippingLabelInput(
      {
        order: { ...order, shipRecipient: 'A', shipPhone: '1', shipStreet: 'S', shipCity: 'C', shipProvince: 'P', shipPostalCode: '1' },
        items: [],
      } as never,
      { shop: shop as never, t: (k) => k, locale: 'id', publicUrl: 'https://hurtrock.example' },
    );
    expect(input.staffUrl).toBe(URL);
    expect(input.service).toBe('JNE REG');
  });

  it('bars are whole printer dots (3 at 203 dpi) with the quiet zones inside the box', () => {
    const bars = layoutShippingLabel(label(), m).find((b) => b.kind === 'code128')!;
    const modules = code128Pattern(NUMBER).reduce((a, b) => a + b, 0) + 20;
    expect('module' in bars && bars.module).toBeCloseTo((3 * 72) / 203, 6);
    expect(bars.w).toBeCloseTo((modules * (3 * 72)) / 203, 6);
  });
});

describe('shipping label layout', () => {
  it('fits the page with an ordinary order, paid mark and all', () => {
    const boxes = layoutShippingLabel(label(), m);
    expectSound(boxes);
    expect(texts(boxes).map((b) => b.text)).toEqual(expect.arrayContaining(['LUNAS', 'JNE REG', 'Budi Santoso', 'Berat: 3 kg']));
  });

  it('keeps very long names and addresses and 30 items inside the page and inside their blocks', () => {
    const boxes = layoutShippingLabel(
      label({ recipient: longParty, sender: longParty, items: items(30), service: 'SiCepat BEST '.repeat(8) }),
      m,
    );
    expectSound(boxes);
    // Every box lies within 100 × 150 mm.
    for (const b of boxes) {
      expect(b.x + b.w).toBeLessThanOrEqual(LABEL_WIDTH + 0.01);
      expect(b.y + b.h).toBeLessThanOrEqual(LABEL_HEIGHT + 0.01);
    }
  });

  it('lists what fits and sums the rest up as "+N lainnya"', () => {
    const lines = texts(layoutShippingLabel(label({ items: items(30) }), m)).filter((b) => /^\d+ × |^\+\d+ lainnya$/.test(b.text));
    const more = lines.at(-1)!.text;
    expect(more).toMatch(/^\+\d+ lainnya$/);
    expect(lines.length - 1 + Number(/\d+/.exec(more)![0])).toBe(30);
    // A few items are listed whole, without the "+N".
    const few = texts(layoutShippingLabel(label({ items: items(3) }), m)).filter((b) => / × /.test(b.text));
    expect(few).toHaveLength(3);
    expect(texts(layoutShippingLabel(label({ items: items(3) }), m)).some((b) => /lainnya/.test(b.text))).toBe(false);
  });

  it('wraps and shrinks a long name before cutting anything; only an absurd one loses its tail', () => {
    const name = 'Raden Mas Bagus Wicaksono Adiningrat Purbakusuma';
    const boxes = layoutShippingLabel(label({ recipient: { ...longParty, name } }), m);
    expect(texts(boxes).some((b) => b.text === name)).toBe(true);
    const absurd = texts(layoutShippingLabel(label({ recipient: longParty }), m)).find((b) => b.text.startsWith('Raden'))!;
    expect(absurd.text.endsWith('…')).toBe(true);
  });

  it('leaves the paid mark off an unpaid order', () => {
    expect(texts(layoutShippingLabel(label({ paid: false }), m)).some((b) => b.text === 'LUNAS')).toBe(false);
  });

  it('renders one page per label, in the order given, with each number as text', async () => {
    const numbers = ['HR-261203-AAAAAA', 'HR-261203-BBBBBB', 'HR-261203-CCCCCC'];
    const pdf = await renderShippingLabelsPdf(
      numbers.map((number) => label({ number, staffUrl: `https://x.example/admin/pesanan/${number}` })),
      { title: 'Label', author: 'Hurtrock', compress: false },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(3);
    const found = pdfText(pdf).filter((t) => numbers.includes(t));
    expect(found).toEqual(numbers);
  });
});

describe('address label and packing slip layouts', () => {
  const address = (overrides: Partial<AddressLabelInput> = {}): AddressLabelInput => ({
    number: NUMBER,
    sender: shop,
    recipient: longParty,
    labels: { to: 'Penerima', from: 'Pengirim' },
    ...overrides,
  });

  it('address label: long names and addresses stay inside', () => {
    const boxes = layoutAddressLabel(address({ sender: longParty }), m);
    expectSound(boxes);
    expect(boxes.filter((b) => b.kind === 'code128').map((b) => 'payload' in b && b.payload)).toEqual([NUMBER]);
  });

  it('packing slip: 30 long items flow onto further pages, each item once, each page inside and numbered', () => {
    const pages = layoutPackingSlip(slip(), m);
    expect(pages.length).toBeGreaterThan(1);
    for (const boxes of pages) expectSound(boxes);
    const names = pages.flatMap((boxes) => texts(boxes).map((b) => b.text)).filter((t) => /^\d+\. Senar/.test(t));
    expect(names.map((t) => Number(/^\d+/.exec(t)![0]))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(texts(pages.at(-1)!).some((b) => b.text === `${NUMBER} · halaman ${pages.length}/${pages.length}`)).toBe(true);
    // Every line has a box to tick, and the customer's note is on the slip.
    expect(pages.flat().filter((b) => b.kind === 'checkbox')).toHaveLength(30);
    expect(pages.flat().some((b) => b.kind === 'text' && b.text.startsWith('Tolong dibungkus'))).toBe(true);
  });

  it('packing slip: a short order is one page with no page number', () => {
    const pages = layoutPackingSlip(slip({ items: items(2), note: '' }), m);
    expect(pages).toHaveLength(1);
    expectSound(pages[0]!);
    expect(texts(pages[0]!).some((b) => /halaman/.test(b.text))).toBe(false);
  });
});

describe('fitText', () => {
  it('shrinks before it cuts, and cuts with an ellipsis at the floor', () => {
    const opts = { font: 'Helvetica-Bold' as const, maxSize: 18, minSize: 8, width: 100, maxHeight: 22 };
    const shrunk = fitText(m, 'Budi Santoso Wicaksono', opts);
    expect(shrunk.text).toBe('Budi Santoso Wicaksono');
    expect(shrunk.size).toBeLessThan(18);
    const cut = fitText(m, 'Budi Santoso Wicaksono '.repeat(20), opts);
    expect(cut.size).toBe(8);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.height).toBeLessThanOrEqual(22);
  });
});
