import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { knowledge, problemMessage, unwrap } from "../../api/clients";
import type { components } from "../../api/knowledge";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { downloadCertificate } from "./certificatePdf";
import type { Enrolment } from "./EnrolButton";

type Course = components["schemas"]["CourseDetail"];
type Certificate = components["schemas"]["CertificatePublic"];

function EnrolmentItem({ enrolment, course, announce }: { enrolment: Enrolment; course: Course | undefined; announce: (m: string) => void }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const session = course?.sessions.find((s) => s.session_id === enrolment.session_id);
  const title = course?.title ?? t("training.mine.aCourse");
  const cancellable = enrolment.status !== "cancelled" && session !== undefined && new Date(session.cancellation_deadline) > new Date();
  const cancel = useMutation({
    mutationFn: async () => {
      const { data, error } = await knowledge.POST("/training/enrolments/{enrolment_id}/cancellation", {
        params: { path: { enrolment_id: enrolment.enrolment_id } },
      });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: () => {
      announce(t("training.mine.cancelled", { title }));
      void queryClient.invalidateQueries({ queryKey: ["knowledge"] });
    },
  });
  const standing =
    enrolment.status === "waitlisted" && enrolment.waitlist_position
      ? t("training.status.waitlistedAt", { position: enrolment.waitlist_position })
      : t(`training.status.${enrolment.status}`);
  return (
    <li className="card">
      <h3>
        <Link to={`/training/${enrolment.course_id}`}>{title}</Link>
      </h3>
      <p>
        {standing}
        {session?.meetings[0] && ` · ${t("training.startsOn", { date: formatDate(session.meetings[0]) })}`}
        {session && enrolment.status !== "cancelled" && ` · ${t("training.cancelBefore", { date: formatDate(session.cancellation_deadline) })}`}
      </p>
      {cancel.isError && <p role="alert" className="error">{cancel.error.message}</p>}
      {cancellable && (
        <button type="button" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
          {t("training.mine.cancel")}
        </button>
      )}
    </li>
  );
}

function CertificateItem({ certificate }: { certificate: Certificate }) {
  const { t, formatDate } = useI18n();
  const download = useMutation({ mutationFn: () => downloadCertificate(certificate.certificate_id, certificate.verification_code) });
  return (
    <li className="card">
      <h3>{certificate.course_title}</h3>
      <p>
        {t("training.mine.completedOn", { date: formatDate(certificate.completed_on) })} · {t(`certificates.status.${certificate.status}`)}
      </p>
      <p>
        {t("certificates.code")}: <code>{certificate.verification_code}</code> ·{" "}
        <Link to={`/certificates/verify/${certificate.verification_code}`}>{t("training.mine.verifyLink")}</Link>
      </p>
      {download.isError && <p role="alert" className="error">{download.error.message}</p>}
      <button type="button" disabled={download.isPending} onClick={() => download.mutate()}>
        {t("training.mine.downloadPdf", { title: certificate.course_title })}
      </button>
    </li>
  );
}

export default function MyTrainingPage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const [announcement, setAnnouncement] = useState("");
  const enrolments = useQuery({
    queryKey: ["knowledge", "enrolments", "mine", token?.subject],
    enabled: Boolean(token),
    queryFn: async () => unwrap(await knowledge.GET("/training/enrolments/mine")),
  });
  const certificates = useQuery({
    queryKey: ["knowledge", "certificates", "mine", token?.subject],
    enabled: Boolean(token),
    queryFn: async () => unwrap(await knowledge.GET("/training/certificates/mine")),
  });
  // Each course once, for its title and its sessions' dates and cancellation deadlines.
  const courseIds = [...new Set(enrolments.data?.map((e) => e.course_id) ?? [])];
  const courses = useQueries({
    queries: courseIds.map((id) => ({
      queryKey: ["knowledge", "course", id],
      queryFn: async () => unwrap(await knowledge.GET("/training/courses/{course_id}", { params: { path: { course_id: id } } })),
    })),
  });
  const courseOf = (id: string) => courses.find((q) => q.data?.course_id === id)?.data;
  if (!token)
    return (
      <>
        <h1>{t("training.mine.title")}</h1>
        <p>
          <Link to="/sign-in">{t("training.signInToEnrol")}</Link>
        </p>
      </>
    );
  return (
    <>
      <h1>{t("training.mine.title")}</h1>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <section aria-labelledby="enrolments-heading">
        <h2 id="enrolments-heading">{t("training.mine.enrolments")}</h2>
        <QueryState query={enrolments}>
          {(list) =>
            list.length === 0 ? (
              <p>
                {t("training.mine.noEnrolments")} <Link to="/training">{t("training.title")}</Link>
              </p>
            ) : (
              <ul className="cards">
                {list.map((e) => (
                  <EnrolmentItem key={e.enrolment_id} enrolment={e} course={courseOf(e.course_id)} announce={setAnnouncement} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="certificates-heading">
        <h2 id="certificates-heading">{t("training.mine.certificates")}</h2>
        <QueryState query={certificates}>
          {(list) =>
            list.length === 0 ? (
              <p>{t("training.mine.noCertificates")}</p>
            ) : (
              <ul className="cards">
                {list.map((c) => (
                  <CertificateItem key={c.certificate_id} certificate={c} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
