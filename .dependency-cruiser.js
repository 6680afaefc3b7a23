/**
 * The module boundaries of ../shared/STYLE.md, checked on every `npm test`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-app',
      comment: 'Deployable apps never import each other: what both need lives in libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-are-plain',
      comment: 'libs/contracts is the message schema: class-validator and class-transformer only, no Nest, TypeORM, NATS or other libs.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: ['^libs/(?!contracts/)', '^apps/', 'node_modules/(@nestjs|typeorm|nats|pg)/'] },
    },
    {
      name: 'domain-rules-are-pure',
      comment: 'Domain rules (*.rules.ts, domain/ folders) import no framework, ORM or messaging code.',
      severity: 'error',
      from: { path: ['\\.rules\\.ts$', '/domain/'] },
      to: { path: ['node_modules/(@nestjs|typeorm|nats|pg)/', '\\.(entity|module|controller|use-case)\\.ts$'] },
    },
    {
      name: 'features-meet-at-their-index',
      comment: "A feature folder imports another feature only through that feature's index.ts.",
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/([^/]+)/', pathNot: '^apps/[^/]+/src/database/' },
      to: {
        path: '^apps/$1/src/[^/]+/',
        pathNot: ['^apps/$1/src/$2/', '^apps/$1/src/[^/]+/index\\.ts$', '^apps/$1/src/config/'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The pages' browser scripts import by URL, from what the app serves.
    exclude: { path: ['^dist/', '\\.spec\\.ts$', '^libs/web/src/assets/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
