import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { exchange, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { Field } from "../../components/Field";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { PartyText, StateText } from "./Parties";
import { STATES, calendarDate, isState, type State } from "./model";

export default function MyExchangesPage() {
  const { t, formatDate } = useI18n();
  const { token } = useAuth();
  const [state, setState] = useState<State | "">("");
  const exchanges = useQuery({
    queryKey: ["exchange", "exchanges", "mine", state],
    staleTime: 0, // others change it: read it afresh each time the page shows it
    enabled: Boolean(token),
    queryFn: async () => unwrap(await exchange.GET("/exchanges", { params: { query: { state: state || undefined, limit: 100 } } })),
  });
  if (!token)
    return (
      <>
        <h1>{t("exchange.mine.title")}</h1>
        <p>
          <Link to="/sign-in">{t("exchange.mine.signIn")}</Link>
        </p>
      </>
    );
  return (
    <>
      <h1>{t("exchange.mine.title")}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t("exchange.mine.filter")}>
        <Field label={t("exchange.stateLabel")}>
          <select value={state} onChange={(e) => setState(isState(e.target.value) ? e.target.value : "")}>
            <option value="">{t("common.all")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`exchange.state.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <QueryState query={exchanges}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("exchange.mine.empty")}</p>
          ) : (
            <table className="list">
              <caption className="visually-hidden">{t("exchange.mine.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("exchange.dates")}</th>
                  <th scope="col">{t("exchange.visitor")}</th>
                  <th scope="col">{t("exchange.host")}</th>
                  <th scope="col">{t("exchange.stateLabel")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/exchange/${e.id}`}>
                        {t("exchange.period", { first: formatDate(calendarDate(e.first_day)), last: formatDate(calendarDate(e.last_day)) })}
                      </Link>
                    </th>
                    <td>
                      <PartyText party={e.visitor} name={e.visitor.name ?? (e.visitor.organisation_id === token.organisation_id ? t("exchange.yours") : undefined)} />
                    </td>
                    <td>
                      <PartyText party={e.host} name={e.host.name ?? (e.host.organisation_id === token.organisation_id ? t("exchange.yours") : undefined)} />
                    </td>
                    <td>
                      <StateText state={e.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </>
  );
}
