/**
 * `adminPage(reply, <Page/>)`: every admin page is sent through here, so the layout gets the
 * flash message left by the previous request (and the message is shown once).
 */
import type { FastifyReply } from 'fastify';
import { h, type VNode } from 'preact';
import { FlashCtx, takeFlash } from './flash';

// biome-ignore lint/suspicious/noExplicitAny: any page component, whatever its props (as reply.page takes).
export function adminPage(reply: FastifyReply, node: VNode<any>, status = 200) {
  const flash = takeFlash(reply.request, reply);
  return reply.page(h(FlashCtx.Provider, { value: flash }, node), status);
}
