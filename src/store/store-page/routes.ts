/** The store page (`/toko`): where the shop is, how to reach it, and whether it is open now. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { StoreProfileService } from '../store-profile/service';
import { storeHours } from './service';
import { StorePage } from './views/store-page';

export function registerStorePageRoutes(
  app: FastifyInstance,
  deps: { profiles: StoreProfileService; publicUrl: string; clock?: () => Date },
) {
  const now = deps.clock ?? (() => new Date());
  app.get('/toko', async (_request, reply) => {
    const profile = await deps.profiles.get();
    return reply.page(h(StorePage, { hours: storeHours(profile.openingHours, now(), profile.holidays), publicUrl: deps.publicUrl }));
  });
}
