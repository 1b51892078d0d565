import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { knowledge, problemMessage } from "../../api/clients";
import type { components } from "../../api/knowledge";
import { useAuth } from "../../auth/AuthProvider";
import { useI18n } from "../../i18n/I18nProvider";

type Session = components["schemas"]["SessionPublic"];
export type Enrolment = components["schemas"]["EnrolmentPublic"];

/**
 * What the person may do about one session: sign in, take a seat, join the waiting list once it
 * is full; or where they stand once enrolled (a seat, or their place in the waiting list).
 */
export function EnrolButton({ session, enrolment }: { session: Session; enrolment: Enrolment | undefined }) {
  const { t } = useI18n();
  const { token } = useAuth();
  const queryClient = useQueryClient();
  const enrol = useMutation({
    mutationFn: async () => {
      const { data, error } = await knowledge.POST("/training/sessions/{session_id}/enrolments", {
        params: { path: { session_id: session.session_id } },
      });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["knowledge"] }),
  });
  const standing = enrol.data ?? (enrolment?.status === "cancelled" ? undefined : enrolment);
  if (!token)
    return (
      <p>
        <Link to="/sign-in">{t("training.signInToEnrol")}</Link>
      </p>
    );
  return (
    <div className="enrol">
      <p role="status">
        {standing?.status === "confirmed" && t("training.enrolled")}
        {standing?.status === "waitlisted" &&
          (standing.waitlist_position ? t("training.waitlistedAt", { position: standing.waitlist_position }) : t("training.waitlisted"))}
      </p>
      {enrol.isError && (
        <p role="alert" className="error">
          {enrol.error.message}
        </p>
      )}
      {!standing && (
        <button type="button" disabled={enrol.isPending} onClick={() => enrol.mutate()}>
          {session.seats_left > 0 ? t("training.enrol") : t("training.joinWaitlist")}
        </button>
      )}
    </div>
  );
}
