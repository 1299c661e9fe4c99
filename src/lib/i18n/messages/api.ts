import { defineMessages } from '../define';

/** The API documentation page (the API's own descriptions are in English, in the operations' schemas). */
export const api = defineMessages({
  id: {
    'api.title': 'Dokumentasi API',
    'api.lead':
      'API JSON Hurtrock: katalog, keranjang, perkiraan checkout dan pesanan. Harga dalam rupiah utuh (IDR). ' +
      'Deskripsi lengkap dalam format OpenAPI 3.1:',
    'api.download': 'Unduh openapi.json',
    'api.parameters': 'Parameter',
    'api.responses': 'Respons',
    'api.name': 'Nama',
    'api.type': 'Tipe',
    'api.required': 'wajib',
    'api.description': 'Keterangan',
    'api.body': 'Isi permintaan (JSON)',
    'api.auth': 'Autentikasi',
    'api.tokens': 'Buat token akses di halaman akunmu',
    'api.public': 'Publik: tanpa login.',
    'api.signedIn': 'Perlu login: token akses (cakupan {scope}) atau cookie sesi.',
    'api.schemas': 'Skema',
  },
  en: {
    'api.title': 'API documentation',
    'api.lead':
      "Hurtrock's JSON API: catalog, cart, checkout quote and orders. Prices are whole rupiah (IDR). " +
      'The full description in OpenAPI 3.1 format:',
    'api.download': 'Download openapi.json',
    'api.parameters': 'Parameters',
    'api.responses': 'Responses',
    'api.name': 'Name',
    'api.type': 'Type',
    'api.required': 'required',
    'api.description': 'Description',
    'api.body': 'Request body (JSON)',
    'api.auth': 'Authentication',
    'api.tokens': 'Create an access token on your account page',
    'api.public': 'Public: no sign-in.',
    'api.signedIn': 'Signed in: an access token (scope {scope}) or the session cookie.',
    'api.schemas': 'Schemas',
  },
});
