/**
 * The packing slip (100 × 150 mm, like the labels, so one printer does both): every line with
 * its SKU, the quantity and a box for the packer to tick, and the customer's note. A long order
 * continues on further pages, each with the order number and "page / pages".
 */
import {
  type Box,
  code128Box,
  LABEL_HEIGHT,
  LABEL_MARGIN,
  LABEL_WIDTH,
  type Measure,
  oneLine,
  pdfMeasure,
  renderPages,
  textBox,
} from './label-kit';
import { BOLD, REGULAR } from './pdf-kit';

export type PackingSlipText = 'title' | 'date' | 'recipient' | 'courier' | 'qty' | 'item' | 'note' | 'total' | 'continued';

export interface PackingSlipInput {
  number: string;
  /** Already formatted (WIB). */
  date: string;
  recipient: string;
  service: string;
  items: { name: string; sku: string; quantity: number }[];
  note: string;
  /** Translated; `total` has `{count}` (units), `continued` has `{page}` and `{pages}`. */
  labels: Record<PackingSlipText, string>;
}

const M = LABEL_MARGIN;
const CW = LABEL_WIDTH - 2 * M;
/** The lowest y of content: the page number sits below it. */
const BOTTOM = LABEL_HEIGHT - M - 12;
const COL = { box: M, qty: M + 16, name: M + 46 };
const NAME_W = M + CW - COL.name;

const rule = (y: number, line = 0.75): Box => ({ kind: 'fill', x: M, y, w: CW, h: line });

function firstHeader(m: Measure, input: PackingSlipInput): { boxes: Box[]; y: number } {
  const title = textBox(
    m,
    input.labels.title.toUpperCase(),
    { x: M, y: M, w: CW * 0.45 },
    { font: BOLD, maxSize: 13, minSize: 8, maxHeight: 16 },
  );
  const number = textBox(
    m,
    input.number,
    { x: M + CW * 0.45, y: M + 1, w: CW * 0.55 },
    { font: BOLD, maxSize: 12, minSize: 7, maxHeight: 15 },
  );
  const bars = code128Box(input.number, { x: M, y: M + 20, w: CW, h: 30 });
  const facts = [
    `${input.labels.date}: ${input.date}`,
    `${input.labels.recipient}: ${input.recipient}`,
    `${input.labels.courier}: ${input.service}`,
  ].join('\n');
  const factBox = textBox(m, facts, { x: M, y: M + 54, w: CW }, { font: REGULAR, maxSize: 8, minSize: 6, maxHeight: 40, lineGap: 1 });
  return { boxes: [title, { ...number, align: 'right' }, bars, factBox], y: factBox.y + factBox.h + 4 };
}

function laterHeader(m: Measure, input: PackingSlipInput): { boxes: Box[]; y: number } {
  const head = textBox(
    m,
    `${input.labels.title.toUpperCase()} ${input.number}`,
    { x: M, y: M, w: CW },
    {
      font: BOLD,
      maxSize: 10,
      minSize: 7,
      maxHeight: 13,
    },
  );
  return { boxes: [head], y: head.y + head.h + 4 };
}

function tableHeader(m: Measure, input: PackingSlipInput, y: number): { boxes: Box[]; y: number } {
  const size = 7.5;
  const h = m.height('X', BOLD, size, CW);
  const cell = (x: number, w: number, text: string, align: 'left' | 'right' = 'left'): Box => ({
    kind: 'text',
    x,
    y,
    w,
    h,
    text: oneLine(m, text, BOLD, size, w),
    font: BOLD,
    size,
    align,
  });
  return {
    boxes: [rule(y - 2, 1.25), cell(COL.qty, 26, input.labels.qty, 'right'), cell(COL.name, NAME_W, input.labels.item), rule(y + h + 1)],
    y: y + h + 5,
  };
}

