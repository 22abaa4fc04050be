/** Normalises a user's word for comparison: lower case, no accents, dashes and spaces unified. */
export function normaliseAlias(text: string): string {
  // Plain ASCII has no accent to take off: the costly decomposition is for the others.
  const bare = /[^\x00-\x7f]/.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
  return bare.toLowerCase().replace(/[‐–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/** A looser form for matching: punctuation between words ignored ("train.tgv" = "train tgv"). */
export function looseForm(text: string): string {
  return normaliseAlias(text)
    .replace(/[._\-/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
