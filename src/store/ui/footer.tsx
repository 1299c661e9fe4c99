import type { MessageKey } from '../../lib/i18n';
import { openingHoursLines } from '../../lib/opening-hours';
import { Icon } from './icon';
import { usePage } from './page-context';
import { SharedPart } from './shared-part';

/** The site's footer: the same for every page in a language, rendered once (SharedPart). */
export function Footer() {
  const { assets } = usePage();
  const year = new Date().getFullYear();
  return (
    <SharedPart
      tag="footer"
      attributes={{ class: 'site-footer' }}
      id={`footer|${year}|${assets.icons.url}`}
      inner={() => <FooterContent />}
    />
  );
}

function FooterContent() {
  const { t, locale, profile } = usePage();
  const dayName = (day: number) => t(`day.${day}` as MessageKey);
  const dayRange = (first: number, last: number) => (first === last ? dayName(first) : `${dayName(first)}–${dayName(last)}`);
  const year = new Date().getFullYear();
  return (
    <div class="container">
      <div class="row g-4">
        <div class="col-12 col-md-4">
          <p class="footer-brand">{profile.name}</p>
          <p class="footer-tagline">{profile.tagline}</p>
          <p class="small">{t('footer.about')}</p>
        </div>
        <div class="col-12 col-sm-6 col-md-4">
          <h2 class="footer-heading">{t('footer.visit')}</h2>
          <address class="mb-2">
            {profile.street}
            <br />
            {profile.city}, {profile.province} {profile.postalCode}
          </address>
          <h2 class="footer-heading mt-3">{t('footer.hours')}</h2>
          <dl class="hours-list">
            {openingHoursLines(profile.openingHours, locale).map((line) => (
              <div class="hours-row" key={line.firstDay}>
                <dt>{dayRange(line.firstDay, line.lastDay)}</dt>
                <dd>{line.hours ?? t('footer.closed')}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div class="col-12 col-sm-6 col-md-4">
          <h2 class="footer-heading">{t('footer.contact')}</h2>
          <ul class="list-unstyled footer-contact">
            <li>
              <a href={`tel:${profile.phone.replace(/[^\d+]/g, '')}`}>
                <Icon name="phone" /> {profile.phone}
              </a>
            </li>
            <li>
              <a href={`https://wa.me/${profile.whatsapp}`} rel="noopener" target="_blank">
                <Icon name="whatsapp" style="brands" /> WhatsApp
              </a>
            </li>
            <li>
              <a href={`mailto:${profile.email}`}>
                <Icon name="envelope" /> {profile.email}
              </a>
            </li>
            {profile.social.instagram && (
              <li>
                <a href={profile.social.instagram} rel="noopener" target="_blank">
                  <Icon name="instagram" style="brands" /> Instagram
                </a>
              </li>
            )}
          </ul>
        </div>
      </div>
      <p class="footer-bottom">
        © {year} {profile.name}. {t('footer.rights')}
      </p>
    </div>
  );
}
