import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { exchange, membership, problemMessage, unwrap } from "../../api/clients";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { currentProgramme } from "../homeQueries";
import { Restricted, managesOrAdministers } from "./access";
import { fileSlug, saveBlob } from "./download";

function DownloadButton({ label, download }: { label: string; download: () => Promise<string> }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState("");
  const run = useMutation({ mutationFn: download, onSuccess: (filename) => setSaved(t("exports.saved", { filename })) });
  return (
    <>
      <p>
        <button type="button" disabled={run.isPending} onClick={() => run.mutate()}>
          {run.isPending ? t("exports.preparing") : label}
        </button>
      </p>
      <p role="status">{saved}</p>
      {run.isError && (
        <p role="alert" className="error">
          {run.error.message}
        </p>
      )}
    </>
  );
}

export default function ExportsPage() {
  const { t, formatDate } = useI18n();
  const programmes = useQuery({
    queryKey: ["exchange", "programmes"],
    queryFn: async () => unwrap(await exchange.GET("/programmes")),
  });
  const [chosen, setChosen] = useState("");
  const today = new Date().toISOString().slice(0, 10);

  async function organisations(): Promise<string> {
    const { data, error } = await membership.GET("/map/organisations.csv", { parseAs: "blob" });
    if (!data) throw new Error(problemMessage(error));
    const filename = `cloth-organisations-${today}.csv`;
    saveBlob(data, filename);
    return filename;
  }
  const exchanges = (programmeId: string, name: string) => async (): Promise<string> => {
    const { data, error } = await exchange.GET("/programmes/{programme_id}/exchanges.csv", {
      params: { path: { programme_id: programmeId } },
      parseAs: "blob",
    });
    if (!data) throw new Error(problemMessage(error));
    const filename = `cloth-exchanges-${fileSlug(name)}-${today}.csv`;
    saveBlob(data, filename);
    return filename;
  };

  return (
    <Restricted title="exports.title" allowed={managesOrAdministers} notice="exports.managersOnly">
      <p>{t("exports.intro")}</p>
      <section aria-labelledby="organisations-export-heading">
        <h2 id="organisations-export-heading">{t("exports.organisations")}</h2>
        <p className="muted">{t("exports.organisationsHelp")}</p>
        <DownloadButton label={t("exports.downloadOrganisations")} download={organisations} />
      </section>
      <section aria-labelledby="exchanges-export-heading">
        <h2 id="exchanges-export-heading">{t("exports.exchanges")}</h2>
        <p className="muted">{t("exports.exchangesHelp")}</p>
        <QueryState query={programmes}>
          {(list) => {
            if (list.length === 0) return <p>{t("exports.noProgramme")}</p>;
            const programme = list.find((p) => p.id === chosen) ?? currentProgramme(list)!;
            return (
              <>
                <Field label={t("exports.programme")}>
                  <select value={programme.id} onChange={(e) => setChosen(e.target.value)}>
                    {list.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} ({formatDate(p.created_at)})
                      </option>
                    ))}
                  </select>
                </Field>
                <DownloadButton
                  key={programme.id}
                  label={t("exports.downloadExchanges")}
                  download={exchanges(programme.id, programme.name)}
                />
              </>
            );
          }}
        </QueryState>
      </section>
    </Restricted>
  );
}
