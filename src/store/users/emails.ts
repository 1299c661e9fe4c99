/**
 * The users area's emails, in the recipient's language: the invitation to a new staff member, and
 * the password-reset email an admin sends (the same text as the one people ask for themselves).
 */
import { type Locale, translator } from '../../lib/i18n';
import { renderEmail } from '../../lib/mail/layout';
import type { OutgoingEmail } from '../../lib/mail/transport';

type To = { email: string; name: string };

export function invitationEmail(locale: Locale, to: To, url: string, role: 'staff' | 'admin'): OutgoingEmail {
  const t = translator(locale);
  return renderEmail({
    to: to.email,
    subject: t('users.email.invite.subject'),
    greeting: t('email.greeting', { name: to.name }),
    paragraphs: [t('users.email.invite.body', { role: t(`users.role.${role}`) }), t('users.email.invite.expiry')],
    button: { label: t('users.email.invite.button'), url },
    smallPrint: t('users.email.invite.ignore'),
    footer: t('email.footer'),
  });
}

export function passwordResetEmail(locale: Locale, to: To, url: string): OutgoingEmail {
  const t = translator(locale);
  return renderEmail({
    to: to.email,
    subject: t('email.reset.subject'),
    greeting: t('email.greeting', { name: to.name }),
    paragraphs: [t('email.reset.body')],
    button: { label: t('email.reset.button'), url },
    smallPrint: t('email.reset.ignore'),
    footer: t('email.footer'),
  });
}
