/**
 * The thermal shipping label (100 × 150 mm): courier and service, the order number as a Code 128
 * barcode with the number printed under it, the recipient large, the sender, a QR code that opens
 * the order for staff, the billable weight, what is in the parcel and the paid mark. Laid out as
 * boxes by `layoutShippingLabel` (tested to stay inside the page), drawn by label-kit.
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
  qrBox,
  renderPages,
  textBox,
} from './label-kit';
import { BOLD, REGULAR } from './pdf-kit';

export interface LabelParty {
  name: string;
  phone: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
}

export type ShippingLabelText = 'to' | 'from' | 'weight' | 'paid' | 'items' | 'more';

export interface ShippingLabelInput {
  number: string;
  /** Where the QR code leads: the order in the back office. */
  staffUrl: string;
  paid: boolean;
  sender: LabelParty;
  recipient: LabelParty;
  /** "JNE REG", as the order keeps it. */
  service: string;
  billableKg: number;
  items: { name: string; quantity: number }[];
  /** Translated; `more` has a `{count}` placeholder for the products left out ("+{count} lainnya"). */
  labels: Record<ShippingLabelText, string>;
}

/** What the codes carry: the order number in the barcode, the staff URL in the QR code. */
export const labelCodes = (input: Pick<ShippingLabelInput, 'number' | 'staffUrl'>) => ({ code128: input.number, qr: input.staffUrl });

const M = LABEL_MARGIN;
const CW = LABEL_WIDTH - 2 * M;
const PAD = 6;

export const addressLines = (p: LabelParty): string => `${p.street}\n${p.city}, ${p.province} ${p.postalCode}`;

/** A framed party block: small heading, name, phone, address; each part fitted into what is left of the block. */
export function partyBlock(
  m: Measure,
  party: LabelParty,
  heading: string,
  at: { y: number; h: number; line: number },
  sizes: { name: [number, number]; phone: number; address: [number, number]; nameLines: number },
): Box[] {
  const inner = { x: M + PAD, w: CW - 2 * PAD };
  const bottom = at.y + at.h - PAD;
  const head = textBox(m, heading.toUpperCase(), { ...inner, y: at.y + PAD - 1 }, { font: BOLD, maxSize: 7, minSize: 7, maxHeight: 10 });
  const nameMax = sizes.name[0] * 1.2 * sizes.nameLines;
  const name = textBox(
    m,
    party.name,
    { ...inner, y: head.y + head.h + 1 },
    {
      font: BOLD,
      maxSize: sizes.name[0],
      minSize: sizes.name[1],
      maxHeight: Math.min(nameMax, bottom - head.y - head.h - 1),
    },
  );
  const phone = textBox(
    m,
    party.phone,
    { ...inner, y: name.y + name.h + 1 },
    {
      font: BOLD,
      maxSize: sizes.phone,
      minSize: 6,
      maxHeight: Math.max(0, Math.min(sizes.phone * 1.25, bottom - name.y - name.h - 1)),
    },
  );
  const addressTop = phone.y + phone.h + 2;
  const address = textBox(
    m,
    addressLines(party),
    { ...inner, y: addressTop },
    {
      font: REGULAR,
      maxSize: sizes.address[0],
      minSize: sizes.address[1],
      maxHeight: Math.max(0, bottom - addressTop),
      lineGap: 1,
    },
  );
  return [{ kind: 'frame', x: M, y: at.y, w: CW, h: at.h, line: at.line }, head, name, phone, address];
}

/** Item lines for the space left: each on one line, the last one "+N more" when they do not all fit. */
function itemLines(m: Measure, input: ShippingLabelInput, at: { x: number; y: number; w: number; h: number }): Box[] {
  const size = 7.5;
  const lineHeight = m.height('X', REGULAR, size, at.w);
  const fits = Math.max(1, Math.floor(at.h / lineHeight));
  const shown = input.items.length <= fits ? input.items : input.items.slice(0, fits - 1);
  const lines = shown.map((i) => `${i.quantity} × ${i.name}`);
  if (shown.length < input.items.length) {
    // Counted in lines (products), like the lines above it.
    lines.push(input.labels.more.replace('{count}', String(input.items.length - shown.length)));
  }
  return lines.map((line, i) => ({
    kind: 'text',
    x: at.x,
    y: at.y + i * lineHeight,
    w: at.w,
    h: lineHeight,
    text: oneLine(m, line, REGULAR, size, at.w),
    font: REGULAR,
    size,
  }));
}

