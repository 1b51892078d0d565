// The person's organisation: its profile (editable by its people), its people and, for its
// admins, inviting colleagues and changing their roles.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { membership, unwrap } from "../../api/clients";
import type { components } from "../../api/membership";
import { useAuth } from "../../auth/AuthProvider";
import { session, type Token } from "../../auth/session";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { InviteForm } from "./InviteForm";
import { meKey } from "./me";
import { PeopleSection } from "./PeopleSection";
import { ProfileForm, isSizeBand } from "./ProfileForm";
import { isValueChain } from "../options";
import { SignInFirst } from "./SignInFirst";

type Organisation = components["schemas"]["OrganisationPublic"];

function Profile({ organisation, onEdit }: { organisation: Organisation; onEdit: () => void }) {
  const { t, formatDate, language } = useI18n();
  const countries = new Intl.DisplayNames([language], { type: "region" });
  const rows: [string, string | null][] = [
    [t("org.status"), t(`org.statusOf.${organisation.status}`)],
    [t("org.category"), t(`category.${organisation.category}`)],
    [t("org.country"), countries.of(organisation.country) ?? organisation.country],
    [t("org.field.region"), organisation.region],
    [t("org.field.city"), organisation.city],
    [t("org.registrationNumber"), organisation.registration_number],
    [t("org.field.website"), organisation.website],
    [t("org.field.size_band"), organisation.size_band && (isSizeBand(organisation.size_band) ? t(`org.size.${organisation.size_band}`) : organisation.size_band)],
    [t("org.field.activities"), organisation.activities.join(", ")],
    [t("org.field.certifications"), organisation.certifications.join(", ")],
    [t("org.field.languages"), organisation.languages.join(", ")],
    [t("org.field.value_chains"), organisation.value_chains.filter(isValueChain).map((v) => t(`valueChain.${v}`)).join(", ")],
    [
      t("org.coordinates"),
      organisation.latitude !== null && organisation.longitude !== null ? `${organisation.latitude}, ${organisation.longitude}` : null,
    ],
    [t("org.field.description"), organisation.description],
    [t("org.appliedOn"), formatDate(organisation.applied_at)],
  ];
  return (
    <>
      <dl className="profile">
        {rows
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <button type="button" onClick={onEdit}>
        {t("org.editProfile")}
      </button>
    </>
  );
}

function OrganisationOf({ token }: { token: Token }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const me = useQuery({
    queryKey: meKey(token.subject),
    queryFn: async () => unwrap(await membership.GET("/people/me")),
  });
  // Someone who applied since signing in holds a token without the organisation: the next token
  // carries it (refresh gives "your current roles"), and changing the profile needs it.
  const joinedSince = me.data?.organisation_id != null && token.organisation_id !== me.data.organisation_id;
  useEffect(() => {
    if (joinedSince) void session.refresh();
  }, [joinedSince]);
  const organisationId = me.data?.organisation_id ?? null;
  const organisation = useQuery({
    queryKey: ["membership", "organisation", organisationId],
    enabled: Boolean(organisationId),
    queryFn: async () =>
      unwrap(await membership.GET("/organisations/{organisation_id}", { params: { path: { organisation_id: organisationId! } } })),
  });
  return (
    <>
      <h1>{organisation.data?.legal_name ?? t("org.title")}</h1>
      <QueryState query={me}>
        {(person) =>
          !organisationId ? (
            <p>
              {t("org.none")} <Link to="/apply">{t("org.apply")}</Link>
            </p>
          ) : (
            <>
              <p role="status" className="announcement">
                {announcement}
              </p>
              <section aria-labelledby="profile-heading">
                <h2 id="profile-heading">{t("org.profile")}</h2>
                <QueryState query={organisation}>
                  {(found) =>
                    editing ? (
                      <ProfileForm
                        organisation={found}
                        onCancel={() => setEditing(false)}
                        onSaved={() => {
                          setEditing(false);
                          setAnnouncement(t("org.saved"));
                        }}
                      />
                    ) : (
                      <Profile organisation={found} onEdit={() => setEditing(true)} />
                    )
                  }
                </QueryState>
              </section>
              <PeopleSection organisationId={organisationId} manages={person.role === "organisation_admin"} me={person.id} />
              {person.role === "organisation_admin" && <InviteForm organisationId={organisationId} />}
            </>
          )
        }
      </QueryState>
    </>
  );
}

export default function OrganisationPage() {
  const { token } = useAuth();
  return token ? <OrganisationOf token={token} /> : <SignInFirst title="org.title" />;
}
