import { usePage } from './page-context';

/**
 * The hidden CSRF field every POST form includes. The route that renders a form for a guest
 * calls `app.sessions.ensure()` first so there is a token to put here.
 */
export function CsrfField() {
  const { csrfToken } = usePage();
  return csrfToken ? <input type="hidden" name="_csrf" value={csrfToken} /> : null;
}
