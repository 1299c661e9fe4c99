/**
 * The address label (100 × 150 mm): the recipient very large, the sender, and the order number
 * as a Code 128 barcode with the number under it. For parcels that go out with a courier's own
 * waybill, where only the address and our reference are needed.
 */
import { type Box, code128Box, LABEL_HEIGHT, LABEL_MARGIN, LABEL_WIDTH, type Measure, pdfMeasure, renderPages, textBox } from './label-kit';
import { BOLD } from './pdf-kit';
import { type LabelParty, partyBlock } from './shipping-label';

export interface AddressLabelInput {
  number: string;
  sender: LabelParty;
  recipient: LabelParty;
  labels: { to: string; from: string };
}

const M = LABEL_MARGIN;
const CW = LABEL_WIDTH - 2 * M;

export function layoutAddressLabel(input: AddressLabelInput, m: Measure = pdfMeasure()): Box[] {
  const recipientH = 236;
  const senderTop = M + recipientH + 6;
  const senderH = 88;
  const barsTop = senderTop + senderH + 8;
  const numberH = 16;
  const barsH = LABEL_HEIGHT - M - numberH - 2 - barsTop;
  const number = textBox(
    m,
    input.number,
    { x: M, y: barsTop + barsH + 2, w: CW },
    { font: BOLD, maxSize: 13, minSize: 8, maxHeight: numberH },
  );
  return [
    ...partyBlock(
      m,
      input.recipient,
      input.labels.to,
      { y: M, h: recipientH, line: 2 },
      {
        name: [24, 11],
        nameLines: 2,
        phone: 14,
        address: [15, 7],
      },
    ),
    ...partyBlock(
      m,
      input.sender,
      input.labels.from,
      { y: senderTop, h: senderH, line: 0.75 },
      {
        name: [12, 7],
        nameLines: 1,
        phone: 10,
        address: [10, 6],
      },
    ),
    code128Box(input.number, { x: M, y: barsTop, w: CW, h: barsH }),
    { ...number, align: 'center' },
  ];
}

export function renderAddressLabelsPdf(inputs: readonly AddressLabelInput[], meta: { title: string; author: string; compress?: boolean }) {
  const m = pdfMeasure();
  // Laid out one at a time, as each page is drawn.
  const pages = function* () {
    for (const input of inputs) yield layoutAddressLabel(input, m);
  };
  return renderPages(pages(), meta);
}
