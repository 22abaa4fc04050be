import Decimal from 'decimal.js';
import type ExcelJS from 'exceljs';
import { parseAddress, splitReference } from '../../src/sheets/model/plan';

/** The headers a bank or accounting export would carry, mapped by `devis-cnc depenses importer`. */
export const STATEMENT_HEADER =
  'Date;N° de pièce;Fournisseur;Nature;Code;Libellé;Montant HT;TVA;Montant TTC;Statut;Date de paiement;Mode de paiement;Justificatif;Référence';

const frenchAmount = (cents: number): string => {
  const d = new Decimal(cents).dividedBy(100).toFixed(2);
  const [int = '0', dec = '00'] = d.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${dec}`;
};

/**
 * A French statement of `n` pieces over `codes` (taken in turn): amounts with a decimal comma and
 * thousands spaces, TVA at 20 % on invoices, one piece in two paid. Returns the CSV text and its
 * totals in cents, computed here from the same integers (not by the code under test).
 */
export function frenchStatement(
  n: number,
  codes: readonly string[],
): { csv: string; htCents: number; paidCents: number; ttcCents: number } {
  const lines = [STATEMENT_HEADER];
  let htCents = 0;
  let paidCents = 0;
  let ttcCents = 0;
  for (let i = 0; i < n; i += 1) {
    const ht = 10_000 + ((i * 7_919) % 250_000); // 100,00 € to 2 599,99 €
    const invoice = i % 3 !== 2;
    const tva = invoice ? Math.round(ht / 5) : 0;
    const paid = i % 2 === 0;
    const day = String(1 + (i % 28)).padStart(2, '0');
    htCents += ht;
    ttcCents += ht + tva;
    if (paid) paidCents += ht;
    lines.push(
      [
        `${day}/05/2027`,
        `R-${String(i + 1).padStart(5, '0')}`,
        `Fournisseur ${1 + (i % 40)}`,
        invoice ? 'Facture' : 'Note de frais',
        codes[i % codes.length] ?? '',
        `"Pièce ${i + 1}; relevé de mai"`,
        frenchAmount(ht),
        frenchAmount(tva),
        i % 4 === 0 ? frenchAmount(ht + tva) : '',
        paid ? 'payé' : 'engagé',
        paid ? `${String(Math.min(28, 1 + (i % 28) + 10)).padStart(2, '0')}/05/2027` : '',
        paid ? 'Virement' : '',
        'oui',
        `R-${i + 1}.pdf`,
      ].join(';'),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, htCents, paidCents, ttcCents };
}

/** The devis codes a workbook's ledger may charge (the cells of Dep_Codes), in order. */
export function ledgerCodes(wb: ExcelJS.Workbook): string[] {
  const parts = splitReference(wb.definedNames.getRanges('Dep_Codes').ranges[0] ?? '');
  if (!parts) throw new Error('Nom Dep_Codes introuvable');
  const ws = wb.getWorksheet(parts.sheet);
  const start = parseAddress(parts.start.replace(/\$/g, ''));
  const end = parseAddress(parts.end.replace(/\$/g, ''));
  const codes: string[] = [];
  for (let r = start.row; r <= end.row; r += 1) codes.push(ws?.getCell(r, start.col + 1).text ?? '');
  return codes;
}
