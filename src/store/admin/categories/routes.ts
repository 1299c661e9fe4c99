/**
 * A3 Categories (admin only): `/admin/kategori` lists the tree; `/baru` and `/:id` are the forms;
 * `/:id/hapus` deletes after the confirmation on the edit page; `/:id/gambar` is the category's
 * picture (image-routes.ts). The rules (slug, cycles, in use)
 * are the catalog's category service's; a refused input re-renders the form with a 400.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { categoryFormSchema } from '../../catalog/schema';
import { type CategoryImageService, CategoryRuleError, type CategoryService } from '../../catalog/service';
import type { MessageKey } from '../../../lib/i18n';
import { type FormValues, formValues, parseForm } from '../../ui/form';
import type { FormState } from '../../ui/form-fields';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { AdminNotFoundPage } from '../views/not-found-page';
import { registerCategoryImageRoutes } from './image-routes';
import { CATEGORIES_PATH, CategoryFormPage, CategoryListPage, categoryValues } from './pages';

const ADMIN_ONLY = { config: { role: 'admin' as const } };
const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
type IdParams = { Params: { id: string } };

const NEW_VALUES: FormValues = { name: '', slug: '', parentId: '', description: '', icon: 'music', position: '0', isActive: 'on' };

export function registerAdminCategoryRoutes(
  admin: FastifyInstance,
  deps: { categories: CategoryService; categoryImages?: CategoryImageService },
) {
  const { categories } = deps;
  const notFound = (reply: FastifyReply) => adminPage(reply, h(AdminNotFoundPage, {}), 404);

  async function showForm(reply: FastifyReply, id: number | undefined, form: FormState, status = 200, imageError?: MessageKey) {
    const data = await categories.formData(id);
    if (id !== undefined && !data.category) return notFound(reply);
    const values = form.values ?? (data.category ? categoryValues(data.category) : NEW_VALUES);
    const withImage = deps.categoryImages !== undefined;
    return adminPage(reply, h(CategoryFormPage, { ...data, form: { ...form, values }, withImage, imageError }), status);
  }

  if (deps.categoryImages) {
    registerCategoryImageRoutes(admin, {
      images: deps.categoryImages,
      notFound,
      refused: (reply, id, error, status = 400) => showForm(reply, id, {}, status, error),
    });
  }

  /**
   * Creates or saves and returns the name; when refused, answers the form again (400) with one
   * message per field (or a 404 for a missing category) and returns undefined.
   */
  async function save(request: { body: unknown }, reply: FastifyReply, id: number | undefined): Promise<string | undefined> {
    const parsed = parseForm(categoryFormSchema, request.body);
    if (!parsed.ok) {
      await showForm(reply, id, { ...parsed, alert: { kind: 'danger', key: 'adminCatalog.category.formError' } }, 400);
      return undefined;
    }
    try {
      if (id === undefined) await categories.create(parsed.data);
      else if (!(await categories.update(id, parsed.data))) {
        await adminPage(reply, h(AdminNotFoundPage, {}), 404);
        return undefined;
      }
    } catch (error) {
      if (!(error instanceof CategoryRuleError)) throw error;
      const form: FormState = {
        values: formValues(request.body),
        errors: { [error.field]: error.key },
        alert: { kind: 'danger', key: 'adminCatalog.category.formError' },
      };
      await showForm(reply, id, form, 400);
      return undefined;
    }
    return parsed.data.name.slice(0, 100);
  }

  admin.get('/kategori', ADMIN_ONLY, async (_request, reply) => adminPage(reply, h(CategoryListPage, { roots: await categories.tree() })));

  admin.get('/kategori/baru', ADMIN_ONLY, (_request, reply) => showForm(reply, undefined, {}));

  admin.post('/kategori', ADMIN_ONLY, async (request, reply) => {
    const name = await save(request, reply, undefined);
    if (name === undefined) return reply;
    setFlash(request, reply, { kind: 'success', key: 'adminCatalog.category.created', params: { name } });
    return reply.redirect(CATEGORIES_PATH, 303);
  });

  admin.get<IdParams>('/kategori/:id', ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return adminPage(reply, h(AdminNotFoundPage, {}), 404);
    return showForm(reply, params.data.id, {});
  });

  admin.post<IdParams>('/kategori/:id', ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return adminPage(reply, h(AdminNotFoundPage, {}), 404);
    const name = await save(request, reply, params.data.id);
    if (name === undefined) return reply;
    setFlash(request, reply, { kind: 'success', key: 'adminCatalog.category.saved', params: { name } });
    return reply.redirect(CATEGORIES_PATH, 303);
  });

  admin.post<IdParams>('/kategori/:id/hapus', ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return adminPage(reply, h(AdminNotFoundPage, {}), 404);
    try {
      if (!(await categories.remove(params.data.id))) return adminPage(reply, h(AdminNotFoundPage, {}), 404);
    } catch (error) {
      if (!(error instanceof CategoryRuleError)) throw error;
      return showForm(reply, params.data.id, { alert: { kind: 'danger', key: error.key } }, 409);
    }
    setFlash(request, reply, { kind: 'success', key: 'adminCatalog.category.deleted' });
    return reply.redirect(CATEGORIES_PATH, 303);
  });
}
