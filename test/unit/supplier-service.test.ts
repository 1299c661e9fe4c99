/** A5 rules with a fake repository: phone normalised, empty fields stored as nothing, paging. */
import { describe, expect, it } from 'vitest';
import type { SupplierRepository } from '../../src/store/suppliers/repository';
import { createSupplierService, SupplierRuleError, supplierFields } from '../../src/store/suppliers/service';
import type { SupplierFields } from '../../src/store/suppliers/types';

const blank = { name: 'PT Nada', contactPerson: '', phone: '', email: '', address: '', notes: '' };

describe('supplier rules', () => {
  it('stores the phone in one form and empty fields as nothing', () => {
    expect(supplierFields({ ...blank, phone: '0812-3456-7890', email: 'Sales@Nada.Example', contactPerson: 'Rudi' })).toEqual({
      name: 'PT Nada',
      contactPerson: 'Rudi',
      phone: '+6281234567890',
      email: 'sales@nada.example',
      address: null,
      notes: null,
    });
    expect(supplierFields(blank).phone).toBeNull();
  });

  it('refuses a phone number that is not Indonesian', () => {
    expect(() => supplierFields({ ...blank, phone: '12345' })).toThrow(SupplierRuleError);
    try {
      supplierFields({ ...blank, phone: '+1 555 0100' });
    } catch (error) {
      expect(error).toMatchObject({ field: 'phone', key: 'adminCatalog.supplier.error.phone' });
    }
  });

  it('pages the list and writes through the repository', async () => {
    const calls: unknown[][] = [];
    const repo = {
      list: async (...args: unknown[]) => {
        calls.push(args);
        return { rows: [], total: 41 };
      },
      insert: async (fields: SupplierFields) => {
        calls.push(['insert', fields.phone]);
        return 7;
      },
      setActive: async (id: number, active: boolean) => id === 7 && !active,
    } as unknown as SupplierRepository;
    const service = createSupplierService({ repo });
    expect((await service.list({ q: 'nada', status: 'active', page: 3 })).pageCount).toBe(3);
    expect(calls[0]).toEqual(['nada', 'active', 20, 40]);
    expect(await service.create({ ...blank, phone: '62 21 555 0100' })).toBe(7);
    expect(calls[1]).toEqual(['insert', '+62215550100']);
    expect(await service.setActive(7, false)).toBe(true);
  });
});
