/**
 * What the shop's PDFs share (invoice, purchase order): the house colours and margins, the
 * built-in Helvetica (WinAnsi, so text is mapped into it), money, text and horizontal rules.
 */
import type PDFDocument from 'pdfkit';
import { formatRupiah } from '../../lib/money';

export type Doc = InstanceType<typeof PDFDocument>;

export const ACCENT = '#FF6B35';
export const DARK = '#1A1A1A';
export const MUTED = '#666666';
export const RULE = '#DDDDDD';
export const MARGIN = 50;
export const BOLD = 'Helvetica-Bold';
export const REGULAR = 'Helvetica';

/** Characters 0x80–0x9F of WinAnsi; with printable ASCII and Latin-1 they are all it can show. */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Spaces become plain spaces, accents outside WinAnsi are dropped, anything else becomes "?". */
export function winAnsi(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/gu, ' ')
    .replace(/[^\n\x20-\x7e\xa0-\xff]/gu, (ch) => {
      if (WIN_ANSI_EXTRA.includes(ch)) return ch;
      const bare = ch.normalize('NFD').replace(/\p{M}/gu, '');
      return /^[\x20-\x7e\xa0-\xff]+$/u.test(bare) ? bare : '?';
    });
}

/** "Rp 1.850.000" with a plain space (formatRupiah's no-break space is made plain by winAnsi). */
export const money = (amount: number): string => winAnsi(formatRupiah(amount));

export const contentWidth = (doc: Doc): number => doc.page.width - MARGIN * 2;

export function write(doc: Doc, text: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = {}): void {
  doc.text(winAnsi(text), x, y, opts);
}

export function rule(doc: Doc, y: number, color = RULE, width = 0.75): void {
  doc
    .save()
    .moveTo(MARGIN, y)
    .lineTo(doc.page.width - MARGIN, y)
    .lineWidth(width)
    .strokeColor(color)
    .stroke()
    .restore();
}
