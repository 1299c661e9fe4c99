/**
 * The sales report PDF (A10), in the invoice's style (pdfkit, built-in Helvetica, WinAnsi text):
 * the shop's header, the range, the totals as a grid of facts, then one table per figure, each
 * continued on the next page with its header repeated. Layout only: texts arrive translated and
 * cells formatted; the report is aggregates, so it is built in memory (a few pages).
 */
import PDFDocument from 'pdfkit';
import { ACCENT, BOLD, contentWidth, DARK, type Doc, MARGIN, MUTED, REGULAR, rule, winAnsi, write } from './pdf-kit';

export interface ReportTable {
  title: string;
  /** Relative widths; `end` columns are right-aligned (numbers). */
  columns: { label: string; weight: number; end?: boolean }[];
  rows: string[][];
  empty: string;
}

export interface SalesReportInput {
  shop: { name: string; street: string; city: string; province: string; postalCode: string; phone: string; email: string };
  title: string;
  /** "1 Desember 2026 – 3 Desember 2026". */
  rangeText: string;
  generatedText: string;
  facts: { label: string; value: string }[];
  tables: ReportTable[];
}

const ROW_GAP = 4;

function bottomOf(doc: Doc): number {
  return doc.page.height - MARGIN;
}

function drawHeader(doc: Doc, input: SalesReportInput): void {
  const width = contentWidth(doc);
  const half = width / 2;
  doc.font(BOLD).fontSize(18).fillColor(DARK);
  write(doc, input.shop.name, MARGIN, MARGIN, { width: half - 10 });
  doc.font(REGULAR).fontSize(9).fillColor(MUTED);
  const s = input.shop;
  write(doc, [s.street, `${s.city}, ${s.province} ${s.postalCode}`, s.phone, s.email].join('\n'), MARGIN, doc.y + 4, {
    width: half - 10,
    lineGap: 1.5,
  });
  const leftEnd = doc.y;
  doc.font(BOLD).fontSize(18).fillColor(ACCENT);
  write(doc, input.title, MARGIN + half, MARGIN, { width: half, align: 'right' });
  doc.font(BOLD).fontSize(10).fillColor(DARK);
  write(doc, input.rangeText, MARGIN + half, doc.y + 4, { width: half, align: 'right' });
  doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
  write(doc, input.generatedText, MARGIN + half, doc.y + 2, { width: half, align: 'right' });
  const end = Math.max(leftEnd, doc.y) + 10;
  rule(doc, end, ACCENT, 1.5);
  doc.y = end + 14;
}

/** The totals in three columns of label over value. */
function drawFacts(doc: Doc, facts: SalesReportInput['facts']): void {
  const width = contentWidth(doc);
  const cell = width / 3;
  let top = doc.y;
  facts.forEach((fact, i) => {
    const x = MARGIN + (i % 3) * cell;
    if (i > 0 && i % 3 === 0) top += 36;
    doc.font(REGULAR).fontSize(8.5).fillColor(MUTED);
    write(doc, fact.label, x, top, { width: cell - 10 });
    doc.font(BOLD).fontSize(12).fillColor(DARK);
    write(doc, fact.value, x, top + 12, { width: cell - 10 });
  });
  doc.y = top + 44;
}

function drawTable(doc: Doc, table: ReportTable): void {
  const width = contentWidth(doc);
  const total = table.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = table.columns.map((c) => (c.weight / total) * width);
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cellOptions = (i: number) => ({ width: widths[i]! - 6, align: table.columns[i]?.end ? ('right' as const) : ('left' as const) });
  const rowHeight = (cells: string[]) =>
    Math.max(...cells.map((text, i) => doc.heightOfString(winAnsi(text), cellOptions(i))), doc.currentLineHeight());

  const head = () => {
    const at = doc.y;
    doc
      .save()
      .rect(MARGIN, at - 4, width, 18)
      .fill('#F4F4F4')
      .restore();
    doc.font(BOLD).fontSize(8.5).fillColor(DARK);
    table.columns.forEach((c, i) => write(doc, c.label, xs[i]! + 3, at, cellOptions(i)));
    doc.y = at + 18;
  };

  // Keep the title with the header and a first row.
  if (doc.y + 70 > bottomOf(doc)) doc.addPage();
  doc.font(BOLD).fontSize(11).fillColor(ACCENT);
  write(doc, table.title, MARGIN, doc.y, { width });
  doc.y += 6;
  head();
  if (table.rows.length === 0) {
    doc.font(REGULAR).fontSize(9).fillColor(MUTED);
    write(doc, table.empty, MARGIN + 3, doc.y, { width });
    doc.y += 10;
  }
  for (const cells of table.rows) {
    doc.font(REGULAR).fontSize(9);
    const height = rowHeight(cells);
    if (doc.y + height + ROW_GAP > bottomOf(doc)) {
      doc.addPage();
      head();
      doc.font(REGULAR).fontSize(9);
    }
    const at = doc.y;
    doc.fillColor(DARK);
    cells.forEach((text, i) => write(doc, text, xs[i]! + 3, at, cellOptions(i)));
    rule(doc, at + height + 1.5);
    doc.y = at + height + ROW_GAP;
  }
  doc.y += 16;
}

export function renderSalesReportPdf(input: SalesReportInput, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: winAnsi(`${input.title} ${input.rangeText}`), Author: winAnsi(input.shop.name) },
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      drawHeader(doc, input);
      drawFacts(doc, input.facts);
      for (const table of input.tables) drawTable(doc, table);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}
