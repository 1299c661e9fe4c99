/**
 * `reply.page(<SomePage/>)`: renders a page component with the request's context (language,
 * theme, store profile, asset URLs) and sends it as HTML.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { StoreProfileService } from '../store-profile/service';
import type { AssetUrls } from '../ui/assets';
import type { PageContext, Theme } from '../ui/page-context';
import { renderDocument } from '../ui/render';

declare module 'fastify' {
  interface FastifyReply {
    page(node: VNode<any>, status?: number): Promise<FastifyReply>;
  }
}

export const THEME_COOKIE = 'theme';

function themeFrom(request: FastifyRequest): Theme | undefined {
  const value = request.cookies[THEME_COOKIE];
  return value === 'dark' || value === 'light' ? value : undefined;
}

export function registerPages(app: FastifyInstance, deps: { assets: AssetUrls; profiles: StoreProfileService }) {
  async function pageContext(request: FastifyRequest): Promise<PageContext> {
    return {
      locale: request.locale,
      t: request.t,
      theme: themeFrom(request),
      assets: deps.assets,
      profile: await deps.profiles.get(),
      path: request.url.split('?')[0] ?? '/',
    };
  }

  app.decorateReply('page', async function page(this: FastifyReply, node: VNode<any>, status = 200) {
    const html = renderDocument(node, await pageContext(this.request));
    // Pages vary by the language and theme cookies: never let a shared cache mix them up.
    return this.code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .header('vary', 'Cookie')
      .send(html);
  });
}
