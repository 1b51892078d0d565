import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { knowledge, problemMessage, unwrap } from "../../api/clients";
import type { QueueSectionProps } from "../../app/area";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { LIBRARY_LANGUAGES, type Resource } from "./vocabulary";

function Submitted({ resource, onDecided }: { resource: Resource; onDecided: (message: string) => void }) {
  const { t, formatDate } = useI18n();
  const [sendingBack, setSendingBack] = useState(false);
  const [comment, setComment] = useState("");
  const title = resource.latest_revision?.title ?? resource.title;
  const path = { params: { path: { resource_id: resource.id } } };
  const decide = useMutation({
    mutationFn: async (decision: "publish" | "send-back") => {
      const { data, error } =
        decision === "publish"
          ? await knowledge.POST("/resources/{resource_id}/publish", path)
          : await knowledge.POST("/resources/{resource_id}/send-back", { ...path, body: { comment: comment.trim() } });
      if (!data) throw new Error(problemMessage(error));
      return decision;
    },
    onSuccess: (decision) => onDecided(t(decision === "publish" ? "moderation.published" : "moderation.sentBack", { title })),
  });
  const headingId = `moderation-${resource.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId} lang={resource.language}>
        {title}
      </h3>
      <p className="muted">
        {t(`library.kind.${resource.kind}`)} · {LIBRARY_LANGUAGES[resource.language]}
        {resource.latest_revision && ` · ${t("moderation.submittedOn", { date: formatDate(resource.latest_revision.written_at) })}`}
      </p>
      <p lang={resource.language}>{resource.summary}</p>
      <p>
        <Link to={`/library/${resource.id}`}>{t("moderation.read", { title })}</Link>
      </p>
      {decide.isError && <p role="alert" className="error">{decide.error.message}</p>}
      {sendingBack ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) decide.mutate("send-back");
          }}
        >
          <label>
            {t("moderation.comment")} <textarea required maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button type="submit" disabled={decide.isPending}>
            {t("moderation.confirmSendBack")}
          </button>{" "}
          <button type="button" onClick={() => setSendingBack(false)}>
            {t("moderation.cancel")}
          </button>
        </form>
      ) : (
        <p>
          <button type="button" disabled={decide.isPending} onClick={() => decide.mutate("publish")}>
            {t("moderation.publish")}
          </button>{" "}
          <button type="button" disabled={decide.isPending} onClick={() => setSendingBack(true)}>
            {t("moderation.sendBack")}
          </button>
        </p>
      )}
    </li>
  );
}

/** The cluster's submitted resources, each published or sent back with a comment in place. */
export function ModerationSection({ announce }: QueueSectionProps) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const queue = useQuery({
    queryKey: ["knowledge", "moderation-queue"],
    queryFn: async () => unwrap(await knowledge.GET("/resources/moderation-queue", { params: { query: { limit: 100 } } })),
  });
  const decided = (message: string) => {
    announce(message);
    void queryClient.invalidateQueries({ queryKey: ["knowledge", "moderation-queue"] });
  };
  return (
    <section aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">{t("moderation.title")}</h2>
      <QueryState query={queue}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("moderation.empty")}</p>
          ) : (
            <ul className="cards">
              {list.map((r) => (
                <Submitted key={r.id} resource={r} onDecided={decided} />
              ))}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
