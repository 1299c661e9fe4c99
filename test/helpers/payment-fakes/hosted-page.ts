/**
 * The HTML the fakes' hosted payment pages share: one self-contained page (no external assets) with a main landmark,
 * lang, a heading, and buttons in forms posting back to the fake, so Playwright finds them by role and name.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatRupiah(rupiah: number): string {
  return `Rp ${new Intl.NumberFormat('id-ID').format(rupiah)}`;
}

/** One button in its own form: `name` is the button's accessible name; `fields` become hidden inputs. */
export function actionButton(action: string, name: string, fields: Record<string, string> = {}): string {
  const hidden = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<form method="post" action="${escapeHtml(action)}">${hidden}<button type="submit">${escapeHtml(name)}</button></form>`;
}

/** Dark text on white and white on a dark blue button: both well above 4.5:1. */
export function hostedPage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 28rem; margin: 2rem auto; padding: 0 1rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
button { font: inherit; padding: 0.6rem 1.2rem; border: 0; border-radius: 4px; background: #1d3f8f; color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.amount { font-size: 1.5rem; font-weight: 700; }
code { font-size: 1.25rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${bodyHtml}
</main>
</body>
</html>
`;
}
