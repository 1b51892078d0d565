// The organisation's people; its admins move colleagues between the two organisation roles and
// remove them (after a confirmation). The service keeps the last admin (last-organisation-admin).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { membership, unwrap } from "../../api/clients";
import type { components } from "../../api/membership";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { readableProblem } from "./problems";
import { roleLabel } from "./roles";

type Person = components["schemas"]["PersonPublic"];

function Colleague({
  person,
  organisationId,
  manages,
  self,
  onDone,
}: {
  person: Person;
  organisationId: string;
  manages: boolean;
  self: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const name = person.display_name ?? person.email ?? t("people.unnamed");
  const otherRole = person.role === "organisation_admin" ? "organisation_member" : "organisation_admin";
  const change = useMutation({
    mutationFn: async (action: "role" | "remove") => {
      const path = { params: { path: { person_id: person.id } } };
      const { data, error } =
        action === "role"
          ? await membership.PUT("/people/{person_id}/role", { ...path, body: { role: otherRole, organisation_id: organisationId } })
          : await membership.DELETE("/people/{person_id}/role", path);
      if (!data) throw new Error(readableProblem(error, t));
      return action;
    },
    onSuccess: (action) =>
      onDone(action === "role" ? t("people.roleChanged", { name, role: roleLabel(otherRole, t) }) : t("people.removed", { name })),
  });
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{person.email}</td>
      <td>{roleLabel(person.role, t)}</td>
      {manages && (
        <td>
          {change.isError && (
            <p role="alert" className="error">
              {change.error.message}
            </p>
          )}
          {self ? null : confirming ? (
            <>
              {t("people.confirmRemove", { name })}{" "}
              <button type="button" disabled={change.isPending} onClick={() => change.mutate("remove")}>
                {t("people.yesRemove")}
              </button>{" "}
              <button type="button" onClick={() => setConfirming(false)}>
                {t("org.cancel")}
              </button>
            </>
          ) : (
            <>
              <button type="button" disabled={change.isPending} onClick={() => change.mutate("role")}>
                {t(otherRole === "organisation_admin" ? "people.makeAdmin" : "people.makeMember")}
                <span className="visually-hidden">: {name}</span>
              </button>{" "}
              <button type="button" disabled={change.isPending} onClick={() => setConfirming(true)}>
                {t("people.remove")}
                <span className="visually-hidden">: {name}</span>
              </button>
            </>
          )}
        </td>
      )}
    </tr>
  );
}

export function PeopleSection({ organisationId, manages, me }: { organisationId: string; manages: boolean; me: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  const key = ["membership", "organisation", organisationId, "people"];
  const people = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(await membership.GET("/organisations/{organisation_id}/people", { params: { path: { organisation_id: organisationId } } })),
  });
  const done = (message: string) => {
    setAnnouncement(message);
    void queryClient.invalidateQueries({ queryKey: key });
  };
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t("people.title")}</h2>
      <p role="status" className="announcement">
        {announcement}
      </p>
      <QueryState query={people}>
        {(list) => (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">{t("people.name")}</th>
                <th scope="col">{t("people.email")}</th>
                <th scope="col">{t("people.role")}</th>
                {manages && <th scope="col">{t("people.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((person) => (
                <Colleague
                  key={person.id}
                  person={person}
                  organisationId={organisationId}
                  manages={manages}
                  self={person.id === me}
                  onDone={done}
                />
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
