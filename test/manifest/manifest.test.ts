import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyNamespaceToManifest, applyNamespaceToMetadata } = require('../../tools/namespace') as {
  applyNamespaceToManifest: (xml: string, ns: string) => string;
  applyNamespaceToMetadata: (json: unknown, ns: string) => { functions: { id: string; name: string }[] };
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { normalisePublicUrl, publicManifest, withHelpUrls } = require('../../tools/publicUrl') as {
  normalisePublicUrl: (raw: string) => { base: string; origin: string };
  publicManifest: (xml: string, raw: string) => string;
  withHelpUrls: (
    json: unknown,
    raw?: string,
  ) => { functions: { id: string; name: string; helpUrl: string }[] };
};

const ROOT = join(__dirname, '..', '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

type Node = Record<string, unknown>;

/** Every object node of the parsed XML, depth first, with its tag name. */
function walk(
  node: unknown,
  tag = '',
  out: { tag: string; node: Node }[] = [],
): { tag: string; node: Node }[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, tag, out));
  else if (node && typeof node === 'object') {
    out.push({ tag, node: node as Node });
    for (const [k, v] of Object.entries(node)) if (!k.startsWith('@_')) walk(v, k, out);
  }
  return out;
}

function parse(xml: string) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  });
  return walk(parser.parse(xml));
}

function checkManifest(xml: string): {
  resids: string[];
  ids: Set<string>;
  nodes: { tag: string; node: Node }[];
} {
  expect(XMLValidator.validate(xml)).toBe(true);
  const nodes = parse(xml);
  const resources = new Set(
    nodes
      .filter((n) => ['Image', 'Url', 'String'].includes(n.tag) && typeof n.node['@_id'] === 'string')
      .map((n) => String(n.node['@_id'])),
  );
  const resids = nodes.map((n) => n.node['@_resid']).filter((r): r is string => typeof r === 'string');
  return { resids, ids: resources, nodes };
}

describe('manifest.xml (offline checks)', () => {
  const { resids, ids, nodes } = checkManifest(manifest);

  it('resolves every resid', () => {
    expect(resids.length).toBeGreaterThan(10);
    for (const r of resids) expect(ids).toContain(r);
  });

  it('shares one resid between Runtime, Page and FunctionFile, with a long-lived runtime', () => {
    const runtime = nodes.find((n) => n.tag === 'Runtime');
    expect(runtime?.node['@_lifetime']).toBe('long');
    const page = nodes.find((n) => n.tag === 'Page');
    const pageSource = (page?.node['SourceLocation'] as Node[] | undefined)?.[0];
    const functionFile = nodes.find((n) => n.tag === 'FunctionFile');
    expect(runtime?.node['@_resid']).toBe('Taskpane.Url');
    expect(pageSource?.['@_resid']).toBe('Taskpane.Url');
    expect(functionFile?.node['@_resid']).toBe('Taskpane.Url');
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
  });

  it('uses https everywhere', () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:[^"<]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it('declares Excel, ReadWriteDocument, a ribbon button and custom functions without <Namespace> (option B)', () => {
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(nodes.some((n) => n.tag === 'Action' && n.node['@_type'] === 'ShowTaskpane')).toBe(true);
    expect(nodes.some((n) => n.tag === 'ExtensionPoint' && n.node['@_type'] === 'CustomFunctions')).toBe(
      true,
    );
    expect(nodes.some((n) => n.tag === 'Namespace')).toBe(false);
  });

  it('switches to option A at build time with a namespace of at most 32 characters that resolves', () => {
    const xml = applyNamespaceToManifest(manifest, 'CNC');
    const a = checkManifest(xml);
    const ns = a.nodes.find((n) => n.tag === 'Namespace');
    expect(ns?.node['@_resid']).toBe('Functions.Namespace');
    for (const r of a.resids) expect(a.ids).toContain(r);
    expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="CNC"/>');
  });
});

