/**
 * Purchase-order PDF for a restock order, in the invoice's style (pdfkit, built-in Helvetica,
 * WinAnsi text): the shop as sender, the supplier, the lines and the total. Layout only: labels
 * arrive translated and amounts computed.
 */
import PDFDocument from 'pdfkit';
import { formatDateTimeWib } from '../../lib/time';
import { ACCENT, BOLD, DARK, MARGIN, money, MUTED, REGULAR, rule, winAnsi, write } from './pdf-kit';

export type PurchaseOrderLabel =
  | 'title'
  | 'number'
  | 'date'
  | 'status'
  | 'supplier'
  | 'shipTo'
  | 'item'
  | 'sku'
  | 'qty'
  | 'unitCost'
  | 'lineTotal'
  | 'total'
  | 'notes'
  | 'createdBy';

export interface PurchaseOrderInput {
  locale: 'id' | 'en';
  shop: { name: string; street: string; city: string; province: string; postalCode: string; phone: string; email: string };
  order: {
    number: string;
    createdAt: Date;
    statusLabel: string;
    createdBy: string | null;
    notes: string;
    supplier: { name: string; contactPerson: string | null; phone: string | null; email: string | null; address: string | null };
    lines: { name: string; sku: string; brand: string; quantity: number; unitCost: number; lineTotal: number }[];
    total: number;
  };
  labels: Record<PurchaseOrderLabel, string>;
}

const COLUMNS = {
  item: { x: 0, width: 200, align: 'left' },
  sku: { x: 205, width: 100, align: 'left' },
  qty: { x: 305, width: 35, align: 'right' },
  unitCost: { x: 343, width: 75, align: 'right' },
  lineTotal: { x: 420, width: 75, align: 'right' },
} as const;
type Column = keyof typeof COLUMNS;

export function renderPurchaseOrderPdf(input: PurchaseOrderInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const { labels, order, shop, locale } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: winAnsi(`${labels.title} ${order.number}`), Author: winAnsi(shop.name) },
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const width = doc.page.width - MARGIN * 2;
      const half = width / 2;
      // Sender (the shop) on the left, the document's facts on the right.
      doc.font(BOLD).fontSize(20).fillColor(DARK);
      write(doc, shop.name, MARGIN, MARGIN, { width: half - 10 });
      doc.font(REGULAR).fontSize(9).fillColor(MUTED);
      const contact = [shop.street, `${shop.city}, ${shop.province} ${shop.postalCode}`, shop.phone, shop.email];
      write(doc, contact.join('\n'), MARGIN, doc.y + 4, { width: half - 10, lineGap: 1.5 });
      const leftEnd = doc.y;
      doc.font(BOLD).fontSize(20).fillColor(ACCENT);
      write(doc, labels.title, MARGIN + half, MARGIN, { width: half, align: 'right' });
      let y = doc.y + 4;
      const facts: [string, string][] = [
        [labels.number, order.number],
        [labels.date, formatDateTimeWib(order.createdAt, locale)],
        [labels.status, order.statusLabel],
      ];
      if (order.createdBy) facts.push([labels.createdBy, order.createdBy]);
      for (const [label, value] of facts) {
        doc.font(BOLD).fontSize(9).fillColor(DARK);
        write(doc, `${label}:`, MARGIN + half + 10, y, { width: 80 });
        const labelEnd = doc.y;
        doc.font(REGULAR).fillColor(MUTED);
        write(doc, value, MARGIN + half + 90, y, { width: half - 90, align: 'right' });
        y = Math.max(labelEnd, doc.y) + 3;
      }
      const headerEnd = Math.max(leftEnd, y) + 10;
      rule(doc, headerEnd, ACCENT, 1.5);

      // Supplier and delivery address.
      const top = headerEnd + 16;
      const blockWidth = half - 15;
      const block = (x: number, title: string, lines: string[]): number => {
        doc.font(BOLD).fontSize(9).fillColor(ACCENT);
        write(doc, title.toUpperCase(), x, top, { width: blockWidth, characterSpacing: 0.5 });
        doc.font(BOLD).fontSize(10).fillColor(DARK);
        write(doc, lines[0] ?? '', x, doc.y + 4, { width: blockWidth });
        doc.font(REGULAR).fontSize(9.5).fillColor(MUTED);
        write(doc, lines.slice(1).join('\n'), x, doc.y + 2, { width: blockWidth, lineGap: 1.5 });
        return doc.y;
      };
      const s = order.supplier;
      const supplierLines = [s.name, s.contactPerson, s.phone, s.email, s.address].filter((v): v is string => Boolean(v));
      const a = block(MARGIN, labels.supplier, supplierLines);
      const b = block(MARGIN + blockWidth + 30, labels.shipTo, [shop.name, ...contact]);
      doc.y = Math.max(a, b) + 24;

      // Lines.
      const cell = (column: Column, text: string, at: number) => {
        const c = COLUMNS[column];
        write(doc, text, MARGIN + c.x, at, { width: c.width, align: c.align });
      };
      const tableHeader = () => {
        const at = doc.y;
        doc
          .save()
          .rect(MARGIN, at - 5, width, 20)
          .fill('#F4F4F4')
          .restore();
        doc.font(BOLD).fontSize(9).fillColor(DARK);
        for (const column of Object.keys(COLUMNS) as Column[]) cell(column, labels[column], at);
        doc.y = at + 22;
      };
      tableHeader();
      const bottom = doc.page.height - MARGIN - 20;
      for (const line of order.lines) {
        doc.font(BOLD).fontSize(9.5);
        const nameHeight = doc.heightOfString(winAnsi(line.name), { width: COLUMNS.item.width });
        doc.font(REGULAR).fontSize(8.5);
        const brandHeight = line.brand ? doc.heightOfString(winAnsi(line.brand), { width: COLUMNS.item.width }) + 1 : 0;
        const height = Math.max(nameHeight + brandHeight, doc.heightOfString(winAnsi(line.sku), { width: COLUMNS.sku.width }));
        if (doc.y + height + 8 > bottom) {
          doc.addPage();
          tableHeader();
        }
        const at = doc.y;
        doc.font(BOLD).fontSize(9.5).fillColor(DARK);
        cell('item', line.name, at);
        if (line.brand) {
          doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
          cell('item', line.brand, at + nameHeight + 1);
        }
        doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
        cell('sku', line.sku, at + 0.5);
        doc.fontSize(9).fillColor(DARK);
        cell('qty', String(line.quantity), at);
        cell('unitCost', money(line.unitCost), at);
        cell('lineTotal', money(line.lineTotal), at);
        rule(doc, at + height + 4);
        doc.y = at + height + 10;
      }

      // Total and notes.
      if (doc.y + 80 > bottom) doc.addPage();
      const totalY = doc.y + 6;
      doc.font(BOLD).fontSize(12).fillColor(DARK);
      write(doc, labels.total, MARGIN + 200, totalY, { width: 200, align: 'right' });
      write(doc, money(order.total), MARGIN + width - 110, totalY, { width: 110, align: 'right' });
      doc.y = totalY + 30;
      if (order.notes) {
        doc.font(BOLD).fontSize(9.5).fillColor(DARK);
        write(doc, labels.notes, MARGIN, doc.y, { width });
        doc.font(REGULAR).fontSize(9.5).fillColor(MUTED);
        write(doc, order.notes, MARGIN, doc.y + 2, { width });
      }
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
