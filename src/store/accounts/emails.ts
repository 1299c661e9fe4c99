/**
 * The accounts area's emails, in the recipient's language, as HTML and plain text. All text
 * comes from the message catalog; the shared layout escapes it for the HTML part.
 */
import { type Locale, translator } from '../../lib/i18n';
import { renderEmail } from '../../lib/mail/layout';
import type { OutgoingEmail } from '../../lib/mail/transport';

type LinkEmail = 'verify' | 'reset';

function linkEmail(kind: LinkEmail, locale: Locale, to: { email: string; name: string }, url: string): OutgoingEmail {
  const t = translator(locale);
  return renderEmail({
    to: to.email,
    subject: t(`email.${kind}.subject`),
    greeting: t('email.greeting', { name: to.name }),
    paragraphs: [t(`email.${kind}.body`)],
    button: { label: t(`email.${kind}.button`), url },
    smallPrint: t(`email.${kind}.ignore`),
    footer: t('email.footer'),
  });
}

export const verificationEmail = (locale: Locale, to: { email: string; name: string }, url: string) => linkEmail('verify', locale, to, url);
export const resetEmail = (locale: Locale, to: { email: string; name: string }, url: string) => linkEmail('reset', locale, to, url);
