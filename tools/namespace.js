'use strict';
/**
 * Build-time switch for the custom-functions namespace (shared/reference/office-facts.md §1).
 * Option B (default, namespace ""): no <Namespace> element; each function name carries its own
 * prefix, so formulas read =CNC.POSTE() and =CARBON.TRANSPORT().
 * Option A (namespace "CNC"): a <Namespace> element; names that start with "CNC." lose that
 * prefix in functions.json, so =CNC.POSTE() stays the same and the others become =CNC.<NAME>().
 * Set it with `npm config set devis-cnc:functionsNamespace CNC` or FUNCTIONS_NAMESPACE=CNC.
 */
const MARKER = /<!-- FUNCTIONS_NAMESPACE:[\s\S]*?-->/;

function functionsNamespace() {
  const fromEnv = process.env.FUNCTIONS_NAMESPACE ?? process.env.npm_package_config_functionsNamespace ?? '';
  const ns = fromEnv.trim();
  if (ns !== '' && !/^[A-Za-z][A-Za-z0-9]{0,31}$/.test(ns)) {
    throw new Error(`FUNCTIONS_NAMESPACE invalide « ${ns} » : lettres et chiffres, 32 caractères au plus.`);
  }
  return ns;
}

function applyNamespaceToManifest(xml, ns) {
  if (!MARKER.test(xml)) throw new Error('manifest.xml : marqueur FUNCTIONS_NAMESPACE absent');
  if (ns === '') return xml;
  return xml
    .replace(MARKER, '<Namespace resid="Functions.Namespace"/>')
    .replace(
      '<bt:ShortStrings>',
      `<bt:ShortStrings>\n        <bt:String id="Functions.Namespace" DefaultValue="${ns}"/>`,
    );
}

function applyNamespaceToMetadata(json, ns) {
  const metadata = typeof json === 'string' ? JSON.parse(json) : json;
  if (ns === '') return metadata;
  const prefix = `${ns.toUpperCase()}.`;
  return {
    ...metadata,
    functions: metadata.functions.map((f) =>
      f.name.toUpperCase().startsWith(prefix) ? { ...f, name: f.name.slice(prefix.length) } : f,
    ),
  };
}

module.exports = { functionsNamespace, applyNamespaceToManifest, applyNamespaceToMetadata };
