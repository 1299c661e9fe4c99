import { defineMessages } from '../define';

/** The bank-transfer receipt a customer uploads on the order page (P5), and what staff see of it. */
export const transferProof = defineMessages({
  id: {
    'transferProof.title': 'Bukti transfer',
    'transferProof.lead':
      'Sudah transfer? Unggah foto atau tangkapan layar bukti transfernya supaya staf kami bisa memeriksa pembayaranmu lebih cepat.',
    'transferProof.file': 'Foto bukti transfer (JPEG, PNG atau WebP, maks. 8 MB)',
    'transferProof.submit': 'Unggah bukti transfer',
    'transferProof.replace': 'Ganti bukti transfer',
    'transferProof.uploaded': 'Bukti transfer sudah diunggah.',
    'transferProof.view': 'Lihat bukti transfer',
    'transferProof.done': 'Bukti transfer diterima. Staf kami akan memeriksa pembayaranmu.',
    'transferProof.failed': 'Bukti transfer tidak bisa disimpan. Unggah satu foto atau tangkapan layar JPEG, PNG atau WebP, maksimal 8 MB.',
    'transferProof.error.missing': 'Pilih file bukti transfer dulu.',
    'transferProof.error.tooLarge': 'File terlalu besar; maksimal 8 MB.',
    'transferProof.error.invalid': 'File ini bukan gambar JPEG, PNG atau WebP yang bisa dibaca.',
    'transferProof.error.malformed': 'Unggahan tidak lengkap. Silakan coba lagi.',
    'transferProof.error.closed': 'Pesanan ini tidak lagi menunggu pembayaran, jadi bukti transfer tidak bisa diunggah.',
  },
  en: {
    'transferProof.title': 'Transfer receipt',
    'transferProof.lead': 'Already paid? Upload a photo or screenshot of your transfer receipt so our staff can check your payment sooner.',
    'transferProof.file': 'Photo of the transfer receipt (JPEG, PNG or WebP, max. 8 MB)',
    'transferProof.submit': 'Upload receipt',
    'transferProof.replace': 'Replace receipt',
    'transferProof.uploaded': 'Your transfer receipt has been uploaded.',
    'transferProof.view': 'View transfer receipt',
    'transferProof.done': 'Receipt received. Our staff will check your payment.',
    'transferProof.failed': 'The receipt could not be saved. Upload one JPEG, PNG or WebP photo or screenshot of at most 8 MB.',
    'transferProof.error.missing': 'Choose the receipt file first.',
    'transferProof.error.tooLarge': 'The file is too large; the limit is 8 MB.',
    'transferProof.error.invalid': 'This file is not a readable JPEG, PNG or WebP image.',
    'transferProof.error.malformed': 'The upload was incomplete. Please try again.',
    'transferProof.error.closed': 'This order is no longer awaiting payment, so a receipt can no longer be uploaded.',
  },
});

export type TransferProofMessageKey = keyof typeof transferProof.id;
