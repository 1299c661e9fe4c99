/**
 * The enrolment QR code, drawn on the server as inline SVG (no image service, nothing for the CSP
 * to allow). The SVG comes from bwip-js and carries only path data for our own otpauth:// URI.
 */
import bwipjs from 'bwip-js/node';

export function qrSvg(text: string): string {
  return bwipjs.toSVG({ bcid: 'qrcode', text, eclevel: 'M' } as Parameters<typeof bwipjs.toSVG>[0]);
}

/** The base32 secret in groups of four, easier to type by hand into an authenticator app. */
export const groupedSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');
