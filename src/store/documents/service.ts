/** The documents area's public face: the PDFs other areas ask for (the invoice, a restock order's purchase order). */
export { type InvoiceInput, type InvoiceLabel, renderInvoicePdf } from './invoice';
export { type PurchaseOrderInput, type PurchaseOrderLabel, renderPurchaseOrderPdf } from './purchase-order';
export { type ReportTable, renderSalesReportPdf, type SalesReportInput } from './sales-report';
