// A refusal from a service in the reader's words: its stable `code` translated where this area
// knows it, its `detail` otherwise, and for a schema refusal the fields it names.
import { problemMessage } from "../../api/clients";
import type { MessageKey } from "../../i18n/catalogue";
import { en } from "./messages";

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface FieldIssue {
  field?: unknown;
}
interface ProblemBody {
  code?: unknown;
  errors?: unknown;
}

const isKey = (key: string): key is MessageKey & keyof typeof en => Object.hasOwn(en, key);
const AREA_PREFIXES = ["org", "people", "me", "prefs", "inbox"];

/** The request fields a 422 `validation-failed` names (`body.website` → `website`). */
export function problemFields(error: unknown): string[] {
  const issues = (error as ProblemBody | undefined)?.errors;
  if (!Array.isArray(issues)) return [];
  return issues
    .map((issue) => (issue as FieldIssue).field)
    .filter((field): field is string => typeof field === "string")
    .map((field) => field.split(".").filter((part) => part !== "body" && !/^\d+$/.test(part)).at(-1) ?? field);
}

export function readableProblem(error: unknown, t: Translate): string {
  const code = (error as ProblemBody | undefined)?.code;
  if (typeof code === "string") {
    for (const prefix of AREA_PREFIXES) {
      const key = `${prefix}.problem.${code}`;
      if (isKey(key)) {
        const fields = problemFields(error);
        return fields.length ? `${t(key)} (${fields.map((f) => fieldLabel(f, t)).join(", ")})` : t(key);
      }
    }
  }
  return problemMessage(error);
}

/** A request field named as the profile form labels it, else as the service names it. */
export function fieldLabel(field: string, t: Translate): string {
  const key = `org.field.${field}`;
  return isKey(key) ? t(key) : field;
}
