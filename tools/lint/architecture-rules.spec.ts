import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceAppDirectories } from '../support/service-apps';

/**
 * The architecture is enforced by lint; these tests make sure the rules really fire
 * (and do not fire on allowed imports), by linting small snippets as if they lived in the repo.
 * ESLint runs as its own process because it loads the flat config as an ES module.
 */
const root = join(__dirname, '..', '..');

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
}

async function violations(filePath: string, code: string): Promise<string[]> {
  const eslint = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--format',
      'json',
      '--stdin',
      '--stdin-filename',
      filePath,
    ],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
    },
  );
  if (eslint.status !== 0 && eslint.status !== 1) throw new Error(`eslint failed: ${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as { messages: LintMessage[] }[];
  return (result?.messages ?? [])
    .filter((message) => message.severity === 2)
    .map((message) => `${message.ruleId}: ${message.message}`);
}

describe('architecture rules', () => {
  it('keeps domain libraries free of npm packages', async () => {
    const found = await violations(
      'libs/platform/decider/src/probe.ts',
      "import Database from 'better-sqlite3';\nexport const probe = Database;\n",
    );
    expect(found).toEqual([
      expect.stringMatching(/enforce-module-boundaries: .*"type:domain" is not allowed to import "better-sqlite3"/),
    ]);
  });

  it('keeps domain libraries from depending on platform libraries', async () => {
    const found = await violations(
      'libs/platform/decider/src/probe.ts',
      "import { SqliteEventStore } from '@bildungsregion/event-store';\nexport const probe = SqliteEventStore;\n",
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((message) => message.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('keeps the contracts library free of platform code and of every package but zod', async () => {
    const kafka = await violations(
      'libs/platform/contracts/src/probe.ts',
      "import { Kafka } from 'kafkajs';\nexport const probe = Kafka;\n",
    );
    expect(kafka).toEqual([
      expect.stringMatching(/enforce-module-boundaries: .*"type:contracts" is not allowed to import "kafkajs"/),
    ]);
    const bus = await violations(
      'libs/platform/contracts/src/probe.ts',
      "import { Relay } from '@bildungsregion/bus';\nexport const probe = Relay;\n",
    );
    expect(bus.length).toBeGreaterThan(0);
    expect(
      await violations('libs/platform/contracts/src/probe.ts', "import { z } from 'zod';\nexport const probe = z;\n"),
    ).toEqual([]);
  });

  it('lets platform libraries use domain libraries', async () => {
    expect(
      await violations(
        'libs/platform/event-store/src/probe.ts',
        "import { fold } from '@bildungsregion/decider';\nexport const probe = fold;\n",
      ),
    ).toEqual([]);
  });

  it('keeps a service domain folder free of frameworks and outer layers', async () => {
    const found = await violations(
      'apps/goals/src/domain/probe.ts',
      "import { Injectable } from '@nestjs/common';\nimport { GoalRepository } from '../infrastructure/goal-repository';\nimport { accept } from '@bildungsregion/decider';\nexport const probe = [Injectable, GoalRepository, accept];\n",
    );
    expect(found).toEqual([
      expect.stringMatching(/no-restricted-imports: '@nestjs\/common'.*Domain code is plain TypeScript/),
      expect.stringMatching(
        /no-restricted-imports: '..\/infrastructure\/goal-repository'.*must not depend on outer layers/,
      ),
    ]);
  });

  it('keeps the application layer away from adapters', async () => {
    const found = await violations(
      'apps/goals/src/application/probe.ts',
      "import mongoose from 'mongoose';\nimport { Controller } from '../http/controller';\nimport { decide } from '../domain/goal';\nexport const probe = [mongoose, Controller, decide];\n",
    );
    expect(found).toEqual([
      expect.stringMatching(/no-restricted-imports: 'mongoose'.*through ports/),
      expect.stringMatching(/no-restricted-imports: '..\/http\/controller'.*must not depend on infrastructure or http/),
    ]);
  });

  it('keeps platform libraries but the decider, the contracts and the reference data out of a service domain', async () => {
    const libraries = ['http', 'bus', 'read-models', 'event-store', 'application', 'service-runtime'];
    const code =
      libraries.map((library, index) => `import * as l${index} from '@bildungsregion/${library}';`).join('\n') +
      `\nexport const probe = [${libraries.map((_, index) => `l${index}`).join(', ')}];\n`;
    const found = await violations('apps/goals/src/domain/probe.ts', code);
    expect(found).toEqual(
      libraries.map((library) =>
        expect.stringMatching(
          new RegExp(`no-restricted-imports: '@bildungsregion/${library}'.*Domain code is plain TypeScript`),
        ),
      ),
    );
    const allowed =
      "import { accept } from '@bildungsregion/decider';\nimport { Topics } from '@bildungsregion/contracts';\nimport { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';\nexport const probe = [accept, Topics, LANDKREIS_OSNABRUECK];\n";
    expect(await violations('apps/goals/src/domain/probe.ts', allowed)).toEqual([]);
  });

  it('keeps the application layer away from frameworks, HTTP and adapters, but lets it use the ports', async () => {
    const found = await violations(
      'apps/goals/src/application/probe.ts',
      [
        "import { Injectable } from '@nestjs/common';",
        "import { Caller } from '@bildungsregion/http';",
        "import { SERVICES } from '@bildungsregion/service-runtime';",
        "import { SqliteEventStore } from '@bildungsregion/event-store';",
        "import { busFromUrl } from '@bildungsregion/bus';",
        "import { ProjectionRunner } from '@bildungsregion/read-models';",
        'export const probe = [Injectable, {} as Caller, SERVICES, SqliteEventStore, busFromUrl, ProjectionRunner];',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/no-restricted-imports: '@nestjs\/common'.*knows no framework and no HTTP/),
      expect.stringMatching(/no-restricted-imports: '@bildungsregion\/http'.*knows no framework and no HTTP/),
      expect.stringMatching(
        /no-restricted-imports: '@bildungsregion\/service-runtime'.*knows no framework and no HTTP/,
      ),
      expect.stringMatching(
        /no-restricted-imports: 'SqliteEventStore' import from '@bildungsregion\/event-store' is restricted/,
      ),
      expect.stringMatching(/no-restricted-imports: 'busFromUrl' import from '@bildungsregion\/bus' is restricted/),
      expect.stringMatching(
        /no-restricted-imports: 'ProjectionRunner' import from '@bildungsregion\/read-models' is restricted/,
      ),
    ]);
    const ports = [
      "import { EventStore } from '@bildungsregion/event-store';",
      "import { Bus, eventIdFor } from '@bildungsregion/bus';",
      "import { ReadModelStore } from '@bildungsregion/read-models';",
      "import { Aggregates, Principal } from '@bildungsregion/application';",
      'export const probe = [{} as EventStore, {} as Bus, eventIdFor, {} as ReadModelStore, Aggregates, {} as Principal];',
    ].join('\n');
    expect(await violations('apps/goals/src/application/probe.ts', ports)).toEqual([]);
  });

  it('keeps application and http files short', async () => {
    const long = Array.from({ length: 201 }, (_, index) => `export const line${index} = ${index};`).join('\n') + '\n';
    for (const layer of ['application', 'http']) {
      expect(await violations(`apps/goals/src/${layer}/probe.ts`, long)).toEqual([
        expect.stringMatching(/^max-lines: File has too many lines \(201\)/),
      ]);
    }
    expect(await violations('apps/goals/src/domain/probe.ts', long)).toEqual([]);
  });

  it('keeps one service from importing another', async () => {
    const found = await violations(
      'apps/goals/src/application/probe.ts',
      "import { SERVICE_NAME } from '../../../monitoring/src/application/streams';\nexport const probe = SERVICE_NAME;\n",
    );
    expect(found).toEqual([
      expect.stringMatching(/enforce-module-boundaries: Projects cannot be imported by a relative or absolute path/),
    ]);
  });

  it('keeps the web app from importing server code, and an image without a text alternative', async () => {
    const found = await violations(
      'apps/web/src/probe.tsx',
      "import { DEFAULT_AUDIENCE } from '@bildungsregion/http';\nexport const Probe = () => <img src={DEFAULT_AUDIENCE} />;\n",
    );
    expect(found).toEqual([
      expect.stringMatching(/enforce-module-boundaries: .*"type:web" cannot depend on any libs/),
      expect.stringMatching(/jsx-a11y\/alt-text/),
    ]);
    const allowed = 'export const Probe = () => <img src="/logo.svg" alt="Bildungsregion" />;\n';
    expect(await violations('apps/web/src/probe.tsx', allowed)).toEqual([]);
  });

  it('gives every service the same shape and the tags the rules work on', () => {
    const services = serviceAppDirectories(root);
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      const layers = ['domain', 'application', 'infrastructure', 'http'].filter(
        (layer) => !existsSync(join(root, 'apps', service, 'src', layer)),
      );
      expect([service, layers]).toEqual([service, []]);
      const project = JSON.parse(readFileSync(join(root, 'apps', service, 'project.json'), 'utf8')) as {
        tags: string[];
      };
      expect([service, project.tags]).toEqual([service, expect.arrayContaining([`scope:${service}`, 'type:app'])]);
    }
  });
});
