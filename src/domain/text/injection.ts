/**
 * Text that a spreadsheet would run rather than show: a value starting with =, +, -, @, a tab or a
 * carriage return (OWASP, "CSV injection"). Such text coming from a user or a file is written as
 * text in sheets and neutralised in CSV exports.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** A CSV field that a spreadsheet shows as typed: a leading quote before formula-like text (OWASP). */
export function neutraliseForCsv(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * One field of a French CSV (';' separators): neutralised as above, and quoted when it holds a
 * separator, a quote or a line break (quotes doubled). The one quoting of every CSV we write.
 */
export function csvField(text: string): string {
  const s = neutraliseForCsv(text);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
