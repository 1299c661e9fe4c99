/**
 * HTML that is rendered once and kept (a product card, the footer, the chat button, a page's icon
 * symbols), with its UTF-8 bytes and their digest made on first use.
 *
 * Why bytes: turning a page's string into bytes (V8's UTF-8 writer) was a fifth of the CPU of a
 * catalogue page no cache had seen, and most of those bytes are kept parts, the same for every
 * page that shows them. So while a page renders, each kept part is written as a marker; afterwards
 * only the page's own HTML between the markers is encoded, and each part's bytes, encoded once,
 * are copied in (render.ts). The ETag hashes a part's digest instead of its bytes (plugins/pages.ts).
 */
import { createHash, randomBytes } from 'node:crypto';

export class KeptHtml {
  #html: string | undefined;
  #bytes: Buffer | undefined;
  #digest: Buffer | undefined;

  constructor(html: string) {
    this.#html = html;
  }

  /** The HTML (decoded again from the bytes once they exist: only pages rendered as one string ask). */
  get html(): string {
    return this.#html ?? this.#bytes!.toString();
  }

  get bytes(): Buffer {
    if (!this.#bytes) {
      const html = this.#html!;
      // Outside Node's shared 8 KB pool: a kept part lives for minutes and would pin a whole slab.
      this.#bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(html));
      this.#bytes.write(html);
      // Thousands of cards are kept: hold each once, as bytes.
      this.#html = undefined;
    }
    return this.#bytes;
  }

  /** Stands for the bytes in an ETag: equal digests, equal bytes. */
  get digest(): Buffer {
    this.#digest ??= createHash('sha1').update(this.bytes).digest();
    return this.#digest;
  }
}

/**
 * Where a kept part stands in the rendered string. Random per process and never sent (every marker
 * is replaced), so nothing a visitor or staff member types can forge one; render.ts still checks
 * the count and renders plainly if it is off.
 */
export const KEPT_MARKER = `<!--kept:${randomBytes(12).toString('base64url')}-->`;

/** The parts a page placed, in document order (Preact renders depth first, in order). */
export type KeptParts = KeptHtml[];

/** The HTML to write for a kept part: a marker when the page collects its parts, else the HTML itself. */
export function placeKept(kept: KeptHtml, collected: KeptParts | undefined): string {
  if (!collected) return kept.html;
  collected.push(kept);
  return KEPT_MARKER;
}

/** A page as bytes: its own encoded pieces and its kept parts, in order. */
export type PageSegment = Buffer | KeptHtml;

/**
 * The page's segments from its rendered string, or undefined when the markers do not match the
 * parts placed (then the caller renders the page without markers).
 */
export function pageSegments(html: string, parts: KeptParts): PageSegment[] | undefined {
  const pieces = html.split(KEPT_MARKER);
  if (pieces.length !== parts.length + 1) return undefined;
  const segments: PageSegment[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (pieces[i]) segments.push(Buffer.from(pieces[i]!));
    segments.push(parts[i]!);
  }
  const last = pieces[parts.length]!;
  if (last) segments.push(Buffer.from(last));
  return segments;
}

export function segmentsToBytes(segments: readonly PageSegment[]): Buffer {
  const buffers = segments.map((segment) => (segment instanceof KeptHtml ? segment.bytes : segment));
  return buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers);
}
