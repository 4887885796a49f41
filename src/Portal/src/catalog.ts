import { listAll } from "./api";
import { EventType } from "./types";

let cached: Promise<EventType[]> | undefined;

/** The account's event catalog, every page of it (the catalog is small: a few hundred types at most). */
export function loadCatalog(): Promise<EventType[]> {
  cached ??= listAll<EventType>("/v1/event-types", 20).catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

export function byCategory(types: EventType[]): Map<string, EventType[]> {
  const groups = new Map<string, EventType[]>();
  for (const type of [...types].sort((a, b) => a.type.localeCompare(b.type))) {
    const category = type.category ?? "Other";
    groups.set(category, [...(groups.get(category) ?? []), type]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
