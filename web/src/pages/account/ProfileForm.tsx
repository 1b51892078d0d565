// The organisation's profile, edited by its own people: only what changed is sent (a PATCH), and
// the service's refusals are shown in words, on the fields they concern.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { membership } from "../../api/clients";
import type { components } from "../../api/membership";
import { Field } from "../../components/Field";
import type { Problem } from "../../forms/validate";
import { useI18n } from "../../i18n/I18nProvider";
import { VALUE_CHAINS, isValueChain } from "../options";
import { problemFields, readableProblem } from "./problems";

type Organisation = components["schemas"]["OrganisationPublic"];
// Partial: fields left out stay as they are (the service reads only the fields sent).
type Update = Partial<components["schemas"]["OrganisationUpdate"]>;
type SizeBand = components["schemas"]["SizeBand"];

const SIZE_BANDS: SizeBand[] = ["micro", "small", "medium", "large"];
export const isSizeBand = (value: string): value is SizeBand => SIZE_BANDS.some((s) => s === value);

interface Form {
  legal_name: string;
  website: string;
  city: string;
  region: string;
  size_band: string;
  latitude: string;
  longitude: string;
  description: string;
  /** Comma-separated, as typed. */
  activities: string;
  certifications: string;
  languages: string;
  value_chains: string[];
}
type TextField = Exclude<keyof Form, "value_chains">;
type Language = NonNullable<components["schemas"]["OrganisationUpdate"]["languages"]>[number];

function formOf(o: Organisation): Form {
  return {
    legal_name: o.legal_name,
    website: o.website ?? "",
    city: o.city ?? "",
    region: o.region ?? "",
    size_band: o.size_band ?? "",
    latitude: o.latitude === null ? "" : String(o.latitude),
    longitude: o.longitude === null ? "" : String(o.longitude),
    description: o.description ?? "",
    activities: o.activities.join(", "),
    certifications: o.certifications.join(", "),
    languages: o.languages.join(", "),
    value_chains: o.value_chains,
  };
}

const items = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const orNull = (text: string) => text.trim() || null;
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text.replace(",", ".")));

/** The fields that changed, in the request's shape (an emptied field is sent as null: removed). */
export function changes(before: Form, after: Form): Update {
  const update: Update = {};
  if (after.legal_name !== before.legal_name) update.legal_name = orNull(after.legal_name);
  if (after.website !== before.website) update.website = orNull(after.website);
  if (after.city !== before.city) update.city = orNull(after.city);
  if (after.region !== before.region) update.region = orNull(after.region);
  if (after.description !== before.description) update.description = orNull(after.description);
  if (after.size_band !== before.size_band) update.size_band = isSizeBand(after.size_band) ? after.size_band : null;
  // Coordinates go together: the service refuses one without the other (coordinates-incomplete).
  if (after.latitude !== before.latitude || after.longitude !== before.longitude) {
    update.latitude = numberOrNull(after.latitude);
    update.longitude = numberOrNull(after.longitude);
  }
  if (after.activities !== before.activities) update.activities = items(after.activities);
  if (after.certifications !== before.certifications) update.certifications = items(after.certifications);
  // Two-letter ISO 639-1 codes; the service names any it does not know (validation-failed).
  if (after.languages !== before.languages) update.languages = items(after.languages.toLowerCase()) as Language[];
  if (after.value_chains.join() !== before.value_chains.join()) update.value_chains = after.value_chains.filter(isValueChain);
  return update;
}

const COORDINATE_CODES = new Set(["coordinates-incomplete"]);

export function ProfileForm({
  organisation,
  onSaved,
  onCancel,
}: {
  organisation: Organisation;
  onSaved: (saved: Organisation) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const initial = formOf(organisation);
  const [form, setForm] = useState<Form>(initial);
  const [marked, setMarked] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: async (update: Update) => {
      const { data, error } = await membership.PATCH("/organisations/{organisation_id}", {
        params: { path: { organisation_id: organisation.id } },
        // The generated type lists the list fields as required (they have defaults); leaving them
        // out is what keeps them, so the partial update is sent as it is.
        body: update as components["schemas"]["OrganisationUpdate"],
      });
      if (!data) {
        const code = (error as { code?: string } | undefined)?.code;
        setMarked(code && COORDINATE_CODES.has(code) ? ["latitude", "longitude"] : problemFields(error));
        throw new Error(readableProblem(error, t));
      }
      return data;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(["membership", "organisation", saved.id], saved);
      onSaved(saved);
    },
  });
  const problem = (field: TextField): Problem | undefined =>
    marked.includes(field) ? { key: "org.fieldRefused" } : undefined;
  const text = (field: TextField, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label} problem={problem(field)}>
      <input {...props} value={form[field]} onChange={(e) => setForm({ ...form, [field]: e.target.value })} />
    </Field>
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    setMarked([]);
    const update = changes(initial, form);
    if (Object.keys(update).length === 0) onCancel();
    else save.mutate(update);
  }
  const toggleChain = (chain: string) =>
    setForm({
      ...form,
      value_chains: form.value_chains.includes(chain) ? form.value_chains.filter((c) => c !== chain) : [...form.value_chains, chain],
    });
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="profile-form-heading">
      <h3 id="profile-form-heading">{t("org.editProfile")}</h3>
      {save.isError && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      {text("legal_name", t("org.field.legal_name"), { autoComplete: "organization", maxLength: 200 })}
      {text("website", t("org.field.website"), { type: "url", autoComplete: "url", maxLength: 300 })}
      {text("city", t("org.field.city"), { autoComplete: "address-level2", maxLength: 100 })}
      {text("region", t("org.field.region"), { maxLength: 100 })}
      <Field label={t("org.field.size_band")} problem={problem("size_band")}>
        <select value={form.size_band} onChange={(e) => setForm({ ...form, size_band: e.target.value })}>
          <option value="">—</option>
          {SIZE_BANDS.map((band) => (
            <option key={band} value={band}>
              {t(`org.size.${band}`)}
            </option>
          ))}
        </select>
      </Field>
      {text("latitude", t("org.field.latitude"), { inputMode: "decimal" })}
      {text("longitude", t("org.field.longitude"), { inputMode: "decimal" })}
      <Field label={t("org.field.description")} problem={problem("description")}>
        <textarea rows={4} maxLength={4000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      </Field>
      {text("activities", `${t("org.field.activities")} (${t("org.hint.list")})`)}
      {text("certifications", `${t("org.field.certifications")} (${t("org.hint.list")})`)}
      {text("languages", `${t("org.field.languages")} (${t("org.hint.languages")})`)}
      <fieldset>
        <legend>{t("org.field.value_chains")}</legend>
        {VALUE_CHAINS.map((v) => (
          <label key={v} className="check">
            <input type="checkbox" checked={form.value_chains.includes(v)} onChange={() => toggleChain(v)} /> {t(`valueChain.${v}`)}
          </label>
        ))}
      </fieldset>
      <p>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t("form.sending") : t("org.save")}
        </button>{" "}
        <button type="button" onClick={onCancel}>
          {t("org.cancel")}
        </button>
      </p>
    </form>
  );
}
