/** Normalises a user's word for comparison: lower case, no accents, dashes and spaces unified. */
export function normaliseAlias(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‐–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A looser form for matching: punctuation between words ignored ("train.tgv" = "train tgv"). */
export function looseForm(text: string): string {
  return normaliseAlias(text)
    .replace(/[._\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
