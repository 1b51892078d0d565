import { useQuery } from "@tanstack/react-query";
import { BarChart } from "../components/BarChart";
import { ProgressChart } from "../components/ProgressChart";
import { QueryState } from "../components/QueryState";
import type { MessageKey } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { followedProgramme, membershipFigures, programmeFigures } from "./homeQueries";

function MembersSection() {
  const { t, formatNumber, language } = useI18n();
  const figures = useQuery(membershipFigures);
  const countries = new Intl.DisplayNames([language], { type: "region" });
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t("home.members")}</h2>
      <QueryState query={figures}>
        {(f) => (
          <>
            <p className="headline">
              {t("home.membersOfTarget", { count: formatNumber(f.active_participants), target: formatNumber(f.target) })}
            </p>
            <ProgressChart label={t("home.members")} value={f.active_participants} target={f.target} />
            <div className="charts">
              <BarChart
                title={t("home.membersByCategory")}
                series={[t("home.members")]}
                bars={Object.entries(f.by_category).map(([category, n]) => ({
                  label: t(`category.${category}` as MessageKey),
                  values: [n],
                }))}
              />
              <BarChart
                title={t("home.membersByCountry")}
                series={[t("home.members")]}
                bars={Object.entries(f.by_country).map(([country, n]) => ({
                  label: countries.of(country) ?? country,
                  values: [n],
                }))}
              />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}

function ExchangesSection() {
  const { t, formatNumber, formatDate } = useI18n();
  const programme = useQuery(followedProgramme);
  const programmeId = programme.data?.id;
  const figures = useQuery({ ...programmeFigures(programmeId ?? ""), enabled: programmeId !== undefined });
  return (
    <section aria-labelledby="exchanges-heading">
      <h2 id="exchanges-heading">{t("home.exchanges")}</h2>
      <QueryState query={programme}>
        {(p) =>
          p === null ? (
            <p>{t("home.noProgramme")}</p>
          ) : (
            <QueryState query={figures}>
              {(f) => (
                <>
                  <p className="headline">
                    {t("home.exchangesOfTarget", {
                      approved: formatNumber(f.total.approved),
                      completed: formatNumber(f.total.completed),
                      slots: formatNumber(f.total.slots),
                    })}
                  </p>
                  <p className="muted">{t("home.programme", { name: p.name, date: formatDate(f.on) })}</p>
                  <ProgressChart label={t("chart.approved")} value={f.total.approved} target={f.total.slots} />
                  <ProgressChart label={t("chart.completed")} value={f.total.completed} target={f.total.slots} />
                  <BarChart
                    title={t("home.exchangesByCategory")}
                    series={[t("chart.approved"), t("chart.completed")]}
                    bars={f.categories.map((c) => ({
                      label: c.category ? t(`category.${c.category}`) : "",
                      values: [c.approved, c.completed],
                      target: c.slots,
                    }))}
                  />
                </>
              )}
            </QueryState>
          )
        }
      </QueryState>
    </section>
  );
}

export default function HomePage() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t("home.title")}</h1>
      <MembersSection />
      <ExchangesSection />
    </>
  );
}
