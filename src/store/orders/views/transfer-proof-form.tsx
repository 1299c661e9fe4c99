/**
 * The transfer-receipt upload on the order page (P5), for the owner or the guest-link holder
 * while the order awaits payment; staff only get the link to view it (`TransferProofLink`).
 *
 * Field order matters: `_csrf` and `k` come before the file, so the server has read them when a
 * file turns out to be too large (it stops reading after a refused file).
 */
import type { Locale, Translate } from '../../../lib/i18n';
import type { TransferProofMessageKey } from '../../../lib/i18n/messages/transfer-proof';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';

/** Types that `<input accept>` lists; the server checks the bytes, not this. */
export const TRANSFER_PROOF_ACCEPT = 'image/jpeg,image/png,image/webp';

/** The text for a `transferProof.*` key (kept as a helper so the route's JSON errors share it). */
export function proofText(t: Translate, _locale: Locale, key: TransferProofMessageKey): string {
  return t(key);
}

export function transferProofUrl(number: string, guestKey?: string, suffix: '' | '.jpg' = ''): string {
  return `/pesanan/${number}/bukti-transfer${suffix}${guestKey ? `?k=${encodeURIComponent(guestKey)}` : ''}`;
}

export function TransferProofLink({ number, guestKey }: { number: string; guestKey?: string }) {
  const { t, locale } = usePage();
  return (
    <a class="btn btn-sm btn-outline-rock" href={transferProofUrl(number, guestKey, '.jpg')} target="_blank" rel="noopener">
      <Icon name="receipt" /> {proofText(t, locale, 'transferProof.view')}
    </a>
  );
}

export interface TransferProofFormProps {
  number: string;
  /** The guest link's key (guests only). */
  guestKey?: string;
  hasProof: boolean;
  /** Defaults to the page's token (`usePage().csrfToken`). */
  csrfToken?: string;
}

/** The largest receipt accepted (the server's limit; the page checks it too, before sending). */
export const MAX_PROOF_BYTES = 8 * 1024 * 1024;

export function TransferProofForm({ number, guestKey, hasProof, csrfToken }: TransferProofFormProps) {
  const { t, locale, csrfToken: pageToken } = usePage();
  const text = (key: TransferProofMessageKey) => proofText(t, locale, key);
  const token = csrfToken ?? pageToken;
  const inputId = `f-transfer-proof-${number}`;
  return (
    <div class="order-transfer-proof" data-transfer-proof>
      <h3 class="h6 mt-3">
        <Icon name="receipt" /> {text('transferProof.title')}
      </h3>
      {hasProof ? (
        <p class="mb-2" role="status">
          <Icon name="circle-check" /> {text('transferProof.uploaded')} <TransferProofLink number={number} guestKey={guestKey} />
        </p>
      ) : (
        <p class="form-text">{text('transferProof.lead')}</p>
      )}
      {/* The key also rides in the action's query, so a refusal before the body is read still finds the order. */}
      <form method="post" enctype="multipart/form-data" action={transferProofUrl(number, guestKey)}>
        {token && <input type="hidden" name="_csrf" value={token} />}
        {guestKey && <input type="hidden" name="k" value={guestKey} />}
        <div class="mb-2">
          <label class="form-label" for={inputId}>
            {text('transferProof.file')}
          </label>
          {/* web/orders.ts refuses a file over the limit at once, instead of after a long upload. */}
          <input
            id={inputId}
            class="form-control"
            type="file"
            name="proof"
            accept={TRANSFER_PROOF_ACCEPT}
            required
            data-max-bytes={MAX_PROOF_BYTES}
            data-too-large={text('transferProof.error.tooLarge')}
            aria-describedby={`${inputId}-error`}
          />
          <div id={`${inputId}-error`} class="invalid-feedback" data-file-error />
        </div>
        <button class="btn btn-rock" type="submit">
          <Icon name="upload" /> {text(hasProof ? 'transferProof.replace' : 'transferProof.submit')}
        </button>
      </form>
    </div>
  );
}
