/** Couriers and their services (A7) as the back office manages them. */

/** A courier's service as stored (orders keep their own copy of what they were quoted). */
export interface ShippingServiceRow {
  id: number;
  code: string;
  courier: string;
  name: string;
  /** Whole rupiah for the first kilogram. */
  basePrice: number;
  /** Whole rupiah for every further kilogram. */
  pricePerKg: number;
  volumeDivisor: number;
  minDays: number;
  maxDays: number;
  trackingUrlTemplate: string | null;
  isActive: boolean;
  position: number;
}

/** A service in the back office's list, with how many orders point at it (deletable only at 0). */
export interface ShippingServiceListRow extends ShippingServiceRow {
  orderCount: number;
}

/** What the service form writes (the active flag has its own confirmed action once a service exists). */
export type ShippingServiceFields = Omit<ShippingServiceRow, 'id' | 'position' | 'isActive'>;

/** The services of one courier, in their order. */
export interface CourierGroup {
  courier: string;
  services: ShippingServiceListRow[];
}
