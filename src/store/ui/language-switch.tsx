import { usePage } from './page-context';

/** The link to this page in the other language (the storefront's navbar and the back office's top bar). */
export function LanguageSwitch() {
  const { t, locale, path } = usePage();
  const other = locale === 'id' ? 'en' : 'id';
  const label = t(other === 'en' ? 'lang.en' : 'lang.id');
  return (
    <a class="btn btn-icon" href={`${path}?lang=${other}`} hreflang={other} lang={other} title={label}>
      <span class="lang-code">{other.toUpperCase()}</span>
      <span class="visually-hidden">{label}</span>
    </a>
  );
}
