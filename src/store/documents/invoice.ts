/**
 * Invoice PDF for an order, drawn with pdfkit's built-in Helvetica fonts (nothing to download or
 * bundle). Layout only: every amount, label and status arrives already computed and translated, so
 * the PDF always agrees with the order page and the e-mails. Built-in fonts speak WinAnsi only, so
 * every string passes through `winAnsi()` before it is written.
 */
import PDFDocument from 'pdfkit';
import { formatDateTimeWib } from '../../lib/time';
import { serviceLabel } from '../../lib/service-label';
import { ACCENT, BOLD, contentWidth, DARK, type Doc, MARGIN, money, MUTED, REGULAR, rule, winAnsi, write } from './pdf-kit';

export type InvoiceLabel =
  | 'title'
  | 'number'
  | 'date'
  | 'paidAt'
  | 'status'
  | 'billTo'
  | 'shipTo'
  | 'item'
  | 'sku'
  | 'qty'
  | 'unitPrice'
  | 'lineTotal'
  | 'subtotal'
  | 'shipping'
  | 'total'
  | 'payment'
  | 'thanks';

export interface InvoiceInput {
  locale: 'id' | 'en';
  shop: {
    name: string;
    street: string;
    city: string;
    province: string;
    postalCode: string;
    phone: string;
    email: string;
    website?: string | null;
  };
  order: {
    number: string; // e.g. "HR-261201-7K3Q9"
    createdAt: Date; // shown in WIB (Asia/Jakarta)
    paidAt: Date | null;
    statusLabel: string;
    customerName: string;
    email: string;
    address: { recipient: string; phone: string; street: string; city: string; province: string; postalCode: string };
    shipping: { courier: string; service: string; billableKg: number; charge: number };
    paymentMethodLabel: string;
    items: { name: string; sku: string; brand: string; unitPrice: number; quantity: number; lineTotal: number }[];
    subtotal: number;
    total: number;
  };
  labels: Record<InvoiceLabel, string>;
}

export interface InvoiceOptions {
  /** Compress content streams (default true); tests turn it off to read the text. */
  compress?: boolean;
}

const kgFormats = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** Table columns: x offset from the left margin, width and alignment. */
const COLUMNS = {
  item: { x: 0, width: 190, align: 'left' },
  sku: { x: 198, width: 105, align: 'left' },
  qty: { x: 303, width: 30, align: 'right' },
  unitPrice: { x: 338, width: 77, align: 'right' },
  lineTotal: { x: 418, width: 77, align: 'right' },
} as const;
type Column = keyof typeof COLUMNS;

export function renderInvoicePdf(input: InvoiceInput, options: InvoiceOptions = {}): Promise<Buffer> {
  return renderInvoicesPdf([input], options);
}

/** Several invoices in one PDF (the admin's bulk print), each starting on a new page and numbering its own pages. */
export function renderInvoicesPdf(inputs: readonly InvoiceInput[], options: InvoiceOptions = {}): Promise<Buffer> {
  const first = inputs[0];
  if (!first) return Promise.reject(new Error('no invoice to render'));
  const title = inputs.length === 1 ? `${first.labels.title} ${first.order.number}` : first.labels.title;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: winAnsi(title), Author: winAnsi(first.shop.name) },
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      for (const input of inputs) {
        doc.addPage();
        const start = doc.bufferedPageRange().count - 1;
        drawHeader(doc, input);
        drawParties(doc, input);
        drawItems(doc, input);
        drawTotals(doc, input);
        drawClosing(doc, input);
        drawPageNumbers(doc, `${input.labels.title} ${input.order.number}`, start);
      }
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** Lowest y a block may reach, leaving room for the page number in the bottom margin. */
const bottom = (doc: Doc): number => doc.page.height - MARGIN - 20;

