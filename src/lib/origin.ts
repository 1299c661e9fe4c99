/** Whether a browser request comes from the shop's own pages (shared by the chat service and the store's chat proxy). */
import type { IncomingMessage } from 'node:http';

/**
 * Socket.IO `allowRequest`: a browser page on another site must not open a socket with a token
 * it stole or was handed. The store's public URL and the request's own host count as ours;
 * `X-Forwarded-Host` only when a trusted proxy is in front (TRUST_PROXY): otherwise anyone
 * reaching the service directly could name whatever host their Origin says.
 */
export function originAllowed(request: IncomingMessage, publicUrl: string, options: { trustForwardedHost?: boolean } = {}): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (origin === publicUrl) return true;
  try {
    const host = new URL(origin).host;
    if (host === request.headers.host) return true;
    const forwarded = request.headers['x-forwarded-host'];
    return options.trustForwardedHost === true && typeof forwarded === 'string' && host === forwarded.split(',')[0]!.trim();
  } catch {
    return false;
  }
}
