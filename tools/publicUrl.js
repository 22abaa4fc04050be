'use strict';
/**
 * The one public address of a hosted add-in (ADDIN_PUBLIC_URL), normalised, and the manifest
 * rewritten from the development address to it. Every URL of the manifest is derived from it:
 * pages, scripts, functions.json, icons, help; AppDomain takes its origin.
 */
const DEV = 'https://localhost:3000';

/** "https://host/app/" or "https://host/app" → "https://host/app"; refuses what Office would refuse. */
function normalisePublicUrl(raw) {
  const text = String(raw ?? '').trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `ADDIN_PUBLIC_URL invalide « ${text} » : une adresse complète est attendue, par exemple https://exemple.org/devis-cnc`,
    );
  }
  if (url.protocol !== 'https:')
    throw new Error(`ADDIN_PUBLIC_URL « ${text} » : Office n'accepte qu'une adresse https://.`);
  if (url.search || url.hash)
    throw new Error(
      `ADDIN_PUBLIC_URL « ${text} » : sans « ? » ni « # », seulement l'adresse du dossier publié.`,
    );
  const path = url.pathname.replace(/\/+$/, '');
  return { base: `${url.origin}${path}`, origin: url.origin };
}

/** The manifest with every development URL moved to the public address (AppDomain: its origin). */
function publicManifest(xml, raw) {
  const { base, origin } = normalisePublicUrl(raw);
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV)
    .join(base);
}

/** The anchor of a function's section in the help page: CNC.POSTE → "cnc-poste". */
function helpAnchor(id) {
  return String(id).toLowerCase().replace(/[._]/g, '-');
}

/**
 * functions.json with every function's helpUrl (Marketplace policy 1120.5): its section of the
 * help page, under the public address when one is given, else the development one.
 */
function withHelpUrls(json, raw) {
  const metadata = typeof json === 'string' ? JSON.parse(json) : json;
  const base = raw ? normalisePublicUrl(raw).base : DEV;
  return {
    ...metadata,
    functions: metadata.functions.map((f) => ({ ...f, helpUrl: `${base}/aide.html#${helpAnchor(f.id)}` })),
  };
}

module.exports = { DEV, normalisePublicUrl, publicManifest, helpAnchor, withHelpUrls };
