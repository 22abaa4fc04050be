/**
 * A copy of an .xlsx (a zip) whose part `name` is damaged: the first 64 bytes of its stored,
 * deflated data are overwritten, so inflating it fails. The zip's directory is left intact.
 */
export function damagePart(zip: Buffer, name: string): Buffer {
  const bytes = Buffer.from(zip);
  const wanted = Buffer.from(name, 'utf8');
  let header = -1;
  for (let p = bytes.indexOf(wanted); p >= 0; p = bytes.indexOf(wanted, p + 1))
    if (p >= 30 && bytes.readUInt32LE(p - 30) === 0x04034b50) header = p - 30;
  if (header < 0) throw new Error(`partie ${name} introuvable`);
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  bytes.fill(0xff, start, start + 64);
  return bytes;
}
