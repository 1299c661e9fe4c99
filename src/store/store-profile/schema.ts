/**
 * The store profile form (A9) read from flat form fields, the way a browser without JavaScript
 * sends them: `hours[1][open]`, `holidays[0][date]` … Each problem is one message key under its
 * field's name (a weekday's hours under `hours[d]`), so the page shows it beside that field.
 */
import { z } from 'zod';
import { dayHoursProblem } from '../../lib/opening-hours';
import { normalizePhone } from '../../lib/phone';
import type { FieldErrors, FormResult, FormValues } from '../ui/form';
import { formValues } from '../ui/form';
import type { Holiday, OpeningPeriod, SocialLinks } from './types';

/** Holiday rows the form carries (filled ones plus blank ones to add); the multipart reader needs the names up front. */
export const MAX_HOLIDAY_ROWS = 30;
export const SOCIAL_NETWORKS = ['instagram', 'facebook', 'youtube', 'tiktok'] as const;
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

const TEXT_FIELDS = ['name', 'tagline', 'street', 'city', 'province', 'postalCode', 'phone', 'whatsapp', 'email', 'website', 'mapsUrl'];

/** Every text field the form may send (for the multipart reader, which keeps only named fields). */
export const PROFILE_FORM_FIELDS: readonly string[] = [
  ...TEXT_FIELDS,
  ...SOCIAL_NETWORKS,
  'removeLogo',
  ...WEEKDAYS.flatMap((d) => [`hours[${d}][open]`, `hours[${d}][close]`, `hours[${d}][closed]`]),
  ...Array.from({ length: MAX_HOLIDAY_ROWS }, (_, i) => [`holidays[${i}][date]`, `holidays[${i}][label]`, `holidays[${i}][remove]`]).flat(),
];

export interface ProfileInput {
  name: string;
  tagline: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  /** As the admin wrote it (shown as is), once it reads as an Indonesian number. */
  phone: string;
  /** Digits with the country code, as wa.me links want them ("6282115558035"). */
  whatsapp: string;
  email: string;
  website: string | null;
  mapsUrl: string | null;
  social: SocialLinks;
  openingHours: OpeningPeriod[];
  holidays: Holiday[];
  removeLogo: boolean;
}

const E = 'settings.profile.error';
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Only web addresses a customer may safely follow: http(s), with a host. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function parseProfileForm(body: unknown): FormResult<ProfileInput> {
  const values: FormValues = formValues(body);
  const v = (name: string) => (values[name] ?? '').trim();
  const errors: FieldErrors = {};

  const required = (name: string, max: number) => {
    const value = v(name);
    if (value === '' || value.length > max) errors[name] = `${E}.${name}`;
    return value;
  };
  const optionalUrl = (name: string, max: number, key = `${E}.url`) => {
    const value = v(name);
    if (value === '') return null;
    if (value.length > max || !isWebUrl(value)) errors[name] = key;
    return value;
  };

  const name = required('name', 120);
  const tagline = v('tagline');
  if (tagline.length > 200) errors.tagline = `${E}.tagline`;
  const street = required('street', 300);
  const city = required('city', 100);
  const province = required('province', 100);
  const postalCode = v('postalCode');
  if (!/^\d{5}$/.test(postalCode)) errors.postalCode = `${E}.postalCode`;
  const phone = v('phone');
  if (phone.length > 20 || !normalizePhone(phone)) errors.phone = `${E}.phone`;
  const whatsappNumber = normalizePhone(v('whatsapp'));
  if (!whatsappNumber) errors.whatsapp = `${E}.whatsapp`;
  const email = v('email');
  if (email.length > 254 || !z.email().safeParse(email).success) errors.email = `${E}.email`;
  const website = optionalUrl('website', 200);
  const mapsUrl = optionalUrl('mapsUrl', 1000);
  const social: SocialLinks = {};
  for (const network of SOCIAL_NETWORKS) {
    const url = optionalUrl(network, 200);
    if (url) social[network] = url;
  }

  const openingHours: OpeningPeriod[] = [];
  for (const day of WEEKDAYS) {
    if (values[`hours[${day}][closed]`]) continue;
    const open = v(`hours[${day}][open]`);
    const close = v(`hours[${day}][close]`);
    if (!HH_MM.test(open) || !HH_MM.test(close)) errors[`hours[${day}]`] = `${E}.hoursTime`;
    else if (dayHoursProblem(open, close)) errors[`hours[${day}]`] = `${E}.hoursOrder`;
    else openingHours.push({ day, open, close });
  }

  const holidays: Holiday[] = [];
  for (let i = 0; i < MAX_HOLIDAY_ROWS; i++) {
    const date = v(`holidays[${i}][date]`);
    const label = v(`holidays[${i}][label]`);
    if (values[`holidays[${i}][remove]`] || (date === '' && label === '')) continue;
    if (!isCalendarDate(date)) errors[`holidays[${i}][date]`] = `${E}.holidayDate`;
    else if (holidays.some((h) => h.date === date)) errors[`holidays[${i}][date]`] = `${E}.holidayDuplicate`;
    if (label === '' || label.length > 80) errors[`holidays[${i}][label]`] = `${E}.holidayLabel`;
    holidays.push({ date, label });
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));

  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    data: {
      name,
      tagline,
      street,
      city,
      province,
      postalCode,
      phone,
      whatsapp: whatsappNumber!.slice(1),
      email,
      website,
      mapsUrl,
      social,
      openingHours,
      holidays,
      removeLogo: (values.removeLogo ?? '') !== '',
    },
  };
}
