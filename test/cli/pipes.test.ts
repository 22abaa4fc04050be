import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * The command as a shell runs it, its output piped into a reader that closes at once
 * (`| head -c 0`): nothing on stderr (no EPIPE trace), and the command's own exit code.
 */
jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'devis-cnc.js');
const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-pipes-'));

beforeAll(() => {
  // The binary runs the compiled CLI (npm ci compiles it); compile it again for this source tree.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'pipe' });
});

function piped(args: string[]): { code: number; stderr: string } {
  const err = join(dir, `err-${args[0] ?? ''}-${Date.now()}.txt`);
  const quoted = args.map((a) => `'${a}'`).join(' ');
  const r = spawnSync(
    'bash',
    ['-c', `node '${BIN}' ${quoted} 2>'${err}' | head -c 0; exit \${PIPESTATUS[0]}`],
    { encoding: 'utf8' },
  );
  return { code: r.status ?? -1, stderr: readFileSync(err, 'utf8') };
}

describe('a closed output pipe ends the command quietly, with its exit code', () => {
  const file = join(dir, 'exemple.xlsx');

  it('new … | head -c 0: exit 0, nothing on stderr, the workbook written', () => {
    expect(piped(['new', '--out', file, '--exemple'])).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });

  it('audit … | head -c 0: exit 0 for the clean example, nothing on stderr', () => {
    expect(piped(['audit', file])).toEqual({ code: 0, stderr: '' });
  });

  it('--help | head -c 0 and a usage error keep their codes (0 and 2)', () => {
    expect(piped(['--help'])).toEqual({ code: 0, stderr: '' });
    expect(piped(['audit']).code).toBe(2);
  });
});
