/**
 * The dependency rules of the tree, checked by `npm run lint` (CI). Foundations (lib, db, ui,
 * plugins) sit below the business areas; an area reaches another only through its service, its
 * types or its views; the chat service and the store share only the chat contract.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const AREA = '^src/store/(?!ui/|plugins/)([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Modules import each other in a cycle: move what both need into one of them or below both.',
      severity: 'error',
      from: { path: '^(src|web)/' },
      to: { circular: true },
    },
    {
      name: 'no-area-cycle',
      comment: 'Business areas import each other in a cycle (checked folder by folder).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/store/' },
      to: { circular: true },
    },
    {
      name: 'foundations-import-no-area',
      comment: 'lib, db, ui and plugins are below the business areas and import none of them.',
      severity: 'error',
      from: { path: '^src/(lib|db|store/ui|store/plugins)/' },
      to: { path: AREA },
    },
    {
      name: 'area-through-service-or-types',
      comment:
        "An area uses another area's service, types, model, input schema or views, never its repository, routes or internals.",
      severity: 'error',
      from: { path: AREA },
      to: {
        path: AREA,
        pathNot: [
          '^src/store/$1/',
          '^src/store/[^/]+/(service|types|model|schema|state-machine)\\.ts$',
          '^src/store/[^/]+/views/',
          // Every area writes its audit entries in its own transaction (A11).
          '^src/store/audit/(record|actions)\\.ts$',
        ],
      },
    },
    {
      name: 'chat-never-imports-store',
      severity: 'error',
      from: { path: '^src/chat/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'store-reaches-chat-through-contract',
      severity: 'error',
      from: { path: '^(src/store|web)/' },
      to: { path: '^src/chat/', pathNot: '^src/chat/contract\\.ts$' },
    },
    {
      name: 'drizzle-only-in-repositories',
      comment: 'Queries live in repositories (and src/db): everything else calls them.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['repository\\.ts$', '^src/db/', '^src/chat/db/'] },
      to: { path: '^node_modules/drizzle-orm/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^src/', '^web/', '^node_modules/drizzle-orm/'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
