/**
 * What the 100 × 150 mm thermal documents share (shipping label, address label, packing slip).
 * Each document is laid out first as a list of boxes by a pure function (so a unit test can check
 * that every box lies inside the page whatever the input), then drawn by `drawBoxes`. Text is fitted
 * to its box before it is drawn: it wraps, then shrinks down to a floor, then loses its tail to an
 * ellipsis, so it is never clipped by the page or spills into the next block. Pure black on white:
 * a thermal head prints dots, not greys.
 */
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { type Doc, winAnsi } from './pdf-kit';

/** 100 × 150 mm (the 4 × 6 in of common thermal printers) in points. */
export const LABEL_WIDTH = (100 / 25.4) * 72;
export const LABEL_HEIGHT = (150 / 25.4) * 72;
/** Small, but clear of the unprintable edge of common 203 dpi printers (~1.5 mm). */
export const LABEL_MARGIN = 8;
/** One printer dot at 203 dpi: bars are whole dots wide so every bar prints at the same width. */
export const DOT = 72 / 203;

/** pdfkit's built-in Helvetica pair (pdf-kit.ts BOLD and REGULAR). */
export type FontName = 'Helvetica' | 'Helvetica-Bold';
export type Align = 'left' | 'center' | 'right';

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type Box =
  | (Rect & { kind: 'text'; text: string; font: FontName; size: number; align?: Align; white?: boolean; lineGap?: number })
  | (Rect & { kind: 'frame'; line: number })
  | (Rect & { kind: 'fill' })
  | (Rect & { kind: 'code128'; payload: string; module: number; pattern: number[] })
  | (Rect & { kind: 'qr'; payload: string; module: number; side: number; pixels: number[] })
  | (Rect & { kind: 'checkbox' });

/** Text metrics of the PDF's fonts; `pdfMeasure` gives pdfkit's own, which is what the page will show. */
export interface Measure {
  width(text: string, font: FontName, size: number): number;
  height(text: string, font: FontName, size: number, width: number, lineGap?: number): number;
}

export function pdfMeasure(doc: Doc = new PDFDocument({ autoFirstPage: false })): Measure {
  return {
    width: (text, font, size) => doc.font(font).fontSize(size).widthOfString(winAnsi(text)),
    height: (text, font, size, width, lineGap = 0) => doc.font(font).fontSize(size).heightOfString(winAnsi(text), { width, lineGap }),
  };
}

export interface FitOptions {
  font: FontName;
  maxSize: number;
  minSize: number;
  width: number;
  maxHeight: number;
  lineGap?: number;
}

export interface Fitted {
  text: string;
  size: number;
  /** Height the fitted text takes (at most maxHeight). */
  height: number;
}

const ELLIPSIS = '…';

/** The largest size (in half points) at which the text fits; at the floor, the text is cut short with "…" until it fits. */
export function fitText(m: Measure, text: string, o: FitOptions): Fitted {
  const measure = (t: string, size: number) => m.height(t, o.font, size, o.width, o.lineGap);
  for (let size = o.maxSize; size >= o.minSize; size -= 0.5) {
    const height = measure(text, size);
    if (height <= o.maxHeight) return { text, size, height };
  }
  const size = o.minSize;
  // Binary search the longest head of the text that still fits with the ellipsis.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS, size) <= o.maxHeight) lo = mid;
    else hi = mid - 1;
  }
  const cut = lo > 0 ? text.slice(0, lo).trimEnd() + ELLIPSIS : '';
  return { text: cut, size, height: cut ? measure(cut, size) : 0 };
}

