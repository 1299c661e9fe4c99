/**
 * Reads the text of a pdfkit PDF for tests: content streams (inflated when compressed) hold the
 * text as hex glyph strings in TJ/Tj operators, which the built-in fonts map one byte per
 * character (WinAnsi ≈ latin1 for the characters the shop uses).
 */
import { inflateSync } from 'node:zlib';

function contentStreams(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of source.matchAll(/<<([^]*?)>>\s*stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = source.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(m[1]!)) {
      try {
        out.push(inflateSync(raw).toString('latin1'));
      } catch {
        // Not a content stream we can read (e.g. a truncated one): skip it.
      }
    } else out.push(raw.toString('latin1'));
  }
  return out;
}

/** Each text run of the document, in drawing order. */
export function pdfText(pdf: Buffer): string[] {
  const decode = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex').toString('latin1');
  const lines: string[] = [];
  for (const stream of contentStreams(pdf)) {
    for (const m of stream.matchAll(/\[([^\]]*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj/g)) {
      const hexes = m[1] !== undefined ? [...m[1].matchAll(/<([0-9a-fA-F\s]*)>/g)].map((h) => h[1]!) : [m[2]!];
      lines.push(hexes.map(decode).join(''));
    }
  }
  return lines;
}
