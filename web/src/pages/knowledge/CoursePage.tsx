import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { knowledge, unwrap } from "../../api/clients";
import type { components } from "../../api/knowledge";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { EnrolButton, type Enrolment } from "./EnrolButton";
import { LIBRARY_LANGUAGES } from "./vocabulary";

type Session = components["schemas"]["SessionPublic"];

function SessionItem({ session, enrolment }: { session: Session; enrolment: Enrolment | undefined }) {
  const { t, formatDate, formatNumber } = useI18n();
  const headingId = `session-${session.session_id}`;
  const first = session.meetings[0];
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`training.mode.${session.mode}`)}
        {session.place && `: ${session.place}`}
        {first && ` · ${t("training.startsOn", { date: formatDate(first) })}`}
      </h3>
      <p>
        {t("training.meetings", { count: formatNumber(session.meetings.length) })}: {session.meetings.map((m) => formatDate(m)).join(", ")}
      </p>
      <p>
        <strong>{t("training.seatsLeft", { left: formatNumber(session.seats_left), capacity: formatNumber(session.capacity) })}</strong>
        {" · "}
        {t("training.cancelBefore", { date: formatDate(session.cancellation_deadline) })}
      </p>
      <EnrolButton session={session} enrolment={enrolment} />
    </li>
  );
}

export default function CoursePage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const { id = "" } = useParams();
  const course = useQuery({
    queryKey: ["knowledge", "course", id],
    queryFn: async () => unwrap(await knowledge.GET("/training/courses/{course_id}", { params: { path: { course_id: id } } })),
  });
  const mine = useQuery({
    queryKey: ["knowledge", "enrolments", "mine", token?.subject],
    enabled: Boolean(token),
    queryFn: async () => unwrap(await knowledge.GET("/training/enrolments/mine")),
  });
  const enrolmentIn = (sessionId: string) =>
    mine.data?.filter((e) => e.session_id === sessionId).sort((a, b) => (a.status === "cancelled" ? 1 : 0) - (b.status === "cancelled" ? 1 : 0))[0];
  return (
    <QueryState query={course}>
      {(c) => (
        <>
          <p>
            <Link to="/training">{t("training.back")}</Link>
          </p>
          <h1 lang={c.language}>{c.title}</h1>
          <p className="muted">
            {t(`training.skill.${c.skill_area}`)} · {t(`training.audience.${c.audience}`)} · {LIBRARY_LANGUAGES[c.language]}
          </p>
          <h2>{t("training.outcomes")}</h2>
          <ul lang={c.language}>
            {c.learning_outcomes.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
          <h2>{t("training.modules")}</h2>
          <ol lang={c.language}>
            {c.modules.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ol>
          <p>
            {t("training.completionRule", { percent: c.completion_rule.min_attendance_percent })}
            {c.completion_rule.assessment_required && ` ${t("training.assessmentRequired")}`}
          </p>
          <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t("training.sessions")}</h2>
            {c.sessions.length === 0 ? (
              <p>{t("training.noSessions")}</p>
            ) : (
              <ul className="cards">
                {c.sessions.map((s) => (
                  <SessionItem key={s.session_id} session={s} enrolment={enrolmentIn(s.session_id)} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </QueryState>
  );
}
