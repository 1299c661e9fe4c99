/**
 * `adminPage(reply, <Page/>)`: every admin page is sent through here, so the layout gets the
 * flash message left by the previous request (and the message is shown once).
 */
import type { FastifyReply } from 'fastify';
import { h } from 'preact';
import type { AnyPage } from '../ui/render';
import { FlashCtx, takeFlash } from './flash';

export function adminPage(reply: FastifyReply, node: AnyPage, status = 200) {
  const flash = takeFlash(reply.request, reply);
  return reply.page(h(FlashCtx.Provider, { value: flash }, node), status);
}
