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

module.exports = { DEV, normalisePublicUrl, publicManifest };
