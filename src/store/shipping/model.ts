/**
 * The couriers page's ordering rules, with no I/O. Checkout lists services by `position`; the
 * back office shows them grouped by courier. So the stored order is always the grouped order
 * (couriers in the order of their first service, each courier's services together), and moving
 * a service moves it within its courier, moving a courier moves its whole group.
 */
import { groupedBy } from '../../lib/grouped-by';
import type { CourierGroup, ShippingServiceListRow } from './types';

export function groupByCourier(rows: readonly ShippingServiceListRow[]): CourierGroup[] {
  return [...groupedBy(rows, (row) => row.courier)].map(([courier, services]) => ({ courier, services }));
}

const idsOf = (groups: readonly CourierGroup[]) => groups.flatMap((g) => g.services.map((s) => s.id));

function swap<T>(list: readonly T[], at: number, direction: 'up' | 'down'): T[] | undefined {
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= list.length) return undefined;
  const next = [...list];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}

/** The ids in their new order after moving one service within its courier; undefined when it cannot move. */
export function moveService(groups: readonly CourierGroup[], id: number, direction: 'up' | 'down'): number[] | undefined {
  const g = groups.findIndex((group) => group.services.some((s) => s.id === id));
  if (g < 0) return undefined;
  const group = groups[g]!;
  const services = swap(
    group.services,
    group.services.findIndex((s) => s.id === id),
    direction,
  );
  if (!services) return undefined;
  return idsOf(groups.map((other, i) => (i === g ? { ...group, services } : other)));
}

/** The ids in their new order after moving a courier's whole group; undefined when it cannot move. */
export function moveCourier(groups: readonly CourierGroup[], courier: string, direction: 'up' | 'down'): number[] | undefined {
  const moved = swap(
    groups,
    groups.findIndex((g) => g.courier === courier),
    direction,
  );
  return moved ? idsOf(moved) : undefined;
}

/** Whether the stored positions already follow the grouped order (no rewrite needed on display). */
export function inGroupedOrder(rows: readonly ShippingServiceListRow[]): boolean {
  const grouped = idsOf(groupByCourier(rows));
  return rows.every((row, i) => row.id === grouped[i]);
}
