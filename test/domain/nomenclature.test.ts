import {
  childrenOf,
  findNomenclature,
  getNomenclature,
  isValidCode,
  listNomenclatures,
  lookupLabel,
  parentCode,
  resolveCode,
} from '../../src/domain/nomenclature/nomenclature';

const classique = getNomenclature('cnc-classique');
const n2018 = getNomenclature('cnc-2018');
const av = getNomenclature('cnc-audiovisuel');

describe('nomenclatures seeded from the reference', () => {
  it('has the nine classic postes in order, with their marks', () => {
    expect(classique.chapters.map((c) => `${c.code} ${c.label}`)).toEqual([
      '1 Droits artistiques',
      '2 Personnel',
      '3 Interprétation',
      '4 Charges sociales',
      '5 Décors et costumes',
      '6 Transports, défraiements, régie',
      '7 Moyens techniques',
      '8 Pellicules et laboratoires',
      '9 Assurances et divers',
    ]);
    for (const ch of listNomenclatures().flatMap((n) => n.chapters)) {
      expect(['verbatim', 'secondary', 'inferred']).toContain(ch.labelConfidence);
      for (const l of ch.lines) expect(['verbatim', 'secondary', 'inferred']).toContain(l.confidence);
    }
    expect(n2018.chapters).toHaveLength(9);
    expect(av.chapters).toHaveLength(10);
    expect(classique.chapters.reduce((n, c) => n + c.lines.length, 0)).toBe(49);
  });

  it.each([
    ['cnc-classique', '3', 'Interprétation', 'chapter', true],
    ['cnc-classique', '3.1', 'Rôles principaux', 'line', true],
    ['cnc-classique', '2.4', 'Image', 'line', true],
    ['cnc-classique', '2.4.7', 'Ligne libre sous 2.4 Image', 'user', false],
    ['cnc-classique', '5.12', 'Ligne libre sous 5 Décors et costumes', 'user', false],
    ['cnc-2018', '31', 'Rôles principaux', 'line', true],
    ['cnc-2018', '1911', 'Agents littéraires', 'line', true],
    ['cnc-2018', '12', 'Poste 12 (Droits artistiques) — libellé non vérifié', 'line', false],
    ['cnc-2018', '43', 'Poste 43 (Charges sociales et fiscales) — libellé non vérifié', 'line', false],
    ['cnc-audiovisuel', '8.c', 'ETALONNAGE', 'line', true],
    ['cnc-audiovisuel', '10', 'Imprévus, frais généraux, production déléguée', 'chapter', true],
  ])('%s: %s → %s', (id, code, label, kind, verified) => {
    const nom = findNomenclature(id);
    expect(nom).toBeDefined();
    const found = nom && lookupLabel(nom, code);
    expect(found?.label).toBe(label);
    expect(found?.kind).toBe(kind);
    expect(found?.labelVerified).toBe(verified);
  });

  it.each([
    ['cnc-classique', '10'],
    ['cnc-classique', '0'],
    ['cnc-classique', 'abc'],
    ['cnc-classique', ''],
    ['cnc-classique', '3.x'],
    ['cnc-2018', '0'],
    ['cnc-2018', '1.1'],
  ])('%s: %p is not a valid code', (id, code) => {
    const nom = findNomenclature(id);
    expect(nom && isValidCode(nom, code)).toBe(false);
    expect(nom && resolveCode(nom, code).kind).toBe('unknown');
  });

  it('knows parents and children', () => {
    expect(parentCode(classique, '2.4.1')).toBe('2.4');
    expect(parentCode(n2018, '1911')).toBe('191');
    expect(childrenOf(n2018, '19').map((l) => l.code)).toEqual(['1911']);
    expect(childrenOf(n2018, '1').map((l) => l.code)).toEqual(['11', '12', '13', '16', '17', '19']);
    expect(childrenOf(classique, '3').map((l) => l.code)).toEqual([
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '3.5',
      '3.6',
      '3.7',
    ]);
  });

  it('accepts aliases and trims codes', () => {
    expect(findNomenclature('2018')?.id).toBe('cnc-2018');
    expect(findNomenclature(' Classique ')?.id).toBe('cnc-classique');
    expect(findNomenclature('inconnue')).toBeUndefined();
    expect(lookupLabel(classique, ' 3. ')?.label).toBe('Interprétation');
  });
});

describe('resolveCode through its index gives what a scan of the grid gives', () => {
  // The scan the index replaced: every comparison normalises both codes.
  const norm = (c: string): string => c.trim().replace(/\.$/, '').toLowerCase();
  const scan = (nom: ReturnType<typeof getNomenclature>, code: string): string => {
    const c = norm(code);
    if (c === '') return 'unknown';
    const chapterCode = nom.codeStyle === 'digits' ? c.slice(0, 1) : (c.split('.')[0] ?? c);
    const chapter = nom.chapters.find((ch) => norm(ch.code) === chapterCode);
    if (!chapter) return 'unknown';
    if (norm(chapter.code) === c) return `chapter ${chapter.code}`;
    const line = chapter.lines.find((l) => norm(l.code) === c);
    if (line) return `line ${line.code}`;
    const wellFormed =
      nom.codeStyle === 'digits'
        ? /^\d{2,5}$/.test(c)
        : nom.codeStyle === 'dotted'
          ? /^\d+(\.\d+)+$/.test(c)
          : /^\d+(\.[a-z0-9]+)+$/.test(c);
    if (!wellFormed) return 'unknown';
    for (let p = parentCode(nom, c); p !== undefined; p = parentCode(nom, p)) {
      const parent = chapter.lines.find((l) => norm(l.code) === p);
      if (parent) return `user ${parent.code}`;
      if (norm(chapter.code) === p) return `user ${chapter.code}`;
    }
    return 'unknown';
  };
  const show = (r: ReturnType<typeof resolveCode>): string =>
    r.kind === 'unknown'
      ? 'unknown'
      : r.kind === 'chapter'
        ? `chapter ${r.chapter.code}`
        : r.kind === 'line'
          ? `line ${r.line.code}`
          : `user ${r.parent.code}`;

  it.each(listNomenclatures().map((n) => [n.id, n] as const))(
    '%s: every code, variants and user lines',
    (_, nom) => {
      const codes = nom.chapters.flatMap((ch) => [ch.code, ...ch.lines.map((l) => l.code)]);
      const variants = codes.flatMap((c) => [
        c,
        ` ${c.toUpperCase()}. `,
        nom.codeStyle === 'digits' ? `${c}9` : `${c}.9`,
        nom.codeStyle === 'digits' ? `${c}99` : `${c}.9.9`,
        `${c}x`,
      ]);
      for (const v of [...variants, '', '0', '99', 'abc', '1..2', '10.z'])
        expect(show(resolveCode(nom, v))).toBe(scan(nom, v));
    },
  );
});
