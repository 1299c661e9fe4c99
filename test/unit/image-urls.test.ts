import { describe, expect, it } from 'vitest';
import { fallbackRendition, imageUrl, srcSet } from '../../src/store/ui/image-urls';

describe('image URLs', () => {
  it('lists every rendition under its nominal width, described by its real width, narrowest first', () => {
    const sizes = [
      { width: 320, height: 240 },
      { width: 640, height: 480 },
      { width: 1280, height: 960 },
      { width: 960, height: 720 },
    ];
    expect(srcSet('k', sizes, 'webp')).toBe(
      '/media/products/k-320.webp 320w, /media/products/k-640.webp 640w, ' +
        '/media/products/k-960.webp 960w, /media/products/k-1280.webp 1280w',
    );
    expect(fallbackRendition(sizes, 1280)).toEqual({ nominal: 1280, size: { width: 1280, height: 960 } });
  });

  it('lists the 480 rendition, stored fifth, between 320 and 640', () => {
    const sizes = [
      { width: 320, height: 240 },
      { width: 640, height: 480 },
      { width: 1280, height: 960 },
      { width: 960, height: 720 },
      { width: 480, height: 360 },
    ];
    expect(srcSet('k', sizes, 'webp')).toBe(
      '/media/products/k-320.webp 320w, /media/products/k-480.webp 480w, /media/products/k-640.webp 640w, ' +
        '/media/products/k-960.webp 960w, /media/products/k-1280.webp 1280w',
    );
    expect(fallbackRendition(sizes, 480)).toEqual({ nominal: 480, size: { width: 480, height: 360 } });
  });

  it('reads an image stored before the 960 rendition (three sizes) as 320, 640 and 1280', () => {
    const sizes = [
      { width: 320, height: 320 },
      { width: 640, height: 640 },
      { width: 1280, height: 1280 },
    ];
    expect(srcSet('k', sizes, 'webp')).toBe(
      '/media/products/k-320.webp 320w, /media/products/k-640.webp 640w, /media/products/k-1280.webp 1280w',
    );
  });

  it('lists a small source once, under the file that exists', () => {
    const small = [
      { width: 200, height: 150 },
      { width: 200, height: 150 },
      { width: 200, height: 150 },
    ];
    expect(srcSet('k', small, 'jpg')).toBe('/media/products/k-320.jpg 200w');
    expect(fallbackRendition(small, 640)).toEqual({ nominal: 640, size: { width: 200, height: 150 } });
    expect(imageUrl('k', 640, 'jpg')).toBe('/media/products/k-640.jpg');
  });

  it('keeps the real dimensions of a mid-sized source', () => {
    const mid = [
      { width: 320, height: 240 },
      { width: 640, height: 480 },
      { width: 900, height: 675 },
    ];
    expect(srcSet('k', mid, 'jpg')).toBe('/media/products/k-320.jpg 320w, /media/products/k-640.jpg 640w, /media/products/k-1280.jpg 900w');
    // Stored with all four: the 1280 and 960 files are the same 900 px; listed once.
    expect(srcSet('k', [...mid, { width: 900, height: 675 }], 'jpg')).toBe(
      '/media/products/k-320.jpg 320w, /media/products/k-640.jpg 640w, /media/products/k-1280.jpg 900w',
    );
  });
});
