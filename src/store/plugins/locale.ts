/**
 * The visitor's language: `?lang=en|id` switches and is remembered in a cookie; Indonesian is
 * the default. Later the accounts area also stores it on the user.
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_LOCALE, isLocale, type Locale, type Translate, translator } from '../../lib/i18n';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
  }
}

export const LOCALE_COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export function registerLocale(app: FastifyInstance, opts: { secureCookies: boolean }) {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('t', null as unknown as Translate);
  // A plain (not async) hook: it never waits for anything.
  app.addHook('onRequest', (request, reply, done) => {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    let locale: Locale = DEFAULT_LOCALE;
    if (isLocale(asked)) {
      locale = asked;
      reply.setCookie(LOCALE_COOKIE, asked, {
        path: '/',
        maxAge: ONE_YEAR_SECONDS,
        sameSite: 'lax',
        httpOnly: true,
        secure: opts.secureCookies,
      });
    } else if (isLocale(request.cookies[LOCALE_COOKIE])) {
      locale = request.cookies[LOCALE_COOKIE] as Locale;
    }
    request.locale = locale;
    request.t = translator(locale);
    done();
  });
}
