/**
 * A readable rendering of the generated OpenAPI document, served by the store itself (no CDN, no
 * script): authentication, every operation with its parameters, body and answers, and the shared
 * schemas with their fields. Everything shown is read from the document.
 */
import { Layout } from '../ui/layout';
import { usePage } from '../ui/page-context';
import type { OpenApiDocument, OpenApiOperation } from './openapi';

type Json = Record<string, unknown>;

/** Prose from the document, with its `code spans` shown as code. */
function Prose({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}

const refName = (ref: unknown) => (typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : '');

/** A short type for a schema: `string`, `integer | null`, `CartLine[]`, `'read' | 'write'`. */
export function typeOf(schema: Json | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items as Json | undefined)}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (schema.type === 'object' && !schema.properties) return 'object';
  return typeof schema.type === 'string' ? schema.type : 'object';
}

interface Row {
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

function fields(schema: Json | undefined): Row[] {
  const properties = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, p]) => ({
    name,
    type: typeOf(p),
    required: required.has(name),
    description: typeof p.description === 'string' ? p.description : undefined,
  }));
}

function FieldTable({ rows }: { rows: Row[] }) {
  const { t } = usePage();
  return (
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
          {rows.map((r) => (
            <tr key={r.name}>
              <td>
                <code>{r.name}</code> {r.required && <span class="badge text-bg-secondary">{t('api.required')}</span>}
              </td>
              <td>
                <code>{r.type}</code>
              </td>
              <td>
                <Prose text={r.description ?? ''} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OperationSection({ method, path, op }: { method: string; path: string; op: OpenApiOperation }) {
  const { t } = usePage();
  const body = op.requestBody?.content['application/json'].schema;
  return (
    <section class="api-operation" id={op.operationId}>
      <h3 class="h2">
        <span class="badge api-method">{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p class="fw-semibold">{op.summary}</p>
      {op.description && (
        <p>
          <Prose text={op.description} />
        </p>
      )}
      <p class="small">{op.security ? t('api.signedIn', { scope: op['x-scope'] ?? 'read' }) : t('api.public')}</p>
      {op.parameters && op.parameters.length > 0 && (
        <>
          <h4 class="h3">{t('api.parameters')}</h4>
          <FieldTable
            rows={op.parameters.map((p) => ({
              name: `${p.name} (${p.in})`,
              type: typeOf(p.schema),
              required: p.required,
              description: p.description,
            }))}
          />
        </>
      )}
      {body && (
        <>
          <h4 class="h3">{t('api.body')}</h4>
          <FieldTable rows={fields(body)} />
        </>
      )}
      <h4 class="h3">{t('api.responses')}</h4>
      <ul>
        {Object.entries(op.responses).map(([status, response]) => {
          const schema = response.content?.['application/json'].schema;
          return (
            <li key={status}>
              <code>{status}</code> — <Prose text={response.description} />
              {status.startsWith('2') && schema && <FieldTable rows={fields(schema)} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ApiDocsPage({ doc }: { doc: OpenApiDocument }) {
  const { t } = usePage();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
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
        <p>
          <Prose text={doc.info.description} />
        </p>
        <h2>{t('api.auth')}</h2>
        <ul>
          {Object.entries(doc.components.securitySchemes).map(([name, scheme]) => (
            <li key={name}>
              <code>{name}</code>: <Prose text={String(scheme.description ?? '')} />
            </li>
          ))}
        </ul>
        <p>
          <a href="/akun/token-api">{t('api.tokens')}</a>
        </p>
        {doc.tags.map((tag) => (
          <div key={tag.name}>
            <h2 class="mt-4">{tag.description}</h2>
            {operations
              .filter(({ op }) => op.tags.includes(tag.name))
              .map(({ path, method, op }) => (
                <OperationSection key={`${method} ${path}`} method={method} path={path} op={op} />
              ))}
          </div>
        ))}
        <h2 class="mt-4">{t('api.schemas')}</h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <section class="api-operation" id={`schema-${name}`} key={name}>
            <h3 class="h2">
              <code>{name}</code>
            </h3>
            {typeof schema.description === 'string' && (
              <p>
                <Prose text={schema.description} />
              </p>
            )}
            <FieldTable rows={fields(schema)} />
          </section>
        ))}
      </div>
    </Layout>
  );
}