/** One line: the text as it is, or its longest head with "…" that fits the width. */
export function oneLine(m: Measure, text: string, font: FontName, size: number, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (m.width(flat, font, size) <= width) return flat;
  let lo = 0;
  let hi = flat.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (m.width(flat.slice(0, mid).trimEnd() + ELLIPSIS, font, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo > 0 ? flat.slice(0, lo).trimEnd() + ELLIPSIS : '';
}

/** A text box holding fitted text at (x, y): its height is what the text takes. */
export function textBox(
  m: Measure,
  text: string,
  at: { x: number; y: number; w: number },
  fit: Omit<FitOptions, 'width'>,
  extra: { align?: Align; white?: boolean } = {},
): Box & { kind: 'text' } {
  const fitted = fitText(m, text, { ...fit, width: at.w });
  return {
    kind: 'text',
    x: at.x,
    y: at.y,
    w: at.w,
    h: fitted.height,
    text: fitted.text,
    font: fit.font,
    size: fitted.size,
    lineGap: fit.lineGap,
    ...extra,
  };
}

/** Bar and space widths (in modules) of the Code 128 symbol for the payload, quiet zones excluded. */
export function code128Pattern(payload: string): number[] {
  const [symbol] = bwipjs.raw({ bcid: 'code128', text: payload }) as { sbs: number[] }[];
  return symbol!.sbs;
}

/** The QR code's modules, row by row (1 = dark), and its side in modules, quiet zone excluded. */
export function qrMatrix(payload: string): { side: number; pixels: number[] } {
  const [symbol] = bwipjs.raw({ bcid: 'qrcode', text: payload, eclevel: 'M' } as Parameters<typeof bwipjs.raw>[0]) as {
    pixs: number[];
    pixx: number;
  }[];
  return { side: symbol!.pixx, pixels: symbol!.pixs };
}

/** Code 128 asks for a quiet zone of 10 modules on each side. */
const CODE128_QUIET = 10;

/**
 * A Code 128 box centred in the given width: bars a whole number of printer dots wide (3 dots
 * when there is room), quiet zones included in the box.
 */
export function code128Box(payload: string, at: { x: number; y: number; w: number; h: number }): Box {
  const pattern = code128Pattern(payload);
  const modules = pattern.reduce((a, b) => a + b, 0) + CODE128_QUIET * 2;
  const dots = Math.min(3, Math.floor(at.w / modules / DOT));
  const module = dots >= 1 ? dots * DOT : at.w / modules;
  const w = modules * module;
  return { kind: 'code128', payload, pattern, module, x: at.x + (at.w - w) / 2, y: at.y, w, h: at.h };
}

/**
 * A square QR box of at most `size`, modules a whole number of dots, with its 4-module quiet zone
 * inside. The box keeps the matrix: encoding is the slow part of a label (~10 ms), done once.
 */
export function qrBox(payload: string, at: { x: number; y: number; size: number }): Box {
  const { side, pixels } = qrMatrix(payload);
  const dots = Math.floor(at.size / (side + 8) / DOT);
  const module = dots >= 1 ? dots * DOT : at.size / (side + 8);
  const w = (side + 8) * module;
  return { kind: 'qr', payload, side, pixels, module, x: at.x, y: at.y, w, h: w };
}

/** Every box lies inside the page (a small tolerance for floating point). */
export function insidePage(box: Rect, width = LABEL_WIDTH, height = LABEL_HEIGHT): boolean {
  const e = 0.01;
  return box.x >= -e && box.y >= -e && box.x + box.w <= width + e && box.y + box.h <= height + e && box.w >= 0 && box.h >= 0;
}

function drawCode128(doc: Doc, box: Box & { kind: 'code128' }): void {
  let x = box.x + CODE128_QUIET * box.module;
  box.pattern.forEach((width, i) => {
    if (i % 2 === 0) doc.rect(x, box.y, width * box.module, box.h);
    x += width * box.module;
  });
  doc.fill('black');
}

function drawQr(doc: Doc, box: Box & { kind: 'qr' }): void {
  const { side, pixels } = box;
  const origin = { x: box.x + 4 * box.module, y: box.y + 4 * box.module };
  for (let row = 0; row < side; row++) {
    // One rectangle per run of dark modules: fewer operators, no hairline seams between modules.
    let col = 0;
    while (col < side) {
      if (!pixels[row * side + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < side && pixels[row * side + col]) col++;
      doc.rect(origin.x + start * box.module, origin.y + row * box.module, (col - start) * box.module, box.module);
    }
  }
  doc.fill('black');
}

export function drawBoxes(doc: Doc, boxes: readonly Box[]): void {
  for (const box of boxes) {
    switch (box.kind) {
      case 'fill':
        doc.rect(box.x, box.y, box.w, box.h).fill('black');
        break;
      case 'frame': {
        // The stroke is centred on the path: inset it so the whole line stays inside the box.
        const inset = box.line / 2;
        doc
          .lineWidth(box.line)
          .rect(box.x + inset, box.y + inset, box.w - box.line, box.h - box.line)
          .stroke('black');
        break;
      }
      case 'checkbox':
        doc
          .lineWidth(1)
          .rect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1)
          .stroke('black');
        break;
      case 'code128':
        drawCode128(doc, box);
        break;
      case 'qr':
        drawQr(doc, box);
        break;
      case 'text':
        if (!box.text) break;
        doc
          .font(box.font)
          .fontSize(box.size)
          .fillColor(box.white ? 'white' : 'black');
        // The box's height is the fitted text's own, plus a hair: pdfkit drops any line past `height`.
        doc.text(winAnsi(box.text), box.x, box.y, {
          width: box.w,
          height: box.h + 1,
          align: box.align ?? 'left',
          lineGap: box.lineGap ?? 0,
        });
        break;
    }
  }
}

/** A pdfkit document of 100 × 150 mm pages with no margins (the layout keeps its own), ready to collect into a Buffer. */
export function labelDocument(title: string, author: string, compress = true): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: [LABEL_WIDTH, LABEL_HEIGHT],
    margin: 0,
    autoFirstPage: false,
    compress,
    info: { Title: winAnsi(title), Author: winAnsi(author) },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * Draws one page per layout into a label document and returns the PDF. Layouts are taken one at a
 * time and the event loop gets a turn after each page: a bulk print of hundreds of labels (~10 ms
 * each, mostly QR encoding) must not hold up every other request for seconds.
 */
export async function renderPages(pages: Iterable<readonly Box[]>, meta: { title: string; author: string; compress?: boolean }) {
  const { doc, done } = labelDocument(meta.title, meta.author, meta.compress);
  for (const boxes of pages) {
    doc.addPage();
    drawBoxes(doc, boxes);
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  return done;
}
