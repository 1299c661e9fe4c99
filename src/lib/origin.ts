/** Whether a browser request comes from the shop's own pages (shared by the chat service and the store's chat proxy). */
import type { IncomingMessage } from 'node:http';

/**
 * Socket.IO `allowRequest`: a browser page on another site must not open a socket with a token
 * it stole or was handed. The store's public URL and the request's own host count as ours.
 */
export function originAllowed(request: IncomingMessage, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (origin === publicUrl) return true;
  try {
    const host = new URL(origin).host;
    const forwarded = request.headers['x-forwarded-host'];
    return host === request.headers.host || (typeof forwarded === 'string' && host === forwarded.split(',')[0]!.trim());
  } catch {
    return false;
  }
}
