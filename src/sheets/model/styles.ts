import type { StyleKey } from './plan';

/** How each style looks, in colours both adapters understand (RGB hex, no #). */
export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  topBorder?: boolean;
}

export const STYLES: Record<StyleKey, StyleSpec> = {
  title: { bold: true, size: 14, fontColor: '1F3864' },
  note: { italic: true, fontColor: '595959' },
  /** A note spanning the table (merged cells), wrapped. */
  banner: { italic: true, fontColor: '595959', wrap: true },
  header: { bold: true, fontColor: 'FFFFFF', fill: '1F3864', wrap: true },
  section: { bold: true, size: 12, fontColor: '1F3864' },
  chapter: { bold: true, fill: 'D9E1F2' },
  group: { bold: true, italic: true },
  label: {},
  input: { fill: 'FFF2CC' },
  computed: { fill: 'F2F2F2' },
  subtotal: { bold: true, fill: 'E7E6E6', topBorder: true },
  total: { bold: true, fill: 'BDD7EE', topBorder: true },
};

/** Conditional-format colours: red for a negative figure, green for a positive one. */
export const CONDITIONAL = {
  negative: { fontColor: '9C0006', fill: 'FFC7CE' },
  positive: { fontColor: '006100', fill: 'C6EFCE' },
  overrun: { fontColor: '9C0006', fill: 'FFC7CE' },
  top3: { fontColor: '9C5700', fill: 'FFEB9C' },
} as const;
