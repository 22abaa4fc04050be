/**
 * A small XML tokenizer for the parts of an .xlsx the audit reads (workbook, relationships,
 * styles, shared strings, sheets). It is fed text in chunks as the entry inflates and calls back
 * for each tag and each text run, so a sheet is never held whole in memory. It knows what
 * SpreadsheetML needs: namespace prefixes are dropped (`x:c` is `c`), the five named entities and
 * numeric references are decoded, comments, processing instructions and CDATA are skipped.
 */
export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m: string, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a tag, prefixes dropped (`r:id` is `id`), values decoded. */
export function attributes(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m; m = ATTR.exec(attrs)) {
    const key = m[1] ?? '';
    const local = key.includes(':') && !key.startsWith('xmlns') ? key.slice(key.indexOf(':') + 1) : key;
    out[local] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** One attribute, without building the whole map (the hot path of a sheet: `r`, `t`, `s`). */
export function attribute(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const k = attrs.indexOf(name, from);
    if (k < 0) return undefined;
    const before = k === 0 ? ' ' : attrs[k - 1];
    let p = k + name.length;
    while (attrs[p] === ' ') p += 1;
    if ((before === ' ' || before === '\t' || before === '\n' || before === '\r') && attrs[p] === '=') {
      p += 1;
      while (attrs[p] === ' ') p += 1;
      const quote = attrs[p];
      if (quote === '"' || quote === "'") {
        const end = attrs.indexOf(quote, p + 1);
        if (end < 0) return undefined;
        return decodeXml(attrs.slice(p + 1, end));
      }
    }
    from = k + name.length;
  }
}

/** Feeds chunks of XML text to a handler; `end()` flushes the last text. */
export class XmlScanner {
  private rest = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    this.rest = this.scan(this.rest + chunk, false);
  }

  /** The document is over: a trailing text run is handed over, a truncated tag dropped. */
  end(): void {
    this.scan(this.rest, true);
    this.rest = '';
  }

  /** Hands over every whole tag and every text run followed by a tag; returns what is left. */
  private scan(text: string, final: boolean): string {
    const h = this.handler;
    let p = 0;
    for (;;) {
      const lt = text.indexOf('<', p);
      if (lt < 0) {
        if (!final) return text.slice(p);
        if (p < text.length) h.text(text.slice(p));
        return '';
      }
      if (lt > p) h.text(text.slice(p, lt));
      const c = text.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        // Comment, CDATA or doctype: skipped (CDATA handed over as text).
        const cdata = text.startsWith('<![CDATA[', lt);
        const endMark = cdata ? ']]>' : text.startsWith('<!--', lt) ? '-->' : '>';
        const end = text.indexOf(endMark, lt + 2);
        if (end < 0) return final ? '' : text.slice(lt);
        if (cdata) h.text(text.slice(lt + 9, end).replace(/&/g, '&amp;'));
        p = end + endMark.length;
        continue;
      }
      const gt = text.indexOf('>', lt + 1);
      if (gt < 0) return final ? '' : text.slice(lt);
      if (c !== 63 /* ? */) {
        let body = text.slice(lt + 1, gt);
        if (c === 47 /* / */) {
          h.close(localName(body.slice(1).trim()));
        } else {
          const selfClosing = body.endsWith('/');
          if (selfClosing) body = body.slice(0, -1);
          let sp = 0;
          while (sp < body.length && !isSpace(body.charCodeAt(sp))) sp += 1;
          h.open(localName(body.slice(0, sp)), body.slice(sp), selfClosing);
        }
      }
      p = gt + 1;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
