/**
 * Checkout's pure pricing rules as other areas may use them: the back office's rate preview
 * prices a parcel exactly as checkout will (shipping.ts stays checkout's own module).
 */
export { type ParcelItem, type ParcelWeight, parcelWeight, type ShippingRate, shippingCharge, shippingCost } from './shipping';
