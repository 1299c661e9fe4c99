/**
 * The documents area's public face: the PDFs other areas ask for (the invoice, a restock order's
 * purchase order, and the back office's thermal shipping label, address label and packing slip,
 * each for one order or many in one file).
 */
export { type InvoiceInput, type InvoiceLabel, renderInvoicePdf, renderInvoicesPdf } from './invoice';
export { type PurchaseOrderInput, type PurchaseOrderLabel, renderPurchaseOrderPdf } from './purchase-order';
export { type ReportTable, renderSalesReportPdf, type SalesReportInput } from './sales-report';
export {
  type LabelParty,
  type ShippingLabelInput,
  type ShippingLabelText,
  labelCodes,
  layoutShippingLabel,
  renderShippingLabelsPdf,
} from './shipping-label';
export { type AddressLabelInput, layoutAddressLabel, renderAddressLabelsPdf } from './address-label';
export { type PackingSlipInput, type PackingSlipText, layoutPackingSlip, renderPackingSlipsPdf } from './packing-slip';
