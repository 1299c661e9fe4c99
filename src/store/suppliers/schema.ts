/** The back office's supplier form and list filters (A5); each message is a catalog key shown under its field. */
import { z } from 'zod';

const optional = (max: number, key: string) => z.string().trim().max(max, key).default('');

export const supplierFormSchema = z.object({
  name: z.string().trim().min(1, 'adminCatalog.supplier.error.name').max(150, 'adminCatalog.supplier.error.name'),
  contactPerson: optional(120, 'adminCatalog.supplier.error.contactPerson'),
  phone: optional(30, 'adminCatalog.supplier.error.phone'),
  email: z
    .string()
    .trim()
    .max(254, 'adminCatalog.supplier.error.email')
    .refine((v) => v === '' || z.email().safeParse(v).success, 'adminCatalog.supplier.error.email')
    .default(''),
  address: optional(500, 'adminCatalog.supplier.error.address'),
  notes: optional(2000, 'adminCatalog.supplier.error.notes'),
});

const STATUSES = ['all', 'active', 'inactive'] as const;

/** The list's URL state (`?q=&status=&page=`): lenient, a bad value falls back to the default. */
export const supplierListSchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  status: z.enum(STATUSES).catch('all').default('all'),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
