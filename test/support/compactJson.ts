/**
 * JSON as a reviewer reads it: a record of plain values (a finding, a column, a chapter) or a value
 * that fits on one line stays on one line; larger ones open over several — goldens a person can
 * read in a diff, one finding per line.
 */
export function compactJson(value: unknown, width = 100, indent = ''): string {
  const flat = JSON.stringify(value) ?? 'null';
  if (value === null || typeof value !== 'object') return flat;
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  const plain = items.every((v) => v === null || typeof v !== 'object');
  if (plain || flat.length + indent.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return `[\n${value.map((v) => `${inner}${compactJson(v, width, inner)}`).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, width, inner)}`)
    .join(',\n')}\n${indent}}`;
}