function drawHeader(doc: Doc, { shop, order, labels, locale }: InvoiceInput): void {
  const top = MARGIN;
  const half = contentWidth(doc) / 2;
  doc.font(BOLD).fontSize(20).fillColor(DARK);
  write(doc, shop.name, MARGIN, top, { width: half - 10 });
  doc.font(REGULAR).fontSize(9).fillColor(MUTED);
  const contact = [shop.street, `${shop.city}, ${shop.province} ${shop.postalCode}`, shop.phone, shop.email];
  if (shop.website) contact.push(shop.website);
  write(doc, contact.join('\n'), MARGIN, doc.y + 4, { width: half - 10, lineGap: 1.5 });
  const leftEnd = doc.y;

  const right = MARGIN + half;
  doc.font(BOLD).fontSize(20).fillColor(ACCENT);
  write(doc, labels.title, right, top, { width: half, align: 'right' });
  let y = doc.y + 4;
  const facts: [string, string][] = [
    [labels.number, order.number],
    [labels.date, formatDateTimeWib(order.createdAt, locale)],
    ...(order.paidAt ? [[labels.paidAt, formatDateTimeWib(order.paidAt, locale)] as [string, string]] : []),
    [labels.status, order.statusLabel],
  ];
  for (const [label, value] of facts) {
    doc.font(BOLD).fontSize(9).fillColor(DARK);
    write(doc, `${label}:`, right + 20, y, { width: 70 });
    const labelEnd = doc.y;
    doc.font(REGULAR).fillColor(MUTED);
    write(doc, value, right + 90, y, { width: half - 90, align: 'right' });
    y = Math.max(labelEnd, doc.y) + 3;
  }
  const end = Math.max(leftEnd, y) + 10;
  rule(doc, end, ACCENT, 1.5);
  doc.y = end + 16;
}

function drawParties(doc: Doc, { order, labels }: InvoiceInput): void {
  const top = doc.y;
  const width = contentWidth(doc) / 2 - 15;
  const a = order.address;
  const block = (x: number, title: string, lines: string[]): number => {
    doc.font(BOLD).fontSize(9).fillColor(ACCENT);
    write(doc, title.toUpperCase(), x, top, { width, characterSpacing: 0.5 });
    doc.font(BOLD).fontSize(10).fillColor(DARK);
    write(doc, lines[0] ?? '', x, doc.y + 4, { width });
    doc.font(REGULAR).fontSize(9.5).fillColor(MUTED);
    write(doc, lines.slice(1).join('\n'), x, doc.y + 2, { width, lineGap: 1.5 });
    return doc.y;
  };
  const leftEnd = block(MARGIN, labels.billTo, [order.customerName, order.email]);
  const shipTo = [a.recipient, a.phone, a.street, `${a.city}, ${a.province} ${a.postalCode}`];
  const rightEnd = block(MARGIN + width + 30, labels.shipTo, shipTo);
  doc.y = Math.max(leftEnd, rightEnd) + 24;
}

function cell(doc: Doc, column: Column, text: string, y: number): void {
  const c = COLUMNS[column];
  write(doc, text, MARGIN + c.x, y, { width: c.width, align: c.align });
}

function tableHeader(doc: Doc, labels: InvoiceInput['labels']): void {
  const y = doc.y;
  doc
    .save()
    .rect(MARGIN, y - 5, contentWidth(doc), 20)
    .fill('#F4F4F4')
    .restore();
  doc.font(BOLD).fontSize(9).fillColor(DARK);
  for (const column of Object.keys(COLUMNS) as Column[]) cell(doc, column, labels[column], y);
  doc.y = y + 22;
}

