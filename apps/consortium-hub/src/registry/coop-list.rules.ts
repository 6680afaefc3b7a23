/**
 * The co-ops of a `consortium-hub provision-many` file: one per line, "id,name" (the name may hold
 * commas); blank lines and lines starting with # are skipped. A malformed line stops the command
 * naming its line; the ids and names themselves are checked by provisioning, all or nothing.
 */
export function parseCoopList(text: string): { coopId: string; name: string }[] {
  const coops: { coopId: string; name: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const comma = line.indexOf(',');
    if (comma < 1 || !line.slice(comma + 1).trim())
      throw new Error(`line ${i + 1} must be "coop-id,Co-op name", e.g. "holme-valley,Holme Valley Care Co-op"`);
    coops.push({ coopId: line.slice(0, comma).trim(), name: line.slice(comma + 1).trim() });
  });
  if (!coops.length) throw new Error('the file names no co-op: one "coop-id,Co-op name" per line');
  const seen = new Set<string>();
  for (const { coopId } of coops) {
    if (seen.has(coopId)) throw new Error(`co-op ${coopId} is named twice in the file`);
    seen.add(coopId);
  }
  return coops;
}
