// Evidence files of an exchange's closing report: the list with downloads, and the visitor's upload
// (PDF, JPEG or PNG up to 10 MB, checked here first; the service checks the content again).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { exchange, problemMessage, unwrap } from "../../api/clients";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { download, evidenceProblem, type Evidence } from "./model";

const evidenceKey = (exchangeId: string) => ["exchange", "evidence", exchangeId];

export function EvidenceList({ exchangeId }: { exchangeId: string }) {
  const { t, formatDate, formatNumber } = useI18n();
  const [failure, setFailure] = useState("");
  const files = useQuery({
    queryKey: evidenceKey(exchangeId),
    staleTime: 0, // others change it: read it afresh each time the page shows it
    queryFn: async () =>
      unwrap(await exchange.GET("/exchanges/{exchange_id}/evidence", { params: { path: { exchange_id: exchangeId } } })),
  });
  const save = (file: Evidence) =>
    download(`/exchanges/${exchangeId}/evidence/${file.id}`, file.filename).catch((err: Error) =>
      setFailure(t("exchange.evidence.downloadFailed", { message: err.message })),
    );
  return (
    <QueryState query={files}>
      {(list) => (
        <>
          {failure && (
            <p role="alert" className="error">
              {failure}
            </p>
          )}
          {list.length === 0 ? (
            <p>{t("exchange.evidence.none")}</p>
          ) : (
            <ul>
              {list.map((file) => (
                <li key={file.id}>
                  <button type="button" className="link" onClick={() => void save(file)}>
                    {t("exchange.evidence.download", { name: file.filename })}
                  </button>{" "}
                  <span className="muted">
                    {t("exchange.evidence.meta", {
                      size: formatNumber(file.size / 1024, { maximumFractionDigits: 1 }),
                      date: formatDate(file.uploaded_at),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </QueryState>
  );
}

export function EvidenceUpload({ exchangeId }: { exchangeId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState("");
  const [done, setDone] = useState("");
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const { data, error } = await exchange.POST("/exchanges/{exchange_id}/evidence", {
        params: { path: { exchange_id: exchangeId }, query: { filename: file.name } },
        // The raw file is the body (not JSON): the service tells its type from its content.
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { "Content-Type": file.type || "application/octet-stream" },
      });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: (file) => {
      setDone(t("exchange.evidence.uploaded", { name: file.filename }));
      if (input.current) input.current.value = "";
      void queryClient.invalidateQueries({ queryKey: evidenceKey(exchangeId) });
    },
    onError: (err) => setProblem(err.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone("");
    const file = input.current?.files?.[0];
    if (!file) return setProblem(t("exchange.evidence.choose"));
    const wrong = evidenceProblem(file);
    if (wrong) return setProblem(t(wrong === "type" ? "exchange.evidence.wrongType" : "exchange.evidence.tooLarge"));
    setProblem("");
    upload.mutate(file);
  };
  return (
    <form className="form card" onSubmit={submit} aria-label={t("exchange.evidence.upload")}>
      <div className="field">
        <label htmlFor={`evidence-${exchangeId}`}>{t("exchange.evidence.file")}</label>
        <input
          id={`evidence-${exchangeId}`}
          ref={input}
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-describedby={`evidence-hint-${exchangeId}`}
          aria-invalid={problem ? true : undefined}
        />
        <p className="muted" id={`evidence-hint-${exchangeId}`}>
          {t("exchange.evidence.hint")}
        </p>
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <p role="status">{done}</p>
      <p>
        <button type="submit" disabled={upload.isPending}>
          {upload.isPending ? t("form.sending") : t("exchange.evidence.upload")}
        </button>
      </p>
    </form>
  );
}
