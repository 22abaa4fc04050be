import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * No import cycle between the files of src/ (type-only imports included: a cycle of types is
 * still two modules that cannot be read, moved or tested one without the other).
 */

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate)) return candidate;
  return null;
}

/** The relative imports and re-exports of each file of src/. */
export function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '');
    graph.set(
      file,
      specs.map((s) => resolveImport(file, s)).filter((p): p is string => p !== null && p.startsWith(SRC)),
    );
  }
  return graph;
}

/** Strongly connected components of more than one file (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.map((f) => relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return out;
}

it('has no import cycle in src/', () => {
  expect(cycles(importGraph())).toEqual([]);
});

it('finds a cycle when there is one', () => {
  const g = new Map([
    [join(SRC, 'a.ts'), [join(SRC, 'b.ts')]],
    [join(SRC, 'b.ts'), [join(SRC, 'a.ts')]],
    [join(SRC, 'c.ts'), [join(SRC, 'a.ts')]],
  ]);
  expect(cycles(g)).toEqual([['a.ts', 'b.ts']]);
});

it('reads the imports of the real tree (the audit reaches the rules)', () => {
  const g = importGraph();
  expect(g.get(join(SRC, 'audit', 'audit.ts'))).toContain(join(SRC, 'rules', 'index.ts'));
});

it('has no cycle between the folders of src/ (the layers of docs/architecture.md)', () => {
  const folder = (f: string): string => relative(SRC, f).split('/')[0] ?? '';
  const layers = new Map<string, Set<string>>();
  for (const [from, tos] of importGraph())
    for (const to of tos) {
      if (folder(from) === folder(to)) continue;
      const key = join(SRC, folder(from));
      layers.set(key, new Set([...(layers.get(key) ?? []), join(SRC, folder(to))]));
    }
  expect(cycles(new Map([...layers].map(([k, v]) => [k, [...v]])))).toEqual([]);
});
