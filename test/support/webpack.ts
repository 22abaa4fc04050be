import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's root, from the sources (ts-jest) or from their compiled copy in dist/. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'webpack.config.js')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Runs the repository's webpack with these arguments (and environment), quietly; throws on failure. */
export function runWebpack(args: string[], env: NodeJS.ProcessEnv = {}): void {
  const root = repoRoot();
  execFileSync(process.execPath, [join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), ...args], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, ...env },
  });
}
