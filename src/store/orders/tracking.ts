/** The courier's tracking page for a tracking number, from the service's `{awb}` template. */
export function trackingUrl(template: string | null, trackingNumber: string | null): string | undefined {
  if (!template || !trackingNumber || !template.includes('{awb}')) return undefined;
  return template.replace('{awb}', encodeURIComponent(trackingNumber));
}
