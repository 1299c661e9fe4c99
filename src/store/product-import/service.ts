/**
 * Catalogue import and export. `preview` reads a sheet and plans it without writing anything;
 * `apply` plans the same sheet again inside one transaction (the catalogue may have changed since
 * the preview) and writes every row or none: products through the repository, their stock through
 * the stock area (one movement per change). `exportXlsx` writes the catalogue with the same columns
 * the import reads, so a shop can download, edit and upload.
 */
import ExcelJS from 'exceljs';
import type { RunInTransaction, StoreExecutor } from '../../db/store-db';
import type { StockService } from '../stock/service';
import { COLUMNS } from './schema';
import { type Lookups, lookupKeys, planImport } from './plan';
import type { ProductImportRepository } from './repository';
import { readSheet, type Sheet, SheetError } from './sheet';
import type { ImportIssue, ImportPlan } from './types';

export type PreviewResult = { ok: true; sheet: Sheet; plan: ImportPlan } | { ok: false; issue: ImportIssue };

export type ApplyResult = { ok: true; plan: ImportPlan } | { ok: false; plan: ImportPlan };

const SHEET_ERROR: Record<SheetError['reason'], ImportIssue['message']> = {
  unreadable: 'import.error.file',
  empty: 'import.error.empty',
  too_many_rows: 'import.error.tooManyRows',
};

export function createProductImportService(deps: {
  /** Reads outside a transaction (the preview). */
  db: StoreExecutor;
  repo: ProductImportRepository;
  stock: StockService;
  transaction: RunInTransaction;
  /** Clears the storefront's caches after products changed. */
  catalogChanged: () => void;
}) {
  const { repo } = deps;

  return {
    async preview(input: Buffer): Promise<PreviewResult> {
      let sheet: Sheet;
      try {
        sheet = await readSheet(input);
      } catch (error) {
        if (!(error instanceof SheetError)) throw error;
        return { ok: false, issue: { row: 1, column: null, message: SHEET_ERROR[error.reason] } };
      }
      return { ok: true, sheet, plan: planImport(sheet, await lookupsIn(deps.db, sheet)).plan };
    },

    async apply(sheet: Sheet, actor: { userId: number; note: string }): Promise<ApplyResult> {
      const result = await deps.transaction(async (tx) => {
        const found = await lookupsIn(tx, sheet);
        const planned = planImport(sheet, found);
        if (planned.plan.issues.length > 0) return { ok: false as const, plan: planned.plan };
        const ids = await repo.insertProducts(
          tx,
          planned.creates.map((c) => c.write),
        );
        for (const create of planned.creates) {
          if (create.stock === 0) continue;
          const id = ids.get(create.write.sku.toUpperCase())!;
          await deps.stock.adjustIn(tx, id, create.stock, 'adjustment', actor);
        }
        for (const update of planned.updates) {
          if (Object.keys(update.write).length > 0) await repo.updateProduct(tx, update.id, update.write);
          if (update.stock === undefined) continue;
          // Set under the row lock: orders may have taken units since the preview.
          const set = await deps.stock.setIn(tx, update.id, update.stock, 'adjustment', actor);
          if (!set.ok) throw new Error(`stock of product ${update.id} could not be set: ${set.reason}`);
        }
        return { ok: true as const, plan: planned.plan };
      });
      if (result.ok) deps.catalogChanged();
      return result;
    },

    async exportXlsx(): Promise<Buffer> {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('produk');
      sheet.columns = COLUMNS.map((key) => ({ header: key, key, width: key === 'description' ? 60 : key === 'name' ? 40 : 16 }));
      for (const p of await repo.allProducts()) {
        sheet.addRow({ ...p, featured: p.featured ? 'ya' : 'tidak', active: p.active ? 'ya' : 'tidak' });
      }
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };

  /** What the database knows about the sheet's SKUs, categories, suppliers and slugs (one query after another). */
  async function lookupsIn(tx: StoreExecutor, sheet: Sheet): Promise<Lookups> {
    const keys = lookupKeys(sheet);
    const existing = await repo.productsBySku(keys.skus, tx);
    const categories = await repo.categoryIdsBySlug(tx);
    const suppliers = await repo.supplierIdsByName(tx);
    const slugOwners = await repo.slugOwners(keys.slugs, tx);
    return { existing: new Map(existing.map((p) => [p.sku.toUpperCase(), p])), categories, suppliers, slugOwners };
  }
}

export type ProductImportService = ReturnType<typeof createProductImportService>;
