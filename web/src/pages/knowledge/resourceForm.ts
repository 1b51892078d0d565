// The resource a member writes, as the form holds it, its checks (mirroring the API's limits) and
// what the API is sent.
import type { components } from "../../api/knowledge";
import { hasProblems, type Problem, type Problems } from "../../forms/validate";
import { splitList, type Kind, type LibraryLanguage } from "./vocabulary";

export interface ResourceForm {
  title: string;
  summary: string;
  body: string;
  kind: Kind;
  language: LibraryLanguage;
  tags: string;
  value_chains: string[];
  regions: string;
  links: string;
}

export const EMPTY_RESOURCE: ResourceForm = {
  title: "",
  summary: "",
  body: "",
  kind: "guide",
  language: "en",
  tags: "",
  value_chains: [],
  regions: "",
  links: "",
};

const LIMITS = { title: 200, summary: 2000, body: 100_000 } as const;
const LIST_ITEM = 60;
const LINK = /^https?:\/\/\S+$/i;

function required(value: string, max: number): Problem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return { key: "form.required" };
  return trimmed.length > max ? { key: "form.tooLong", values: { max } } : undefined;
}

export function checkResource(form: ResourceForm): Problems<keyof ResourceForm> {
  const problems: Problems<keyof ResourceForm> = {};
  for (const field of ["title", "summary", "body"] as const) {
    const problem = required(form[field], LIMITS[field]);
    if (problem) problems[field] = problem;
  }
  for (const field of ["tags", "regions"] as const) {
    if (splitList(form[field]).some((item) => item.length > LIST_ITEM)) problems[field] = { key: "form.tooLong", values: { max: LIST_ITEM } };
  }
  if (splitList(form.links, /\s+/).some((link) => !LINK.test(link))) problems.links = { key: "resource.form.linkInvalid" };
  return problems;
}

export { hasProblems };

export function contentOf(form: ResourceForm): components["schemas"]["ContentBody"] {
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    body: form.body,
    tags: splitList(form.tags),
    value_chains: form.value_chains,
    regions: splitList(form.regions),
    links: splitList(form.links, /\s+/),
  };
}

export function formOf(revision: components["schemas"]["RevisionPublic"], kind: Kind, language: LibraryLanguage): ResourceForm {
  return {
    title: revision.title,
    summary: revision.summary,
    body: revision.body,
    kind,
    language,
    tags: revision.tags.join(", "),
    value_chains: revision.value_chains,
    regions: revision.regions.join(", "),
    links: revision.links.join("\n"),
  };
}
