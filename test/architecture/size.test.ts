import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/*
 * The sheets stay readable: no function in src/sheets/ over 80 lines (a layout is block
 * functions over the SheetBuilder), counted as the TypeScript AST sees them, nested functions
 * inside their parent.
 */

const SHEETS = join(__dirname, '..', '..', 'src', 'sheets');
const LIMIT = 80;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every function of a source text with its length in lines. */
export function functionLengths(file: string, text: string): { name: string; line: number; lines: number }[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = src.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = (node as { name?: ts.Node }).name;
      out.push({ name: named ? named.getText() : '(anonyme)', line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return out;
}

it(`has no function over ${LIMIT} lines in src/sheets/`, () => {
  const long = files(SHEETS).flatMap((f) =>
    functionLengths(f, readFileSync(f, 'utf8'))
      .filter((x) => x.lines > LIMIT)
      .map((x) => `${relative(SHEETS, f)}:${x.line} ${x.name} (${x.lines} lignes)`),
  );
  expect(long).toEqual([]);
});

it('counts a long function as long', () => {
  const body = Array.from({ length: 90 }, (_, i) => `  const x${i} = ${i};`).join('\n');
  const lengths = functionLengths('x.ts', `function long(): void {\n${body}\n}\nconst short = () => 1;`);
  expect(lengths.map((x) => [x.name, x.lines])).toEqual([
    ['long', 92],
    ['(anonyme)', 1],
  ]);
});
