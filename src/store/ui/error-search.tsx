import { Icon } from './icon';
import { usePage } from './page-context';

/** The search box every "not found" page offers, so a lost visitor can look again. */
export function ErrorSearchForm() {
  const { t } = usePage();
  return (
    <form class="error-search" role="search" action="/produk" method="get">
      <label class="form-label" for="error-search-input">
        {t('error.search')}
      </label>
      <div class="input-group">
        <input
          id="error-search-input"
          class="form-control"
          type="search"
          name="q"
          maxLength={100}
          placeholder={t('nav.search.placeholder')}
        />
        <button class="btn btn-rock" type="submit">
          <Icon name="magnifying-glass" /> {t('nav.search.submit')}
        </button>
      </div>
    </form>
  );
}
