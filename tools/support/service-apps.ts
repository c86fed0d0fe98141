import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folders of apps/ that are services: every Nx project there but the web app (tag `type:web`). */
export function serviceAppDirectories(root: string): string[] {
  return readdirSync(join(root, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'apps', entry.name, 'project.json')))
    .map((entry) => entry.name)
    .filter((name) => {
      const project = JSON.parse(readFileSync(join(root, 'apps', name, 'project.json'), 'utf8')) as { tags?: string[] };
      return !(project.tags ?? []).includes('type:web');
    });
}
