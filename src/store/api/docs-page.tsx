import { Layout } from '../ui/layout';
import { usePage } from '../ui/page-context';
import type { OpenApiDocument } from './openapi';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: { type?: string | string[]; enum?: readonly string[]; items?: { type: string } };
}

interface Operation {
  summary: string;
  description?: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string }>;
}

function typeOf(schema: Parameter['schema']): string {
  if (schema.enum) return schema.enum.join(' | ');
  if (schema.type === 'array') return `${schema.items?.type ?? 'string'}[]`;
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'string');
}

/** A readable rendering of the OpenAPI document, served by the store itself. */
export function ApiDocsPage({ doc }: { doc: OpenApiDocument }) {
  const { t } = usePage();
  const paths = Object.entries(doc.paths) as [string, { get: Operation }][];
  return (
    <Layout title={t('api.title')} description={doc.info.description}>
      <div class="container api-docs">
        <h1 class="catalog-title">{t('api.title')}</h1>
        <p class="lead">
          {t('api.lead')}{' '}
          <a href="/api/openapi.json" download>
            {t('api.download')}
          </a>
        </p>
        {paths.map(([path, { get }]) => (
          <section class="api-operation" key={path} id={path.replace(/[^a-z0-9]+/gi, '-')}>
            <h2>
              <span class="badge api-method">GET</span> <code>{path}</code>
            </h2>
            <p class="fw-semibold">{get.summary}</p>
            {get.description && <p>{get.description}</p>}
            {get.parameters && get.parameters.length > 0 && (
              <>
                <h3>{t('api.parameters')}</h3>
                <div class="table-responsive">
                  <table class="table table-sm">
                    <thead>
                      <tr>
                        <th scope="col">{t('api.name')}</th>
                        <th scope="col">{t('api.type')}</th>
                        <th scope="col">{t('api.description')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {get.parameters.map((p) => (
                        <tr key={p.name}>
                          <td>
                            <code>{p.name}</code> {p.required && <span class="badge text-bg-secondary">{t('api.required')}</span>}
                          </td>
                          <td>
                            <code>{typeOf(p.schema)}</code>
                          </td>
                          <td>{p.description ?? ''}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
            <h3>{t('api.responses')}</h3>
            <ul>
              {Object.entries(get.responses).map(([status, response]) => (
                <li key={status}>
                  <code>{status}</code> — {response.description}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}
