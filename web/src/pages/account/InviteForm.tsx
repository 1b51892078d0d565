// An organisation admin invites a colleague: the service answers with a single-use invitation
// token (shown once), which the colleague signs up with.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { membership } from "../../api/clients";
import { Field } from "../../components/Field";
import { checkEmail, type Problem } from "../../forms/validate";
import { useI18n } from "../../i18n/I18nProvider";
import { readableProblem } from "./problems";
import { roleLabel } from "./roles";

export const COLLEAGUE_ROLES = ["organisation_member", "organisation_admin"] as const;
type ColleagueRole = (typeof COLLEAGUE_ROLES)[number];
const isColleagueRole = (value: string): value is ColleagueRole => COLLEAGUE_ROLES.some((r) => r === value);

export function InviteForm({ organisationId }: { organisationId: string }) {
  const { t, formatDate } = useI18n();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ColleagueRole>("organisation_member");
  const [problem, setProblem] = useState<Problem | undefined>();
  const invite = useMutation({
    mutationFn: async () => {
      const { data, error } = await membership.POST("/invitations", {
        body: { email: email.trim(), role, organisation_id: organisationId },
      });
      if (!data) throw new Error(readableProblem(error, t));
      return data;
    },
    onSuccess: () => setEmail(""),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkEmail(email);
    setProblem(found);
    if (!found) invite.mutate();
  }
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t("people.invite")}</h2>
      <form className="form" noValidate onSubmit={submit}>
        {invite.isError && (
          <p role="alert" className="error">
            {invite.error.message}
          </p>
        )}
        <Field label={t("people.inviteEmail")} problem={problem}>
          <input type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label={t("people.inviteRole")}>
          <select value={role} onChange={(e) => isColleagueRole(e.target.value) && setRole(e.target.value)}>
            {COLLEAGUE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`people.role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <p>
          <button type="submit" disabled={invite.isPending}>
            {invite.isPending ? t("form.sending") : t("people.sendInvitation")}
          </button>
        </p>
      </form>
      {invite.isSuccess && (
        <div role="status" className="invitation">
          <p>
            {t("people.invited", {
              email: invite.data.email,
              role: roleLabel(invite.data.role, t),
              date: formatDate(invite.data.expires_at),
            })}
          </p>
          <Field label={t("people.invitationToken")}>
            <input readOnly className="token" value={invite.data.invitation_token} onFocus={(e) => e.target.select()} />
          </Field>
          <Field label={t("people.invitationLink")}>
            <input
              readOnly
              className="token"
              value={`${globalThis.location?.origin ?? ""}/sign-up?${new URLSearchParams({ invitation: invite.data.invitation_token })}`}
              onFocus={(e) => e.target.select()}
            />
          </Field>
          <p className="muted">{t("people.tokenShownOnce")}</p>
        </div>
      )}
    </section>
  );
}
