import { createDeflateRaw } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';

/** Deflates `bytes` of one repeated character without holding them in memory. */
async function deflateRepeated(bytes: number, char = ' '): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, char);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/**
 * A real .xlsx (the `base` workbook) whose sheet `entry` is replaced by one that inflates to
 * `bytes` bytes: a few kilobytes or megabytes on disk, gigabytes once read ("zip bomb"). The
 * entry is stored with its true sizes, as any zip tool writes them.
 */
export async function zipBomb(base: string, out: string, entry: string, bytes: number): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(base));
  zip.remove(entry);
  const kept = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // Append the big entry to the archive by hand: local header, data, then a new directory.
  const data = await deflateRepeated(bytes);
  const parsed = await JSZip.loadAsync(kept);
  const files: { name: string; raw: Buffer; size: number; method: number }[] = [];
  for (const name of Object.keys(parsed.files)) {
    const f = parsed.file(name);
    if (!f) continue;
    const content = await f.async('nodebuffer');
    const { deflateRawSync } = await import('node:zlib');
    files.push({ name, raw: deflateRawSync(content), size: content.length, method: 8 });
  }
  files.push({ name: entry, raw: data, size: bytes, method: 8 });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(f.method, 8);
    local.writeUInt32LE(f.raw.length, 18);
    local.writeUInt32LE(f.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(f.method, 10);
    central.writeUInt32LE(f.raw.length, 20);
    central.writeUInt32LE(f.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, f.raw);
    centrals.push(central, name);
    offset += 30 + name.length + f.raw.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(out, Buffer.concat([...locals, dir, end]));
}
