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
