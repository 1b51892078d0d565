import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { knowledge, problemMessage, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import type { Problems } from "../../forms/validate";
import { useI18n } from "../../i18n/I18nProvider";
import { VALUE_CHAINS } from "../options";
import { checkResource, contentOf, EMPTY_RESOURCE, formOf, hasProblems, type ResourceForm } from "./resourceForm";
import { authorOrganisation, isKind, isLibraryLanguage, KINDS, LIBRARY_LANGUAGES } from "./vocabulary";

/** A new resource, a new revision of one (`resourceId`), or its translation (`translating`). */
function Editor({
  initial,
  resourceId,
  translating = false,
  organisationId,
}: {
  initial: ResourceForm;
  resourceId?: string;
  translating?: boolean;
  organisationId: string;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<Problems<keyof ResourceForm>>({});
  const save = useMutation({
    mutationFn: async (f: ResourceForm) => {
      const path = { params: { path: { resource_id: resourceId! } } };
      const { data, error } = translating
        ? await knowledge.POST("/resources/{resource_id}/translations", { ...path, body: { ...contentOf(f), language: f.language } })
        : resourceId
        ? await knowledge.PUT("/resources/{resource_id}", { params: { path: { resource_id: resourceId } }, body: contentOf(f) })
        : await knowledge.POST("/resources", {
            body: { ...contentOf(f), kind: f.kind, language: f.language, author_organisation_id: organisationId },
          });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["knowledge"] });
      await navigate("/library/mine", { state: { saved: saved.title } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkResource(form);
    setProblems(found);
    if (!hasProblems(found)) save.mutate(form);
  };
  const set = (field: keyof ResourceForm) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const toggleChain = (chain: string) =>
    setForm({
      ...form,
      value_chains: form.value_chains.includes(chain) ? form.value_chains.filter((c) => c !== chain) : [...form.value_chains, chain],
    });
  return (
    <form className="form wide" noValidate onSubmit={submit}>
      {hasProblems(problems) && <p role="alert" className="error">{t("form.fixErrors")}</p>}
      {save.isError && <p role="alert" className="error">{save.error.message}</p>}
      <Field label={t("resource.form.title")} problem={problems.title}>
        <input value={form.title} maxLength={200} onChange={set("title")} />
      </Field>
      <Field label={t("resource.form.summary")} problem={problems.summary}>
        <textarea rows={3} value={form.summary} maxLength={2000} onChange={set("summary")} />
      </Field>
      <Field label={t("resource.form.body")} problem={problems.body}>
        <textarea rows={14} value={form.body} onChange={set("body")} />
      </Field>
      <p className="muted">{t("resource.form.bodyHelp")}</p>
      <Field label={t("resource.form.kind")}>
        <select value={form.kind} disabled={Boolean(resourceId)} onChange={(e) => isKind(e.target.value) && setForm({ ...form, kind: e.target.value })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`library.kind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("resource.form.language")}>
        <select
          value={form.language}
          disabled={Boolean(resourceId) && !translating}
          onChange={(e) => isLibraryLanguage(e.target.value) && setForm({ ...form, language: e.target.value })}
        >
          {Object.entries(LIBRARY_LANGUAGES).map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("resource.form.tags")} problem={problems.tags}>
        <input value={form.tags} onChange={set("tags")} />
      </Field>
      <fieldset>
        <legend>{t("resource.valueChains")}</legend>
        {VALUE_CHAINS.map((v) => (
          <label key={v} className="check">
            <input type="checkbox" checked={form.value_chains.includes(v)} onChange={() => toggleChain(v)} /> {t(`valueChain.${v}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t("resource.form.regions")} problem={problems.regions}>
        <input value={form.regions} onChange={set("regions")} />
      </Field>
      <Field label={t("resource.form.links")} problem={problems.links}>
        <textarea rows={3} value={form.links} onChange={set("links")} />
      </Field>
      <p>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t("form.sending") : t("resource.form.save")}
        </button>{" "}
        <Link to="/library/mine">{t("resource.form.cancel")}</Link>
      </p>
    </form>
  );
}

/** The latest revision's content, to edit from (the published one may be older or newer). */
function useLatest(resourceId: string | undefined) {
  return useQuery({
    queryKey: ["knowledge", "editing", resourceId],
    enabled: Boolean(resourceId),
    queryFn: async () => {
      const path = { resource_id: resourceId! };
      const resource = unwrap(await knowledge.GET("/resources/{resource_id}", { params: { path } }));
      const number = resource.latest_revision?.number ?? resource.revision;
      const revision = unwrap(await knowledge.GET("/resources/{resource_id}/revisions/{number}", { params: { path: { ...path, number } } }));
      return formOf(revision, resource.kind, resource.language);
    },
  });
}

export default function ResourceEditorPage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const { id } = useParams();
  const translating = useLocation().pathname.endsWith("/translate");
  const organisationId = authorOrganisation(token);
  const latest = useLatest(id);
  const heading = translating ? "resource.form.translateTitle" : id ? "resource.form.editTitle" : "resource.form.newTitle";
  const title = <h1>{t(heading)}</h1>;
  if (!organisationId)
    return (
      <>
        {title}
        <p>{t("library.mine.membersOnly")}</p>
      </>
    );
  return (
    <>
      {title}
      {id ? (
        <QueryState query={latest}>
          {(form) => <Editor initial={form} resourceId={id} translating={translating} organisationId={organisationId} />}
        </QueryState>
      ) : (
        <Editor initial={EMPTY_RESOURCE} organisationId={organisationId} />
      )}
    </>
  );
}
