import { defineMessages } from '../define';

/** The API documentation page (the API's own descriptions are in English, in openapi.ts). */
export const api = defineMessages({
  id: {
    'api.title': 'Dokumentasi API',
    'api.lead': 'API JSON katalog Hurtrock. Harga dalam rupiah utuh (IDR). Deskripsi lengkap dalam format OpenAPI 3.1:',
    'api.download': 'Unduh openapi.json',
    'api.parameters': 'Parameter',
    'api.responses': 'Respons',
    'api.name': 'Nama',
    'api.type': 'Tipe',
    'api.required': 'wajib',
    'api.description': 'Keterangan',
  },
  en: {
    'api.title': 'API documentation',
    'api.lead': "Hurtrock's catalog JSON API. Prices are whole rupiah (IDR). The full description in OpenAPI 3.1 format:",
    'api.download': 'Download openapi.json',
    'api.parameters': 'Parameters',
    'api.responses': 'Responses',
    'api.name': 'Name',
    'api.type': 'Type',
    'api.required': 'required',
    'api.description': 'Description',
  },
});