describe('functions.json generated from the JSDoc', () => {
  let functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[] = [];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(join(ROOT, 'src', 'functions', 'functions.ts'));
    expect(result.errors).toEqual([]);
    functions = (JSON.parse(result.metadataJson) as { functions: typeof functions }).functions;
  });

  it('has valid, unique ids and names carrying their own prefix', () => {
    expect(functions.map((f) => f.name.split('.')[0])).toEqual([
      ...Array<string>(5).fill('CNC'),
      ...Array<string>(7).fill('CARBON'),
      'FIN',
      'FIN',
    ]);
    const ids = functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of functions) {
      expect(f.id).toMatch(/^[A-Za-z][A-Za-z0-9._]{2,127}$/);
      expect(f.name).toMatch(/^\p{L}[\p{L}0-9._]{2,127}$/u);
    }
    expect(functions[0]?.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ['code', false],
      ['nomenclature', true],
    ]);
  });

  it('has no two names that differ only by "." versus "_" (Excel stores them as _xldudf_…)', () => {
    const stored = functions.map((f) => f.name.toUpperCase().replace(/\./g, '_'));
    expect(new Set(stored).size).toBe(stored.length);
  });

  it('drops the namespace prefix from the names under option A', () => {
    const a = applyNamespaceToMetadata({ functions }, 'CNC');
    expect(a.functions.slice(0, 2).map((f) => [f.id, f.name])).toEqual([
      ['CNC.POSTE', 'POSTE'],
      ['CNC.CHAPITRE', 'CHAPITRE'],
    ]);
    expect(a.functions.find((f) => f.id === 'CARBON.TRANSPORT')?.name).toBe('CARBON.TRANSPORT');
  });

  it('gives each function its help section, by its id, with or without a namespace', () => {
    const b = withHelpUrls({ functions }, 'https://h.example/app/');
    expect(b.functions.slice(0, 2).map((f) => f.helpUrl)).toEqual([
      'https://h.example/app/aide.html#cnc-poste',
      'https://h.example/app/aide.html#cnc-chapitre',
    ]);
    expect(b.functions.find((f) => f.id === 'FIN.CREDIT_IMPOT')?.helpUrl).toBe(
      'https://h.example/app/aide.html#fin-credit-impot',
    );
    // Option A shortens the names, not the ids: the anchors stay those of the help page.
    const a = withHelpUrls(applyNamespaceToMetadata({ functions }, 'CNC'), 'https://h.example/app');
    expect(a.functions[0]).toMatchObject({
      name: 'POSTE',
      helpUrl: 'https://h.example/app/aide.html#cnc-poste',
    });
    // Without a public address (development): the development server's page.
    expect(withHelpUrls({ functions }).functions[0]?.helpUrl).toBe(
      'https://localhost:3000/aide.html#cnc-poste',
    );
    // Every anchor is a section of the help page as written.
    const help = readFileSync(join(ROOT, 'src', 'help', 'aide.html'), 'utf8');
    const missing = b.functions.filter((f) => !help.includes(`id="${f.helpUrl.split('#')[1] ?? ''}"`));
    expect(missing.map((f) => f.name)).toEqual([]);
  });
});

describe('the manifest against the OfficeApp schema, as written and for a public address', () => {
  const xsd = join(ROOT, 'test', 'fixtures', 'office-xsd', 'OfficeAppManifestV1_1.xsd');
  const dir = mkdtempSync(join(tmpdir(), 'devis-cnc-manifest-'));
  /** xmllint's verdict on a manifest: 'valide', or the schema errors. */
  const verdict = (xml: string, name: string): string => {
    const file = join(dir, name);
    writeFileSync(file, xml);
    try {
      execFileSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8', stdio: 'pipe' });
      return 'valide';
    } catch (e) {
      return (e as { stderr?: string }).stderr ?? 'invalide';
    }
  };

  it('validates manifest.xml as written (development address)', () => {
    expect(verdict(manifest, 'manifest.xml')).toBe('valide');
  });

  it('refuses a manifest that breaks the schema (so the check is real)', () => {
    expect(
      verdict(
        manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Tout</Permissions>'),
        'bad.xml',
      ),
    ).toMatch(/Permissions/);
  });

  it('moves every URL to ADDIN_PUBLIC_URL, with or without its trailing slash, and validates', () => {
    for (const raw of [
      'https://devis-cnc.example.org/app',
      'https://devis-cnc.example.org/app/',
      ' https://devis-cnc.example.org/app// ',
    ]) {
      const xml = publicManifest(manifest, raw);
      expect(xml).not.toMatch(/localhost/);
      const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1] ?? '');
      expect(urls.length).toBeGreaterThan(8);
      for (const u of urls) expect(u.startsWith('https://devis-cnc.example.org/app/')).toBe(true);
      expect(xml).toContain('<AppDomain>https://devis-cnc.example.org</AppDomain>');
      expect(xml).toContain('<SupportUrl DefaultValue="https://devis-cnc.example.org/app/aide.html"/>');
      expect(xml).toContain(
        '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://devis-cnc.example.org/app/aide.html"/>',
      );
      expect(verdict(xml, 'public.xml')).toBe('valide');
    }
  });

  it('names its icons at every size Office asks for, and each exists in assets/', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(manifest).toContain(`/assets/icon-${size}.png`);
      expect(
        readFileSync(join(ROOT, 'assets', `icon-${size}.png`))
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    }
  });

  it('refuses a public address Office would refuse, with a French message', () => {
    expect(normalisePublicUrl('https://h.example/a/b/')).toEqual({
      base: 'https://h.example/a/b',
      origin: 'https://h.example',
    });
    expect(normalisePublicUrl('https://h.example')).toEqual({
      base: 'https://h.example',
      origin: 'https://h.example',
    });
    expect(() => normalisePublicUrl('http://h.example/app')).toThrow(
      "Office n'accepte qu'une adresse https://",
    );
    expect(() => normalisePublicUrl('h.example/app')).toThrow('ADDIN_PUBLIC_URL invalide « h.example/app »');
    expect(() => normalisePublicUrl('https://h.example/app?x=1')).toThrow('sans « ? » ni « # »');
  });
});
