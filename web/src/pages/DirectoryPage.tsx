import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { membership, unwrap } from "../api/clients";
import { QueryState } from "../components/QueryState";
import { useI18n } from "../i18n/I18nProvider";
import { Filters, type FilterValues } from "./Filters";

const PAGE = 20;

export default function DirectoryPage() {
  const { t, formatNumber, language } = useI18n();
  const [filters, setFilters] = useState<FilterValues>({});
  const [text, setText] = useState("");
  const [offset, setOffset] = useState(0);
  const q = text.trim() || undefined;
  const page = useQuery({
    queryKey: ["membership", "directory", filters, q, offset],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(await membership.GET("/directory", { params: { query: { ...filters, q, limit: PAGE, offset } } })),
  });
  const countries = new Intl.DisplayNames([language], { type: "region" });
  const refine = (next: FilterValues) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <>
      <h1>{t("directory.title")}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("directory.search")}{" "}
          <input
            type="search"
            value={text}
            maxLength={100}
            onChange={(e) => {
              setText(e.target.value);
              setOffset(0);
            }}
          />
        </label>
        <Filters value={filters} onChange={refine} />
      </form>
      <QueryState query={page}>
        {(p) =>
          p.items.length === 0 ? (
            <p>{t("directory.empty")}</p>
          ) : (
            <>
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">{t("directory.name")}</th>
                    <th scope="col">{t("directory.category")}</th>
                    <th scope="col">{t("directory.country")}</th>
                    <th scope="col">{t("directory.city")}</th>
                    <th scope="col">{t("directory.valueChain")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.items.map((o) => (
                    <tr key={o.id}>
                      <th scope="row">{o.website ? <a href={o.website} rel="noopener noreferrer">{o.legal_name}</a> : o.legal_name}</th>
                      <td>{t(`category.${o.category}`)}</td>
                      <td>{countries.of(o.country) ?? o.country}</td>
                      <td>{o.city}</td>
                      <td>{o.value_chains.map((v) => t(`valueChain.${v}` as never)).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <nav className="pager" aria-label={t("directory.title")}>
                <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  {t("common.previous")}
                </button>
                <span>
                  {t("common.pageOf", {
                    from: formatNumber(offset + 1),
                    to: formatNumber(offset + p.items.length),
                    total: formatNumber(p.total),
                  })}
                </span>
                <button type="button" disabled={offset + PAGE >= p.total} onClick={() => setOffset(offset + PAGE)}>
                  {t("common.next")}
                </button>
              </nav>
            </>
          )
        }
      </QueryState>
    </>
  );
}
