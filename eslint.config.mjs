import nx from '@nx/eslint-plugin';

const services = ['goals', 'monitoring', 'ideas', 'planning'];
const infrastructurePackages = ['better-sqlite3', '@eventstore/*', 'kafkajs', 'mongoose', 'mingo'];
const frameworkPackages = ['@nestjs/*', 'express', 'rxjs', 'class-validator', 'class-transformer', 'reflect-metadata'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '**/coverage', '.nx'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
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
            // Domain code is plain TypeScript: no framework, no infrastructure, no npm package at all.
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], allowedExternalImports: [] },
            // Integration event contracts are shared by every service, so they depend on nothing but the schema library.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], allowedExternalImports: ['zod'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:platform', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
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
              group: [...frameworkPackages, ...infrastructurePackages, '@bildungsregion/event-store'],
              message: 'Domain code is plain TypeScript: express decisions with @bildungsregion/decider only.',
            },
            {
              group: ['**/application/**', '**/infrastructure/**', '**/http/**', '../application', '../infrastructure', '../http'],
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: infrastructurePackages,
              message: 'The application layer talks to infrastructure through ports; adapters live in infrastructure/.',
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
];
