/**
 * Couriers and rates (A7): the services checkout offers, their prices and order, and the shop's
 * free-shipping threshold. A change applies to new quotes only: checkout prices every page view
 * and every submission from the rows as they are, and refuses a submission whose quote changed,
 * so an open checkout sees its "changed" notice. A service that orders point at is never
 * deleted (orders keep their own copy of courier, service and price, but also link to it):
 * it is deactivated instead.
 */
import type { AuditActor } from '../audit/record';
import type { RunInTransaction } from '../../db/store-db';
import type { MessageKey } from '../../lib/i18n';
import { type ParcelItem, type ParcelWeight, parcelWeight, shippingCost } from '../checkout/model';
import type { ShopSettingsService } from '../shop-settings/service';
import { groupByCourier, inGroupedOrder, moveCourier, moveService } from './model';
import { isUniqueViolation, type ShippingRepository } from './repository';
import type { ShippingServiceForm } from './schema';
import type { CourierGroup, ShippingServiceFields, ShippingServiceListRow, ShippingServiceRow } from './types';

/** A refused input, naming its form field and the message to show there. */
export class ShippingRuleError extends Error {
  constructor(
    readonly field: 'code',
    readonly key: MessageKey,
  ) {
    super(key);
    this.name = 'ShippingRuleError';
  }
}

export type RemoveOutcome = 'deleted' | 'missing' | 'inUse';

export interface RatePreview extends ParcelWeight {
  cost: number;
}

function fieldsOf(form: ShippingServiceForm): ShippingServiceFields {
  const { isActive: _status, trackingUrlTemplate, ...rest } = form;
  return { ...rest, trackingUrlTemplate: trackingUrlTemplate === '' ? null : trackingUrlTemplate };
}

/** What a parcel of this weight (g) and size (cm) costs with this service, as checkout computes it. */
export function previewRate(
  service: Pick<ShippingServiceRow, 'basePrice' | 'pricePerKg' | 'volumeDivisor'>,
  parcel: Omit<ParcelItem, 'quantity'>,
): RatePreview {
  const weight = parcelWeight([{ ...parcel, quantity: 1 }], service.volumeDivisor);
  return { ...weight, cost: shippingCost(service, weight.billableKg) };
}

export function createShippingService(deps: {
  repo: ShippingRepository;
  settings: Pick<ShopSettingsService, 'get'>;
  /** Saves shop settings with their audit entry (the shop settings editor). */
  saveSettings: (values: { freeShippingFrom: number | null }, actor: AuditActor) => Promise<boolean>;
  transaction: RunInTransaction;
  /** Forgets cached pages after a change (app.ts: the shared public pages). */
  changed?: () => void;
}) {
  const { repo, transaction } = deps;
  const changed = () => deps.changed?.();

  /** Keeps the stored order equal to the grouped order the page shows (a new service joins its courier). */
  async function regroup() {
    await transaction(async (tx) => {
      await repo.lockAll(tx);
      const rows = await repo.listAll(tx);
      if (!inGroupedOrder(rows))
        await repo.reorder(
          tx,
          groupByCourier(rows).flatMap((g) => g.services.map((s) => s.id)),
        );
    });
  }

  async function reorderWith(plan: (groups: CourierGroup[]) => number[] | undefined): Promise<boolean> {
    const moved = await transaction(async (tx) => {
      await repo.lockAll(tx);
      const ids = plan(groupByCourier(await repo.listAll(tx)));
      if (!ids) return false;
      await repo.reorder(tx, ids);
      return true;
    });
    if (moved) changed();
    return moved;
  }

  async function save<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      // Two admins saving the same new code at once: the unique index refuses the second.
      if (isUniqueViolation(error)) throw new ShippingRuleError('code', 'adminShipping.error.codeTaken');
      throw error;
    }
  }

  return {
    /** The page: every service grouped by courier, and the free-shipping threshold. */
    async overview(): Promise<{ groups: CourierGroup[]; freeShippingFrom: number | null }> {
      const [rows, settings] = await Promise.all([repo.listAll(), deps.settings.get()]);
      return { groups: groupByCourier(rows), freeShippingFrom: settings.freeShippingFrom };
    },

    detail: (id: number): Promise<ShippingServiceListRow | undefined> => repo.find(id),

    /** Throws ShippingRuleError when the code is taken. */
    async create(form: ShippingServiceForm): Promise<number> {
      if (await repo.codeTaken(form.code)) throw new ShippingRuleError('code', 'adminShipping.error.codeTaken');
      const id = await save(() => repo.insert(fieldsOf(form), form.isActive));
      await regroup();
      changed();
      return id;
    },

    /**
     * Saves the form's fields but not the active flag (its own confirmed action): false when the
     * service no longer exists; throws ShippingRuleError when the code is taken.
     */
    async update(id: number, form: ShippingServiceForm): Promise<boolean> {
      if (await repo.codeTaken(form.code, id)) throw new ShippingRuleError('code', 'adminShipping.error.codeTaken');
      const saved = await save(() => repo.update(id, fieldsOf(form)));
      if (!saved) return false;
      await regroup();
      changed();
      return true;
    },

    /** Offered at checkout again, or no longer; false when missing. */
    async setActive(id: number, isActive: boolean): Promise<boolean> {
      const saved = await repo.setActive(id, isActive);
      if (saved) changed();
      return saved;
    },

    /** Deletes a service no order points at; one that orders use is refused (deactivate it instead). */
    async remove(id: number): Promise<RemoveOutcome> {
      if (await repo.deleteUnused(id)) {
        changed();
        return 'deleted';
      }
      return (await repo.find(id)) ? 'inUse' : 'missing';
    },

    /** Moves a service within its courier; false when it is already first/last (or gone). */
    move: (id: number, direction: 'up' | 'down') => reorderWith((groups) => moveService(groups, id, direction)),

    /** Moves a courier's whole group; false when it is already first/last (or gone). */
    moveCourier: (courier: string, direction: 'up' | 'down') => reorderWith((groups) => moveCourier(groups, courier, direction)),

    /** The free-shipping threshold in whole rupiah; null turns free shipping off. Audited like every shop setting. */
    async setFreeShippingFrom(amount: number | null, actor: AuditActor): Promise<void> {
      if (amount !== null && (!Number.isSafeInteger(amount) || amount < 0)) throw new RangeError(`Not a threshold: ${amount}`);
      if (await deps.saveSettings({ freeShippingFrom: amount }, actor)) changed();
    },
  };
}

export type ShippingAdminService = ReturnType<typeof createShippingService>;
