// The library search as URL query parameters, so a search is a link that can be shared and the
// browser's back button returns to the previous one. Unknown or malformed values are dropped.
import { isKind, isLibraryLanguage, type Kind, type LibraryLanguage } from "./vocabulary";

export const PAGE_SIZE = 10;
// The API refuses offsets past 1000 (narrow with a filter instead), so no page link goes further.
export const MAX_OFFSET = 1000;
const MAX_TEXT = 200;

export interface LibrarySearch {
  q?: string;
  language?: LibraryLanguage;
  kind?: Kind;
  value_chain?: string;
  region?: string;
  tag?: string;
  author_organisation_id?: string;
  offset: number;
}

export const FILTERS = ["kind", "language", "value_chain", "region", "tag", "author_organisation_id"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type Filter = (typeof FILTERS)[number];

function text(params: URLSearchParams, name: string, max = 60): string | undefined {
  const value = params.get(name)?.trim();
  return value ? value.slice(0, max) : undefined;
}

export function readSearch(params: URLSearchParams): LibrarySearch {
  const language = params.get("language");
  const kind = params.get("kind");
  const offset = Number.parseInt(params.get("offset") ?? "0", 10);
  return {
    q: text(params, "q", MAX_TEXT),
    language: isLibraryLanguage(language) ? language : undefined,
    kind: isKind(kind) ? kind : undefined,
    value_chain: text(params, "value_chain"),
    region: text(params, "region"),
    tag: text(params, "tag"),
    author_organisation_id: UUID.test(params.get("author_organisation_id") ?? "") ? params.get("author_organisation_id")! : undefined,
    offset: Number.isFinite(offset) ? Math.min(Math.max(0, offset - (offset % PAGE_SIZE)), MAX_OFFSET) : 0,
  };
}

/** The parameters of a search, empty ones left out (a short, readable link). */
export function writeSearch(search: LibrarySearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["q", ...FILTERS] as const) {
    const value = search[name];
    if (value) params.set(name, value);
  }
  if (search.offset > 0) params.set("offset", String(search.offset));
  return params;
}
