/** Turns the service's notices and problems into the visitor's language (page and JSON alike). */
import type { MessageKey, Translate } from '../../lib/i18n';
import type { CartNotice, CartProblem } from './service';

export function noticeText(t: Translate, notice: CartNotice): string {
  switch (notice.kind) {
    case 'removedInactive':
      return t('cart.notice.removedInactive', { name: notice.name });
    case 'removedSoldOut':
      return t('cart.notice.removedSoldOut', { name: notice.name });
    case 'capped':
      return t('cart.notice.capped', { name: notice.name, from: notice.from, to: notice.to, stockSeen: notice.stockSeen });
    case 'addCapped':
      return t('cart.notice.addCapped', { name: notice.name, quantity: notice.quantity });
  }
}

export function problemText(t: Translate, problem: CartProblem): string {
  return t(`cart.error.${problem.field}.${problem.problem}` as MessageKey);
}
