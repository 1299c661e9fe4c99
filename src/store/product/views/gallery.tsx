/**
 * The product gallery. Without JavaScript it is a horizontally scrolling strip of photos (swipe
 * with scroll snapping) with thumbnail links to each photo; web/gallery.ts turns the thumbnails
 * into buttons and adds arrows, keyboard and a counter.
 */
import { fallbackRendition, imageUrl, srcSet } from '../../ui/image-urls';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import type { ProductImageRow } from '../types';

/** The main photo is the full column: about half the container on desktops, the screen on phones. */
const MAIN_SIZES = '(min-width: 1400px) 636px, (min-width: 1200px) 546px, (min-width: 992px) 456px, 100vw';
const THUMB_SIZES = '80px';

export function Gallery({ images, name }: { images: readonly ProductImageRow[]; name: string }) {
  const { t } = usePage();
  const total = images.length;
  if (total === 0) {
    return (
      <div class="gallery gallery-empty">
        <div class="gallery-placeholder">
          <Icon name="guitar" />
          <span>{t('product.gallery.none')}</span>
        </div>
      </div>
    );
  }
  return (
    <section class="gallery" data-gallery aria-roledescription="carousel" aria-label={t('product.gallery.label', { name })}>
      <div class="gallery-stage">
        {/* Focusable so ←/→ work and keyboard users can scroll it without JavaScript too. */}
        <div class="gallery-track" data-gallery-track tabIndex={0} aria-label={t('product.gallery.hint')}>
          {images.map((image, i) => {
            const main = fallbackRendition(image.sizes, 640);
            const large = fallbackRendition(image.sizes, 1280);
            if (!main || !large) return null;
            const alt = image.alt || name;
            return (
              <figure
                class="gallery-slide"
                id={`foto-${i + 1}`}
                key={image.id}
                data-gallery-slide
                aria-roledescription="slide"
                aria-label={t('product.gallery.slide', { n: i + 1, total })}
              >
                {/* The large JPEG in its own tab: pinch-zoom friendly on phones. */}
                <a
                  class="gallery-zoom"
                  href={imageUrl(image.storageKey, large.nominal, 'jpg')}
                  aria-label={t('product.gallery.zoom', { n: i + 1 })}
                >
                  <picture>
                    <source type="image/webp" srcset={srcSet(image.storageKey, image.sizes, 'webp')} sizes={MAIN_SIZES} />
                    <img
                      src={imageUrl(image.storageKey, main.nominal, 'jpg')}
                      srcset={srcSet(image.storageKey, image.sizes, 'jpg')}
                      sizes={MAIN_SIZES}
                      width={main.size.width}
                      height={main.size.height}
                      alt={alt}
                      loading={i === 0 ? 'eager' : 'lazy'}
                      // The other slides are off to the side: low, so they do not share the line with the first.
                      fetchpriority={i === 0 ? 'high' : 'low'}
                      decoding="async"
                    />
                  </picture>
                </a>
              </figure>
            );
          })}
        </div>
        {total > 1 && (
          <>
            {/* Shown by gallery.ts: without it they would do nothing. */}
            <button type="button" class="gallery-arrow gallery-prev" data-gallery-prev hidden aria-label={t('product.gallery.prev')}>
              <Icon name="chevron-left" />
            </button>
            <button type="button" class="gallery-arrow gallery-next" data-gallery-next hidden aria-label={t('product.gallery.next')}>
              <Icon name="chevron-right" />
            </button>
            <p class="gallery-counter" data-gallery-counter aria-live="polite">
              1 / {total}
            </p>
          </>
        )}
      </div>
      {total > 1 && (
        <ul class="gallery-thumbs list-unstyled">
          {images.map((image, i) => {
            const thumb = fallbackRendition(image.sizes, 320);
            if (!thumb) return null;
            return (
              <li key={image.id}>
                <a
                  class="gallery-thumb"
                  href={`#foto-${i + 1}`}
                  data-gallery-thumb
                  aria-label={t('product.gallery.show', { n: i + 1, total })}
                  aria-current={i === 0 ? 'true' : undefined}
                >
                  <picture>
                    <source type="image/webp" srcset={srcSet(image.storageKey, image.sizes.slice(0, 1), 'webp')} sizes={THUMB_SIZES} />
                    <img
                      src={imageUrl(image.storageKey, thumb.nominal, 'jpg')}
                      width={thumb.size.width}
                      height={thumb.size.height}
                      alt=""
                      loading="lazy"
                      fetchpriority="low"
                      decoding="async"
                    />
                  </picture>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
