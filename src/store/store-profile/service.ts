/**
 * The store profile appears on every page (footer), so it is read through a short-lived cache;
 * a few seconds of staleness after an edit is fine, and instances stay independent.
 */
import { ttlCache } from '../../lib/cache';
import type { StoreProfile } from './types';
import type { MessageKey } from '../../lib/i18n';
import { type AuditActor, changedFields, recordAudit } from '../audit/record';
import type { RunInTransaction } from '../../db/store-db';
import { InvalidImageError } from '../media/service';
import type { StoreProfileRepository } from './repository';
import type { ProfileInput } from './schema';
import type { StoreProfileValues } from './types';

const CACHE_TTL_MS = 10_000;

export interface StoreProfileService {
  get(): Promise<StoreProfile>;
  invalidate(): void;
}

export function createStoreProfileService(deps: {
  profiles: { find(): Promise<StoreProfile | undefined> };
  clock?: () => number;
}): StoreProfileService {
  const cache = ttlCache(
    async () => {
      const value = await deps.profiles.find();
      if (!value) throw new Error('Store profile missing: start-up should have created it');
      return value;
    },
    CACHE_TTL_MS,
    deps.clock,
  );
  return { get: () => cache.get(), invalidate: () => cache.invalidate() };
}

/**
 * Editing the store profile (A9, admin only). One save is one transaction: the row and its audit
 * entry (`settings.profile`, only the changed fields) commit together. Afterwards this instance's
 * profile cache and its cached public pages are forgotten, so the footer, the store page,
 * invoices, labels and emails use the new values on the next request; other instances catch up
 * within the cache's 10 s.
 *
 * The logo goes through the one image intake (decoded, re-encoded, metadata stripped) before the
 * transaction; a file that is not an image is a field error and nothing is written.
 */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

export interface StoreProfileEditorDeps {
  repo: Pick<StoreProfileRepository, 'findForUpdate' | 'update'>;
  transaction: RunInTransaction;
  media: { store(data: Buffer): Promise<{ storageKey: string }>; remove(storageKey: string): Promise<void> };
  /** Forget what caches the profile (the profile service's cache, the shared public pages). */
  changed: () => void;
}

export type ProfileSaveResult = { ok: true; changed: boolean } | { ok: false; field: 'logo'; message: MessageKey };

function logoRefusal(error: InvalidImageError): MessageKey {
  if (error.reason === 'too_many_pixels') return 'settings.profile.error.logoPixels';
  if (error.reason === 'too_large') return 'settings.profile.error.logoTooLarge';
  return 'settings.profile.error.logo';
}

export function createStoreProfileEditor(deps: StoreProfileEditorDeps) {
  return {
    async save(input: ProfileInput, logo: Buffer | undefined, actor: AuditActor): Promise<ProfileSaveResult> {
      let newLogo: string | undefined;
      if (logo) {
        try {
          newLogo = (await deps.media.store(logo)).storageKey;
        } catch (error) {
          if (error instanceof InvalidImageError) return { ok: false, field: 'logo', message: logoRefusal(error) };
          throw error;
        }
      }
      let outcome: { changed: boolean; oldLogo: string | null };
      try {
        outcome = await deps.transaction(async (tx) => {
          const before = await deps.repo.findForUpdate(tx);
          if (!before) throw new Error('Store profile missing: start-up should have created it');
          const { removeLogo, ...fields } = input;
          const logoKey = newLogo ?? (removeLogo ? null : before.logoKey);
          const after: StoreProfileValues = { ...fields, logoKey };
          const diff = changedFields(before, after);
          if (!diff) return { changed: false, oldLogo: null };
          await deps.repo.update(tx, after);
          await recordAudit(tx, actor, {
            action: 'settings.profile',
            subject: { type: 'store_profile', id: 1, label: after.name },
            before: diff.before,
            after: diff.after,
          });
          return { changed: true, oldLogo: before.logoKey !== logoKey ? before.logoKey : null };
        });
      } catch (error) {
        if (newLogo) await deps.media.remove(newLogo);
        throw error;
      }
      if (outcome.changed) deps.changed();
      if (outcome.oldLogo) await deps.media.remove(outcome.oldLogo);
      return { ok: true, changed: outcome.changed };
    },
  };
}

export type StoreProfileEditor = ReturnType<typeof createStoreProfileEditor>;
