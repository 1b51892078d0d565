import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { membership, problemMessage, unwrap } from "../api/clients";
import type { components } from "../api/membership";
import { useAuth } from "../auth/AuthProvider";
import { Field } from "../components/Field";
import { QueryState } from "../components/QueryState";
import { checkApplication, hasProblems, type ApplicationForm, type Problems } from "../forms/validate";
import { useI18n } from "../i18n/I18nProvider";
import { CATEGORIES, VALUE_CHAINS, isCategory, isValueChain } from "./options";

type OrganisationCountry = components["schemas"]["OrganisationCreate"]["country"];

const EMPTY: ApplicationForm = {
  legal_name: "",
  category: "sme",
  cluster_id: "",
  country: "",
  registration_number: "",
  city: "",
  value_chains: [],
};

export default function ApplyPage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const clusters = useQuery({
    queryKey: ["membership", "clusters"],
    queryFn: async () => unwrap(await membership.GET("/clusters")),
  });
  const [form, setForm] = useState<ApplicationForm>(EMPTY);
  const [problems, setProblems] = useState<Problems<keyof ApplicationForm>>({});
  const apply = useMutation({
    mutationFn: async (f: ApplicationForm) => {
      if (!isCategory(f.category)) throw new Error(f.category);
      const { data, error } = await membership.POST("/organisations", {
        body: {
          legal_name: f.legal_name.trim(),
          category: f.category,
          cluster_id: f.cluster_id,
          // The form checked the code (checkApplication); the service refuses any other with a 422.
          country: f.country as OrganisationCountry,
          registration_number: f.registration_number.trim(),
          city: f.city.trim() || null,
          value_chains: f.value_chains.filter(isValueChain),
          activities: [],
          certifications: [],
          languages: [],
        },
      });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
  });

  if (!token)
    return (
      <>
        <h1>{t("apply.title")}</h1>
        <p>
          <Link to="/sign-in">{t("apply.signInFirst")}</Link>
        </p>
      </>
    );
  if (apply.isSuccess)
    return (
      <>
        <h1>{t("apply.title")}</h1>
        <p role="status">{t("apply.sent", { name: apply.data.legal_name })}</p>
      </>
    );

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkApplication(form);
    setProblems(found);
    if (!hasProblems(found)) apply.mutate(form);
  }
  const toggleChain = (chain: string) =>
    setForm({
      ...form,
      value_chains: form.value_chains.includes(chain) ? form.value_chains.filter((c) => c !== chain) : [...form.value_chains, chain],
    });

  return (
    <>
      <h1>{t("apply.title")}</h1>
      <p>{t("apply.intro")}</p>
      <QueryState query={clusters}>
        {(list) => (
          <form className="form" noValidate onSubmit={submit}>
            {hasProblems(problems) && <p role="alert" className="error">{t("form.fixErrors")}</p>}
            {apply.isError && <p role="alert" className="error">{apply.error.message}</p>}
            <Field label={t("apply.legalName")} problem={problems.legal_name}>
              <input autoComplete="organization" value={form.legal_name} onChange={(e) => setForm({ ...form, legal_name: e.target.value })} />
            </Field>
            <Field label={t("apply.category")} problem={problems.category}>
              <select value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("apply.cluster")} problem={problems.cluster_id}>
              <select
                value={form.cluster_id}
                onChange={(e) => {
                  const cluster = list.find((c) => c.id === e.target.value);
                  setForm({ ...form, cluster_id: e.target.value, country: form.country || cluster?.country || "" });
                }}
              >
                <option value="">—</option>
                {list.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.short_name})
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("apply.country")} problem={problems.country}>
              <input
                autoComplete="country"
                maxLength={2}
                value={form.country}
                onChange={(e) => setForm({ ...form, country: e.target.value.toUpperCase() })}
              />
            </Field>
            <Field label={t("apply.registrationNumber")} problem={problems.registration_number}>
              <input value={form.registration_number} onChange={(e) => setForm({ ...form, registration_number: e.target.value })} />
            </Field>
            <Field label={t("apply.city")} problem={problems.city}>
              <input autoComplete="address-level2" value={form.city} onChange={(e) => setForm({ ...form, city: e.target.value })} />
            </Field>
            <fieldset aria-describedby={problems.value_chains ? "value-chains-error" : undefined}>
              <legend>{t("apply.valueChains")}</legend>
              {VALUE_CHAINS.map((v) => (
                <label key={v} className="check">
                  <input type="checkbox" checked={form.value_chains.includes(v)} onChange={() => toggleChain(v)} /> {t(`valueChain.${v}`)}
                </label>
              ))}
              {problems.value_chains && (
                <p className="error" id="value-chains-error">
                  {t(problems.value_chains.key)}
                </p>
              )}
            </fieldset>
            <button type="submit" disabled={apply.isPending}>
              {apply.isPending ? t("form.sending") : t("apply.submit")}
            </button>
          </form>
        )}
      </QueryState>
    </>
  );
}
