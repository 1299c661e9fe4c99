/**
 * Extra `<head>` elements of a page that search engines and link previews read: canonical URL,
 * Open Graph and schema.org JSON-LD. Passed to Layout's `head` slot.
 */
import { serializeJsonLd } from './json-ld';

export interface SeoHeadProps {
  /** Absolute URL of the page without tracking parameters. */
  canonical: string;
  title: string;
  description: string;
  type?: 'website' | 'product';
  /** Absolute URL of a large image (link previews want ≥ 1200 px). */
  image?: { url: string; width: number; height: number; alt: string };
  siteName: string;
  locale: 'id' | 'en';
  jsonLd?: readonly Record<string, unknown>[];
}

export function SeoHead({ canonical, title, description, type = 'website', image, siteName, locale, jsonLd = [] }: SeoHeadProps) {
  return (
    <>
      <link rel="canonical" href={canonical} />
      <meta property="og:site_name" content={siteName} />
      <meta property="og:locale" content={locale === 'id' ? 'id_ID' : 'en_GB'} />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={canonical} />
      {image && (
        <>
          <meta property="og:image" content={image.url} />
          <meta property="og:image:width" content={String(image.width)} />
          <meta property="og:image:height" content={String(image.height)} />
          <meta property="og:image:alt" content={image.alt} />
          <meta name="twitter:card" content="summary_large_image" />
        </>
      )}
      {jsonLd.map((data, i) => (
        // Data, not code: escaped by serializeJsonLd so it cannot close the element.
        <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
      ))}
    </>
  );
}
