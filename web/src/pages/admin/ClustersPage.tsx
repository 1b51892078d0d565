import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { membership, problemMessage, unwrap } from "../../api/clients";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import { hasProblems, type Problems } from "../../forms/validate";
import { useI18n } from "../../i18n/I18nProvider";
import type { MessageKey } from "../../i18n/catalogue";
import { Restricted, isAdmin } from "./access";
import { EMPTY_CLUSTER, checkCluster, clusterBody, type ClusterForm } from "./clusterForm";

const FIELDS: { key: keyof ClusterForm; label: MessageKey; inputMode?: "decimal" }[] = [
  { key: "name", label: "clusters.name" },
  { key: "short_name", label: "clusters.shortName" },
  { key: "country", label: "clusters.country" },
  { key: "home_region", label: "clusters.homeRegion" },
  { key: "city", label: "clusters.city" },
  { key: "latitude", label: "clusters.latitude", inputMode: "decimal" },
  { key: "longitude", label: "clusters.longitude", inputMode: "decimal" },
];

export default function ClustersPage() {
  const { t, language, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ClusterForm>(EMPTY_CLUSTER);
  const [problems, setProblems] = useState<Problems<keyof ClusterForm>>({});
  const [announcement, setAnnouncement] = useState("");
  const clusters = useQuery({
    queryKey: ["membership", "clusters"],
    queryFn: async () => unwrap(await membership.GET("/clusters")),
  });
  const add = useMutation({
    mutationFn: async (f: ClusterForm) => {
      const { data, error } = await membership.POST("/clusters", { body: clusterBody(f) });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: (cluster) => {
      setForm(EMPTY_CLUSTER);
      setAnnouncement(t("clusters.added", { name: cluster.name }));
      void queryClient.invalidateQueries({ queryKey: ["membership", "clusters"] });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkCluster(form);
    setProblems(found);
    if (!hasProblems(found)) add.mutate(form);
  }
  const countries = new Intl.DisplayNames([language], { type: "region" });
  return (
    <Restricted title="clusters.title" allowed={isAdmin} notice="admin.onlyAdministrators">
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="clusters-heading">
        <h2 id="clusters-heading">{t("clusters.list")}</h2>
        <QueryState query={clusters}>
          {(list) => (
            <table className="list">
              <caption className="visually-hidden">{t("clusters.list")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("clusters.name")}</th>
                  <th scope="col">{t("clusters.shortName")}</th>
                  <th scope="col">{t("clusters.country")}</th>
                  <th scope="col">{t("clusters.homeRegion")}</th>
                  <th scope="col">{t("clusters.city")}</th>
                  <th scope="col">{t("clusters.position")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">{c.name}</th>
                    <td>{c.short_name}</td>
                    <td>{countries.of(c.country)}</td>
                    <td>{c.home_region}</td>
                    <td>{c.city}</td>
                    <td>
                      {formatNumber(c.latitude)}, {formatNumber(c.longitude)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="new-cluster-heading">
        <h2 id="new-cluster-heading">{t("clusters.new")}</h2>
        <form className="form" noValidate onSubmit={submit}>
          {hasProblems(problems) && (
            <p role="alert" className="error">
              {t("form.fixErrors")}
            </p>
          )}
          {add.isError && (
            <p role="alert" className="error">
              {add.error.message}
            </p>
          )}
          {FIELDS.map(({ key, label, inputMode }) => (
            <Field key={key} label={t(label)} problem={problems[key]}>
              <input
                inputMode={inputMode}
                maxLength={key === "country" ? 2 : undefined}
                value={form[key]}
                onChange={(e) => setForm({ ...form, [key]: key === "country" ? e.target.value.toUpperCase() : e.target.value })}
              />
            </Field>
          ))}
          <button type="submit" disabled={add.isPending}>
            {add.isPending ? t("form.sending") : t("clusters.add")}
          </button>
        </form>
      </section>
    </Restricted>
  );
}
