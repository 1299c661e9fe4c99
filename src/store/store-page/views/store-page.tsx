import type { MessageKey } from '../../../lib/i18n';
import { SeoHead } from '../../seo/views/head';
import { LOGO_SUBDIR } from '../../store-profile/types';
import { IMAGE_WIDTHS, imageUrl } from '../../ui/image-urls';
import { storeJsonLd } from '../../seo/views/json-ld';
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import type { StoreHours } from '../service';

/** "2026-12-25" → "Jumat, 25 Desember 2026": the date is a WIB calendar day, so it is formatted in UTC. */
function longDate(isoDate: string, locale: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

export function StorePage({ hours, publicUrl }: { hours: StoreHours; publicUrl: string }) {
  const { t, locale, profile } = usePage();
  const dayName = (day: number) => t(`day.${day}` as MessageKey);
  // Indonesian writes 09.30, English 09:30.
  const time = (value: string) => (locale === 'id' ? value.replace(':', '.') : value);
  const { status } = hours;
  const opensAgain =
    !status.open && status.nextOpening
      ? status.nextOpening.inDays === 0
        ? t('storePage.opensToday', { time: time(status.nextOpening.time) })
        : t('storePage.opensOn', { day: dayName(status.nextOpening.day), time: time(status.nextOpening.time) })
      : '';
  const statusDetail = status.open
    ? t('storePage.closesAt', { time: time(status.closesAt) })
    : status.holiday
      ? [t('storePage.holiday.today', { label: status.holiday }), opensAgain].filter(Boolean).join(' · ')
      : opensAgain;
  const url = `${publicUrl}/toko`;
  const description = t('storePage.description', { name: profile.name, city: profile.city });
  const phoneHref = `tel:${profile.phone.replace(/[^\d+]/g, '')}`;
  const social = Object.entries(profile.social).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && /^https:\/\//.test(entry[1]),
  );

  const head = (
    <SeoHead
      canonical={url}
      title={`${t('storePage.title')} · ${profile.name}`}
      description={description}
      siteName={profile.name}
      locale={locale}
      jsonLd={[storeJsonLd({ ...profile, url: `${publicUrl}/`, telephone: profile.phone })]}
    />
  );

  return (
    <Layout title={t('storePage.title')} description={description} head={head}>
      <header class="store-hero">
        <div class="container store-hero-content">
          <Icon name="store" class="store-hero-icon" />
          <p class="hero-kicker">{profile.city}</p>
          <h1 class="store-hero-title">{t('storePage.title')}</h1>
          <p class="store-hero-lead">{t('storePage.lead')}</p>
          <p class={`store-status ${status.open ? 'is-open' : 'is-closed'}`} data-store-status={status.open ? 'open' : 'closed'}>
            <span class="store-status-dot" aria-hidden="true" />
            <strong>{status.open ? t('storePage.openNow') : t('storePage.closedNow')}</strong>
            {statusDetail && <span class="store-status-detail">{statusDetail}</span>}
          </p>
        </div>
      </header>

      <div class="container store-page">
        <div class="row g-4">
          <div class="col-12 col-lg-6">
            <section class="store-card" aria-labelledby="store-address-title">
              <h2 id="store-address-title" class="store-card-title">
                <Icon name="location-dot" /> {t('storePage.address')}
              </h2>
              {profile.logoKey && (
                <img class="store-logo" src={imageUrl(profile.logoKey, IMAGE_WIDTHS[0], 'webp', LOGO_SUBDIR)} alt={profile.name} />
              )}
              <address class="store-address">
                <strong>{profile.name}</strong>
                <br />
                {profile.street}
                <br />
                {profile.city}, {profile.province} {profile.postalCode}
              </address>
              {profile.mapsUrl && /^https:\/\//.test(profile.mapsUrl) && (
                <a class="btn btn-rock" href={profile.mapsUrl} rel="noopener" target="_blank">
                  <Icon name="map-location-dot" /> {t('storePage.map')}
                </a>
              )}
            </section>

            <section class="store-card" aria-labelledby="store-contact-title">
              <h2 id="store-contact-title" class="store-card-title">
                <Icon name="headset" /> {t('storePage.contact')}
              </h2>
              <dl class="store-contact">
                <div>
                  <dt>{t('storePage.phone')}</dt>
                  <dd>
                    <a href={phoneHref}>
                      <Icon name="phone" /> {profile.phone}
                    </a>
                  </dd>
                </div>
                <div>
                  <dt>{t('storePage.whatsapp')}</dt>
                  <dd>
                    <a href={`https://wa.me/${profile.whatsapp}`} rel="noopener" target="_blank">
                      <Icon name="whatsapp" style="brands" /> {t('storePage.whatsapp.cta')}
                    </a>
                  </dd>
                </div>
                <div>
                  <dt>{t('storePage.email')}</dt>
                  <dd>
                    <a href={`mailto:${profile.email}`}>
                      <Icon name="envelope" /> {profile.email}
                    </a>
                  </dd>
                </div>
              </dl>
              {social.length > 0 && (
                <p class="store-social">
                  <span>{t('storePage.social')}:</span>
                  {social.map(([name, href]) => (
                    <a key={name} href={href} rel="noopener" target="_blank" aria-label={name}>
                      <Icon name={name} style="brands" />
                    </a>
                  ))}
                </p>
              )}
            </section>
          </div>

          <div class="col-12 col-lg-6">
            <section class="store-card" aria-labelledby="store-hours-title">
              <h2 id="store-hours-title" class="store-card-title">
                <Icon name="clock" /> {t('storePage.hours')}
              </h2>
              <table class="table hours-table">
                <thead class="visually-hidden">
                  <tr>
                    <th scope="col">{t('storePage.day')}</th>
                    <th scope="col">{t('storePage.time')}</th>
                  </tr>
                </thead>
                <tbody>
                  {hours.week.map((d) => (
                    <tr key={d.day} class={d.isToday ? 'is-today' : undefined} aria-current={d.isToday ? 'date' : undefined}>
                      <th scope="row">
                        {dayName(d.day)}
                        {d.isToday && <span class="badge hours-today">{t('storePage.today')}</span>}
                      </th>
                      <td>
                        {d.periods.length === 0
                          ? t('storePage.closed')
                          : d.periods.map((p) => `${time(p.open)}–${time(p.close)}`).join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="small text-body-secondary mb-0">{t('storePage.hours.note')}</p>
              {hours.holidays.length > 0 && (
                <div class="mt-3" data-store-holidays>
                  <h3 class="h6 mb-2">{t('storePage.holiday.upcoming')}</h3>
                  <ul class="list-unstyled mb-0">
                    {hours.holidays.map((holiday) => (
                      <li key={holiday.date}>
                        <time dateTime={holiday.date}>{longDate(holiday.date, locale)}</time> · {holiday.label}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          </div>
        </div>
      </div>
    </Layout>
  );
}
