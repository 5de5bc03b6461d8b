import type { Dimension } from './accounting-entry';
import type { MapOptions } from './map-options';
import type { MappableItem, TagLike } from './mappable-item';

/**
 * Dimensions of one Pleo line: each tag becomes `{ dimension: dimensionNames[groupCode] ?? groupCode,
 * value: code }` (pleo-export-api.md §4 "Tags = dimensions/cost centres"), then the item's team goes into
 * `teamDimension` (default `TEAM`; `null` drops it) with the team `code` as value, or its name when the team
 * has no code. Duplicate dimension/value pairs are kept once.
 */
export function lineDimensions(
  tags: readonly (TagLike | null)[] | null | undefined,
  team: MappableItem['team'],
  options: MapOptions,
): Dimension[] {
  const out: Dimension[] = [];
  const seen = new Set<string>();
  const push = (dimension: Dimension) => {
    const key = `${dimension.dimension}\u0000${dimension.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(dimension);
  };
  for (const tag of tags ?? []) {
    if (tag == null || tag.code === '' || tag.groupCode === '') continue;
    push({ dimension: options.dimensionNames?.[tag.groupCode] ?? tag.groupCode, value: tag.code });
  }
  const teamDimension = options.teamDimension === undefined ? 'TEAM' : options.teamDimension;
  const teamValue = team?.code ?? team?.name;
  if (teamDimension !== null && team != null && teamValue != null && teamValue !== '') {
    push({ dimension: teamDimension, value: teamValue, name: team.name ?? undefined });
  }
  return out;
}