export function layoutShippingLabel(input: ShippingLabelInput, m: Measure = pdfMeasure()): Box[] {
  const boxes: Box[] = [];
  const codes = labelCodes(input);

  // Header: courier and service white on black, the paid mark framed beside it.
  const headerH = 34;
  const paidW = input.paid ? 80 : 0;
  const serviceW = CW - (paidW ? paidW + 6 : 0);
  boxes.push({ kind: 'fill', x: M, y: M, w: serviceW, h: headerH });
  const service = textBox(
    m,
    input.service,
    { x: M + PAD, y: 0, w: serviceW - 2 * PAD },
    {
      font: BOLD,
      maxSize: 20,
      minSize: 8,
      maxHeight: headerH - 6,
    },
  );
  boxes.push({ ...service, y: M + (headerH - service.h) / 2, white: true });
  if (paidW) {
    const x = M + CW - paidW;
    boxes.push({ kind: 'frame', x, y: M, w: paidW, h: headerH, line: 2.5 });
    const mark = textBox(
      m,
      input.labels.paid.toUpperCase(),
      { x: x + 4, y: 0, w: paidW - 8 },
      {
        font: BOLD,
        maxSize: 18,
        minSize: 7,
        maxHeight: headerH - 8,
      },
    );
    boxes.push({ ...mark, y: M + (headerH - mark.h) / 2, align: 'center' });
  }

  // The order number: barcode across the label, the number under it as text.
  const barsTop = M + headerH + 8;
  boxes.push(code128Box(codes.code128, { x: M, y: barsTop, w: CW, h: 56 }));
  const number = textBox(m, input.number, { x: M, y: barsTop + 58, w: CW }, { font: BOLD, maxSize: 13, minSize: 8, maxHeight: 16 });
  boxes.push({ ...number, align: 'center' });

  // Recipient large, sender small.
  const recipientTop = barsTop + 78;
  const recipientH = 146;
  boxes.push(
    ...partyBlock(
      m,
      input.recipient,
      input.labels.to,
      { y: recipientTop, h: recipientH, line: 2 },
      {
        name: [18, 10],
        nameLines: 2,
        phone: 12,
        address: [12, 6.5],
      },
    ),
  );
  const senderTop = recipientTop + recipientH + 5;
  const senderH = 60;
  boxes.push(
    ...partyBlock(
      m,
      input.sender,
      input.labels.from,
      { y: senderTop, h: senderH, line: 0.75 },
      {
        name: [10, 6],
        nameLines: 1,
        phone: 8,
        address: [8, 5.5],
      },
    ),
  );

  // Bottom: QR code for staff, then weight and what is inside.
  const bottomTop = senderTop + senderH + 5;
  const bottomH = LABEL_HEIGHT - M - bottomTop;
  const qr = qrBox(codes.qr, { x: M, y: bottomTop, size: bottomH });
  boxes.push(qr);
  const right = { x: M + qr.w + 6, w: CW - qr.w - 6 };
  const weight = textBox(
    m,
    `${input.labels.weight}: ${input.billableKg} kg`,
    { ...right, y: bottomTop + 2 },
    {
      font: BOLD,
      maxSize: 11,
      minSize: 7,
      maxHeight: 14,
    },
  );
  const itemsHead = textBox(
    m,
    input.labels.items,
    { ...right, y: weight.y + weight.h + 2 },
    {
      font: BOLD,
      maxSize: 7.5,
      minSize: 7.5,
      maxHeight: 10,
    },
  );
  const listTop = itemsHead.y + itemsHead.h + 1;
  boxes.push(weight, itemsHead, ...itemLines(m, input, { ...right, y: listTop, h: LABEL_HEIGHT - M - listTop }));
  return boxes;
}

/** One label per page, in the order given. */
export function renderShippingLabelsPdf(
  inputs: readonly ShippingLabelInput[],
  meta: { title: string; author: string; compress?: boolean },
) {
  const m = pdfMeasure();
  // Laid out one at a time, as each page is drawn (the QR encoding is the costly part).
  const pages = function* () {
    for (const input of inputs) yield layoutShippingLabel(input, m);
  };
  return renderPages(pages(), meta);
}
