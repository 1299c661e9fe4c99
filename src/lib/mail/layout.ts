/**
 * The shop's email layout: HTML and plain text from the same parts. Every value is HTML-escaped
 * before it enters the HTML part; callers pass text only.
 */
import type { OutgoingEmail } from './transport';

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A paragraph whose text contains `link`, an address the HTML part makes clickable. */
export interface LinkedParagraph {
  text: string;
  link: string;
}

const textOf = (p: string | LinkedParagraph) => (typeof p === 'string' ? p : p.text);

function paragraphHtml(p: string | LinkedParagraph): string {
  if (typeof p === 'string') return escapeHtml(p);
  const link = escapeHtml(p.link);
  return escapeHtml(p.text).replace(link, `<a href="${link}" style="color:#b43c0a">${link}</a>`);
}

export interface EmailParts {
  to: string;
  subject: string;
  greeting: string;
  /** Paragraphs of text, in order; one with a `link` shows that address (written in its text) as a link. */
  paragraphs: (string | LinkedParagraph)[];
  /** Label/value rows shown as a small table (order summary, bank account). */
  rows?: [string, string][];
  button?: { label: string; url: string };
  /** Small print under the button (e.g. "ignore this email if…"). */
  smallPrint?: string;
  footer: string;
}

// Inline styles of the HTML part.
const BODY_STYLE = 'margin:0;padding:24px;background:#f6f3ef;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a';
const LABEL_CELL_STYLE = 'padding:6px 0;color:#555;border-bottom:1px solid #eee';
const VALUE_CELL_STYLE = 'padding:6px 0;text-align:right;font-weight:bold;border-bottom:1px solid #eee';
const BUTTON_STYLE = 'background:#ff6b35;color:#1a1a1a;padding:12px 20px;border-radius:10px;text-decoration:none;font-weight:bold';

export function renderEmail(parts: EmailParts): OutgoingEmail {
  const text = [
    parts.greeting,
    '',
    ...parts.paragraphs.flatMap((p) => [textOf(p), '']),
    ...(parts.rows?.length ? [...parts.rows.map(([k, v]) => `${k}: ${v}`), ''] : []),
    ...(parts.button ? [parts.button.url, ''] : []),
    ...(parts.smallPrint ? [parts.smallPrint, ''] : []),
    '-- ',
    parts.footer,
  ].join('\n');
  const rows = parts.rows?.length
    ? `<table style="width:100%;border-collapse:collapse;margin:16px 0;font-size:14px">${parts.rows
        .map(
          ([k, v]) => `<tr><td style="${LABEL_CELL_STYLE}">${escapeHtml(k)}</td><td style="${VALUE_CELL_STYLE}">${escapeHtml(v)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const button = parts.button
    ? `<p style="margin:24px 0"><a href="${escapeHtml(parts.button.url)}" style="${BUTTON_STYLE}">${escapeHtml(parts.button.label)}</a></p>
<p style="font-size:13px;word-break:break-all">${escapeHtml(parts.button.url)}</p>`
    : '';
  const html = `<!doctype html><html><body style="${BODY_STYLE}">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border-radius:14px;padding:28px;border-top:6px solid #ff6b35">
<p style="font-size:20px;font-weight:bold;margin:0 0 16px">Hurtrock Music Store</p>
<p>${escapeHtml(parts.greeting)}</p>
${parts.paragraphs.map((p) => `<p>${paragraphHtml(p)}</p>`).join('\n')}
${rows}${button}
${parts.smallPrint ? `<p style="font-size:13px;color:#555">${escapeHtml(parts.smallPrint)}</p>` : ''}
<p style="font-size:12px;color:#777;margin-top:24px">${escapeHtml(parts.footer)}</p>
</div></body></html>`;
  return { to: parts.to, subject: parts.subject, text, html };
}
