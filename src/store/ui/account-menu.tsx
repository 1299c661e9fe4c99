import type { ComponentChildren } from 'preact';
import { CsrfField } from './csrf-field';
import { Icon } from './icon';
import { usePage } from './page-context';

/** The signed-in user's dropdown: who they are, the links the caller gives, then logging out. */
export function AccountMenu({ heading, children }: { heading: ComponentChildren; children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <div class="dropdown">
      <button
        class="btn btn-icon"
        type="button"
        data-bs-toggle="dropdown"
        // Placed by Bootstrap's CSS, not Popper, which the build leaves out (web/popper-stub.ts).
        data-bs-display="static"
        aria-expanded="false"
        aria-label={t('nav.accountMenu')}
        title={t('nav.accountMenu')}
      >
        <Icon name="circle-user" />
      </button>
      <ul class="dropdown-menu dropdown-menu-end">
        <li>{heading}</li>
        {children}
        <li>
          <hr class="dropdown-divider" />
        </li>
        <li>
          {/* Logging out changes state, so it is a POST with a CSRF token, never a link. */}
          <form method="post" action="/keluar">
            <CsrfField />
            <button class="dropdown-item" type="submit">
              <Icon name="right-from-bracket" /> {t('nav.logout')}
            </button>
          </form>
        </li>
      </ul>
    </div>
  );
}