function drawItems(doc: Doc, { order, labels }: InvoiceInput): void {
  tableHeader(doc, labels);
  for (const item of order.items) {
    const nameWidth = COLUMNS.item.width;
    doc.font(BOLD).fontSize(9.5);
    const nameHeight = doc.heightOfString(winAnsi(item.name), { width: nameWidth });
    doc.font(REGULAR).fontSize(8.5);
    const brandHeight = item.brand ? doc.heightOfString(winAnsi(item.brand), { width: nameWidth }) + 1 : 0;
    const skuHeight = doc.heightOfString(winAnsi(item.sku), { width: COLUMNS.sku.width });
    const height = Math.max(nameHeight + brandHeight, skuHeight);
    if (doc.y + height + 8 > bottom(doc)) {
      doc.addPage();
      tableHeader(doc, labels);
    }
    const y = doc.y;
    doc.font(BOLD).fontSize(9.5).fillColor(DARK);
    cell(doc, 'item', item.name, y);
    if (item.brand) {
      doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
      cell(doc, 'item', item.brand, y + nameHeight + 1);
    }
    doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
    cell(doc, 'sku', item.sku, y + 0.5);
    doc.fontSize(9).fillColor(DARK);
    cell(doc, 'qty', String(item.quantity), y);
    cell(doc, 'unitPrice', money(item.unitPrice), y);
    cell(doc, 'lineTotal', money(item.lineTotal), y);
    rule(doc, y + height + 4);
    doc.y = y + height + 10;
  }
}

function drawTotals(doc: Doc, { order, labels, locale }: InvoiceInput): void {
  const s = order.shipping;
  const kg = `${kgFormats[locale].format(s.billableKg)} kg`;
  const rows: [string, string, boolean][] = [
    [labels.subtotal, money(order.subtotal), false],
    [`${labels.shipping} (${serviceLabel(s.courier, s.service)}, ${kg})`, money(s.charge), false],
    [labels.total, money(order.total), true],
  ];
  if (doc.y + 90 > bottom(doc)) doc.addPage();
  const valueWidth = 110;
  const valueX = doc.page.width - MARGIN - valueWidth;
  const labelX = MARGIN + 150;
  const labelWidth = valueX - labelX - 12;
  let y = doc.y + 4;
  for (const [label, value, strong] of rows) {
    if (strong) {
      doc
        .save()
        .moveTo(labelX, y - 4)
        .lineTo(MARGIN + contentWidth(doc), y - 4)
        .lineWidth(1)
        .strokeColor(DARK)
        .stroke()
        .restore();
      y += 4;
    }
    doc
      .font(strong ? BOLD : REGULAR)
      .fontSize(strong ? 12 : 9.5)
      .fillColor(strong ? DARK : MUTED);
    write(doc, label, labelX, y, { width: labelWidth, align: 'right' });
    const labelEnd = doc.y;
    doc.fillColor(DARK);
    write(doc, value, valueX, y, { width: valueWidth, align: 'right' });
    y = Math.max(labelEnd, doc.y) + 8;
  }
  doc.y = y + 10;
}

function drawClosing(doc: Doc, { order, labels }: InvoiceInput): void {
  if (doc.y + 60 > bottom(doc)) doc.addPage();
  doc.font(BOLD).fontSize(9.5).fillColor(DARK);
  write(doc, `${labels.payment}: `, MARGIN, doc.y, { continued: true });
  doc.font(REGULAR).fillColor(MUTED);
  doc.text(winAnsi(order.paymentMethodLabel));
  const y = Math.max(doc.y + 30, bottom(doc) - 40);
  rule(doc, y - 10, ACCENT, 1);
  doc.font(BOLD).fontSize(11).fillColor(ACCENT);
  write(doc, labels.thanks, MARGIN, y, { width: contentWidth(doc), align: 'center' });
}

/** "Invoice HR-… - 1/2" in the bottom margin of every page of one invoice (from page `start`), once its page count is known. */
function drawPageNumbers(doc: Doc, heading: string, start: number): void {
  const range = doc.bufferedPageRange();
  const end = range.start + range.count;
  const count = end - start;
  if (count < 2) return;
  for (let i = start; i < end; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    const text = `${heading} - ${i - start + 1}/${count}`;
    write(doc, text, MARGIN, doc.page.height - MARGIN + 16, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.page.margins.bottom = margins;
  }
  doc.switchToPage(end - 1);
}
