/**
 * The accounts area's emails, in the recipient's language, as HTML and plain text. All text
 * comes from the message catalog; values are HTML-escaped before they enter the HTML part.
 */
import { type Locale, translator } from '../../lib/i18n';
import type { OutgoingEmail } from '../../lib/mail/transport';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(opts: { to: string; subject: string; greeting: string; body: string; button: string; url: string; ignore: string; footer: string }): OutgoingEmail {
  const text = [opts.greeting, '', opts.body, '', opts.url, '', opts.ignore, '', '-- ', opts.footer].join('\n');
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f6f3ef;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:14px;padding:28px;border-top:6px solid #ff6b35">
<p style="font-size:20px;font-weight:bold;margin:0 0 16px">Hurtrock Music Store</p>
<p>${escapeHtml(opts.greeting)}</p>
<p>${escapeHtml(opts.body)}</p>
<p style="margin:24px 0"><a href="${escapeHtml(opts.url)}" style="background:#ff6b35;color:#1a1a1a;padding:12px 20px;border-radius:10px;text-decoration:none;font-weight:bold">${escapeHtml(opts.button)}</a></p>
<p style="font-size:13px;word-break:break-all">${escapeHtml(opts.url)}</p>
<p style="font-size:13px;color:#555">${escapeHtml(opts.ignore)}</p>
<p style="font-size:12px;color:#777;margin-top:24px">${escapeHtml(opts.footer)}</p>
</div></body></html>`;
  return { to: opts.to, subject: opts.subject, text, html };
}

export function verificationEmail(locale: Locale, to: { email: string; name: string }, url: string): OutgoingEmail {
  const t = translator(locale);
  return layout({
    to: to.email,
    subject: t('email.verify.subject'),
    greeting: t('email.greeting', { name: to.name }),
    body: t('email.verify.body'),
    button: t('email.verify.button'),
    url,
    ignore: t('email.verify.ignore'),
    footer: t('email.footer'),
  });
}

export function resetEmail(locale: Locale, to: { email: string; name: string }, url: string): OutgoingEmail {
  const t = translator(locale);
  return layout({
    to: to.email,
    subject: t('email.reset.subject'),
    greeting: t('email.greeting', { name: to.name }),
    body: t('email.reset.body'),
    button: t('email.reset.button'),
    url,
    ignore: t('email.reset.ignore'),
    footer: t('email.footer'),
  });
}
