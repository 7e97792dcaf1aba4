/**
 * Canonical JSON: keys sorted at every depth, 2-space indent, one final newline, `undefined` dropped.
 * Equal values give equal bytes on every machine, so equal states hash to equal git objects.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(item => (item === undefined ? null : sortKeys(item)));
  if (value !== null && typeof value === `object` && !(value instanceof Date)) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}
