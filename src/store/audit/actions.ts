/**
 * What the audit log records (A11). One list, so the filter on /admin/audit, the labels and the
 * code that writes entries agree; a new sensitive action is added here first.
 */
import type { MessageKey } from '../../lib/i18n';

export const AUDIT_ACTIONS = [
  'staff.login',
  'staff.login_failed',
  'user.invited',
  'user.role',
  'user.active',
  'user.password_reset_sent',
  'user.two_factor_enabled',
  'user.two_factor_disabled',
  'user.recovery_codes',
  'user.api_token_created',
  'user.api_token_revoked',
  'product.price',
  'stock.adjusted',
  'order.payment_confirmed',
  'order.refunded',
  'payment.refund_needed',
  'payment.chargeback',
  'settings.payments',
  'settings.shop',
  'settings.profile',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The action's label (a compile error here means a new action has no message in admin-audit.ts). */
export const auditActionLabel = (action: AuditAction): MessageKey => `adminAudit.action.${action}`;

export const isAuditAction = (value: unknown): value is AuditAction =>
  typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
