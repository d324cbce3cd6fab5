/**
 * custom-elements.json as the docs pages should see it:
 * - it lists private (`#data`), protected and static members too; the docs tables and controls
 *   are for people using the elements, so only the public instance API is kept;
 * - the analyzer files a class's JSDoc text under `summary` when the comment starts with
 *   `@summary`, while Storybook shows only `description`; an empty description takes the summary;
 * - Storybook keys args by name across attributes, properties, slots and parts, so a part named
 *   like an attribute (`<review-rating>`'s `value`) would replace the attribute's row and control.
 *   Parts are listed as `::part(value)` instead, which is also how CSS authors write them.
 */
interface Member {
  name: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}

interface Declaration {
  tagName?: string;
  description?: string;
  summary?: string;
  members?: Member[];
  cssParts?: { name: string; [key: string]: unknown }[];
  [key: string]: unknown;
}

interface Manifest {
  modules?: { declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

const isPublic = (m: Member) => !m.name.startsWith('#') && !m.static && (m.privacy ?? 'public') === 'public';

export function publicManifest(manifest: unknown): Manifest {
  const source = manifest as Manifest;
  return {
    ...source,
    modules: source.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((d) => ({
        ...d,
        description: d.description || d.summary || '',
        ...(d.members ? { members: d.members.filter(isPublic) } : {}),
        ...(d.cssParts ? { cssParts: d.cssParts.map((p) => ({ ...p, name: `::part(${p.name})` })) } : {}),
      })),
    })),
  };
}
