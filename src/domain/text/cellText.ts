/**
 * A cell or function argument as text: strings, numbers and booleans as they read; an Excel
 * error by its code (#REF!); a date as its ISO day; rich text by its runs; anything else (an
 * empty cell, an unknown object) as ''. Never "[object Object]".
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('error' in v) return cellText(v.error);
    if ('richText' in v && Array.isArray(v.richText)) {
      return (v as { richText: { text?: unknown }[] }).richText.map((r) => cellText(r.text)).join('');
    }
    if ('text' in v) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
  }
  return '';
}
