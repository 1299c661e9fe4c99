import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { Icon, IconSymbols } from '../../src/store/ui/icon';
import { type PageContext, PageCtx } from '../../src/store/ui/page-context';
import { renderToString } from 'preact-render-to-string';
import { renderDocument } from '../../src/store/ui/render';
import { SharedPart } from '../../src/store/ui/shared-part';
import { testAssets, testPageContext } from '../helpers/page-context';

const assets = testAssets({ phone: '<symbol id="phone"/>' }, ['music']);
const context = (profile: object, locale: 'id' | 'en' = 'id') =>
  testPageContext({ assets, locale, profile: profile as PageContext['profile'] });

describe('SharedPart: a part of the page rendered once per key', () => {
  it('renders its inner part once per key, language and profile, and carries the icons it draws into every page', () => {
    let renders = 0;
    const inner = () => {
      renders++;
      return h('p', null, h(Icon, { name: 'phone' }), 'Call us');
    };
    const part = h(SharedPart, { tag: 'footer', attributes: { class: 'site-footer' }, id: 'x', inner });
    const page = () => h('main', null, part, h(IconSymbols, {}));
    const profile = { name: 'Shop' };
    const first = renderDocument(page(), context(profile));
    const second = renderDocument(page(), context(profile));
    expect(renders).toBe(1);
    expect(second).toBe(first);
    expect(first).toContain('<footer class="site-footer"><p>');
    // The icon's symbol is written at the page's end even when the part came from the cache.
    expect(second).toContain('<symbol id="phone"/>');
    renderDocument(page(), context(profile, 'en'));
    expect(renders).toBe(2);
    // A changed profile is a new object: its parts are rendered anew.
    renderDocument(page(), context({ name: 'Shop, renamed' }));
    expect(renders).toBe(3);
    // HTML rendered outside a page (icons from the sprite, not inlined) has its own copy, then reuses it.
    const fragment = () => renderToString(h(PageCtx.Provider, { value: { ...context(profile), inlineIcons: undefined } }, part));
    const sprited = fragment();
    expect(fragment()).toBe(sprited);
    expect(renders).toBe(4);
    expect(sprited).toContain('<use href="/assets/');
  });
});
