/** The documents area's public face: the PDFs other areas ask for (today the invoice). */
export { type InvoiceInput, type InvoiceLabel, renderInvoicePdf } from './invoice';