/** One item row at y: the checkbox, the quantity, the name (up to 3 lines) and its SKU. */
function itemRow(m: Measure, item: PackingSlipInput['items'][number], y: number): Box[] {
  const name = textBox(m, item.name, { x: COL.name, y, w: NAME_W }, { font: BOLD, maxSize: 8, minSize: 7, maxHeight: 3 * 9.5 });
  const sku: Box = {
    kind: 'text',
    x: COL.name,
    y: name.y + name.h,
    w: NAME_W,
    h: m.height('X', REGULAR, 7, NAME_W),
    text: '',
    font: REGULAR,
    size: 7,
  };
  sku.text = oneLine(m, `SKU ${item.sku}`, REGULAR, 7, NAME_W);
  const qty = textBox(m, String(item.quantity), { x: COL.qty, y: y - 1, w: 26 }, { font: BOLD, maxSize: 10, minSize: 6, maxHeight: 12 });
  const bottom = Math.max(sku.y + sku.h, y + 11);
  return [{ kind: 'checkbox', x: COL.box, y, w: 10, h: 10 }, { ...qty, align: 'right' }, name, sku, rule(bottom + 2, 0.5)];
}

const rowBottom = (row: Box[]): number => Math.max(...row.map((b) => b.y + b.h));

/** The slip's pages, each a list of boxes. */
export function layoutPackingSlip(input: PackingSlipInput, m: Measure = pdfMeasure()): Box[][] {
  const pages: Box[][] = [];
  let page: Box[] = [];
  let y = 0;
  const newPage = (first: boolean) => {
    if (!first) pages.push(page);
    const header = first ? firstHeader(m, input) : laterHeader(m, input);
    const table = tableHeader(m, input, header.y + 2);
    page = [...header.boxes, ...table.boxes];
    y = table.y;
  };
  newPage(true);
  for (const item of input.items) {
    let row = itemRow(m, item, y);
    if (rowBottom(row) > BOTTOM) {
      newPage(false);
      row = itemRow(m, item, y);
    }
    page.push(...row);
    y = rowBottom(row) + 4;
  }

  const units = input.items.reduce((sum, i) => sum + i.quantity, 0);
  const totalLine = (at: number): Box => ({
    ...textBox(
      m,
      input.labels.total.replace('{count}', String(units)),
      { x: M, y: at, w: CW },
      { font: BOLD, maxSize: 9, minSize: 6, maxHeight: 12 },
    ),
    align: 'right',
  });
  if (y + 12 > BOTTOM) newPage(false);
  const total = totalLine(y);
  page.push(total);
  y = total.y + total.h + 6;

  const note = input.note.trim();
  if (note) {
    // The note wants a readable block: when it would not fit whole in what is left of this page
    // (at the smallest size), it starts a page of its own.
    const needed = 30 + m.height(note, REGULAR, 6, CW - 8, 0.5);
    if (BOTTOM - y < Math.min(needed, 50) || (needed > BOTTOM - y && y > 120)) {
      newPage(false);
      y += 2;
    }
    const pad = 4;
    const head = textBox(
      m,
      input.labels.note,
      { x: M + pad, y: y + pad, w: CW - 2 * pad },
      { font: BOLD, maxSize: 7.5, minSize: 7.5, maxHeight: 10 },
    );
    const text = textBox(
      m,
      note,
      { x: M + pad, y: head.y + head.h + 1, w: CW - 2 * pad },
      {
        font: REGULAR,
        maxSize: 9,
        minSize: 6,
        maxHeight: BOTTOM - pad - (head.y + head.h + 1),
        lineGap: 0.5,
      },
    );
    page.push({ kind: 'frame', x: M, y, w: CW, h: text.y + text.h + pad - y, line: 1 }, head, text);
  }
  pages.push(page);

  // "1/2" under every page once the count is known; a one-page slip needs none.
  if (pages.length > 1) {
    pages.forEach((boxes, i) => {
      const label = input.labels.continued.replace('{page}', String(i + 1)).replace('{pages}', String(pages.length));
      boxes.push({
        ...textBox(
          m,
          `${input.number} · ${label}`,
          { x: M, y: BOTTOM + 3, w: CW },
          { font: REGULAR, maxSize: 7, minSize: 6, maxHeight: 9 },
        ),
        align: 'right',
      });
    });
  }
  return pages;
}

/** Every order's slip, one after the other, in the order given. */
export function renderPackingSlipsPdf(inputs: readonly PackingSlipInput[], meta: { title: string; author: string; compress?: boolean }) {
  const m = pdfMeasure();
  const pages = function* () {
    for (const input of inputs) yield* layoutPackingSlip(input, m);
  };
  return renderPages(pages(), meta);
}
