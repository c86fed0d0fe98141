import nx from '@nx/eslint-plugin';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';

const services = ['goals', 'monitoring', 'ideas', 'planning'];
const infrastructurePackages = ['better-sqlite3', '@eventstore/*', 'kafkajs', 'mongoose', 'mingo'];
const frameworkPackages = ['@nestjs/*', 'express', 'rxjs', 'class-validator', 'class-transformer', 'reflect-metadata'];
// The platform libraries a service's domain may not use: everything but the decider, the contracts and the reference data.
const platformLibraries = [
  '@bildungsregion/event-store',
  '@bildungsregion/bus',
  '@bildungsregion/read-models',
  '@bildungsregion/http',
  '@bildungsregion/application',
  '@bildungsregion/service-runtime',
  '@bildungsregion/testing',
  '@bildungsregion/service-testing',
];
// Adapters and their factories: the application layer reaches infrastructure only through the ports of these libraries.
const adapters = [
  {
    name: '@bildungsregion/event-store',
    importNames: [
      'SqliteEventStore',
      'InMemoryEventStore',
      'EventStoreDbEventStore',
      'eventStoreFromUrl',
      'SqliteKeyStore',
      'InMemoryKeyStore',
    ],
  },
  {
    name: '@bildungsregion/bus',
    importNames: ['busFromUrl', 'Relay', 'BusModule', 'TransportBus', 'IntegrationEventConsumer'],
  },
  {
    name: '@bildungsregion/read-models',
    importNames: ['MongooseReadModelStore', 'InMemoryReadModelStore', 'readModelsFromUrl', 'ProjectionRunner'],
  },
];
const adapterMessage =
  'The application layer talks to infrastructure through ports; adapters are wired in infrastructure/ and the module.';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/tmp',
      '**/coverage',
      '.nx',
      'apps/web/src/api/generated',
      '.venv-api-fuzz',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // A service reaches other services only through bus events, never through their code.
            ...services.map((service) => ({
              sourceTag: `scope:${service}`,
              onlyDependOnLibsWithTags: [`scope:${service}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // The web app runs in a browser and knows the services only through their OpenAPI documents.
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: [] },
            // Domain code is plain TypeScript: no framework, no infrastructure, no npm package at all.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], allowedExternalImports: [] },
            // Integration event contracts are shared by every service, so they depend on nothing but the schema library.
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              allowedExternalImports: ['zod'],
            },
            // Test support may start a whole service, so it may use the platform; nothing but tests depends on it.
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing'],
            },
            {
              sourceTag: 'type:platform',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing'],
            },
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Inside a service the layers point inwards: http → application → domain, infrastructure → application.
    files: ['apps/*/src/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...frameworkPackages, ...infrastructurePackages, ...platformLibraries],
              message:
                'Domain code is plain TypeScript: express decisions with @bildungsregion/decider, the contracts and the reference data only.',
            },
            {
              group: [
                '**/application/**',
                '**/infrastructure/**',
                '**/http/**',
                '../application',
                '../infrastructure',
                '../http',
              ],
              message: 'The domain must not depend on outer layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/*/src/application/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'max-lines': ['error', { max: 200, skipBlankLines: true, skipComments: true }],
      'no-restricted-imports': [
        'error',
        {
          paths: adapters.map((library) => ({ ...library, message: adapterMessage })),
          patterns: [
            {
              group: infrastructurePackages,
              message: adapterMessage,
            },
            {
              group: [...frameworkPackages, '@bildungsregion/http', '@bildungsregion/service-runtime'],
              message:
                'The application layer knows no framework and no HTTP: controllers and the module translate to and from it.',
            },
            {
              group: ['**/infrastructure/**', '**/http/**', '../infrastructure', '../http'],
              message: 'The application layer must not depend on infrastructure or http.',
            },
          ],
        },
      ],
    },
  },
  {
    // Small files that a reader takes in at once; a growing one is split by use case.
    files: ['apps/*/src/http/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 200, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The web app: accessibility rules on every element, and hooks used as React requires.
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    ...jsxA11y.flatConfigs.strict,
    plugins: { ...jsxA11y.flatConfigs.strict.plugins, 'react-hooks': reactHooks },
    rules: { ...jsxA11y.flatConfigs.strict.rules, ...reactHooks.configs.recommended.rules },
  },
];
