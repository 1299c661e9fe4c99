import { Icon } from './icon';
import { usePage } from './page-context';

/** The light/dark switch (web/theme.ts flips it and remembers the choice), in the storefront and the admin. */
export function ThemeToggle() {
  const { t } = usePage();
  return (
    <button type="button" class="btn btn-icon theme-toggle" data-theme-toggle aria-label={t('theme.toggle')} title={t('theme.toggle')}>
      <Icon name="moon" class="theme-icon-dark" />
      <Icon name="sun" class="theme-icon-light" />
    </button>
  );
}
