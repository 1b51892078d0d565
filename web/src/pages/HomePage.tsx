import { useQuery } from "@tanstack/react-query";
import { exchange, membership, unwrap } from "../api/clients";
import type { components } from "../api/exchange";
import { BarChart } from "../components/BarChart";
import { ProgressChart } from "../components/ProgressChart";
import { QueryState } from "../components/QueryState";
import type { MessageKey } from "../i18n/en";
import { useI18n } from "../i18n/I18nProvider";

interface MembershipFigures {
  active_participants: number;
  target: number;
  by_category: Record<string, number>;
  by_country: Record<string, number>;
}
type Programme = components["schemas"]["ProgrammePublic"];

/** The programme the public follows: the newest one still open, else the newest. */
export function currentProgramme(programmes: Programme[]): Programme | undefined {
  const newest = [...programmes].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return newest.find((p) => p.closed_at === null) ?? newest[0];
}

function MembersSection() {
  const { t, formatNumber, language } = useI18n();
  const figures = useQuery({
    queryKey: ["membership", "figures"],
    queryFn: async () => unwrap(await membership.GET("/figures")) as unknown as MembershipFigures,
  });
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
  const programme = useQuery({
    queryKey: ["exchange", "programmes"],
    queryFn: async () => currentProgramme(unwrap(await exchange.GET("/programmes"))) ?? null,
  });
  const programmeId = programme.data?.id;
  const figures = useQuery({
    queryKey: ["exchange", "figures", programmeId],
    enabled: programmeId !== undefined,
    queryFn: async () =>
      unwrap(await exchange.GET("/programmes/{programme_id}/figures", { params: { path: { programme_id: programmeId! } } })),
  });
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
