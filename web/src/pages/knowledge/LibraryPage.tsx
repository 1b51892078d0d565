import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { knowledge, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { FacetFilters } from "./FacetFilters";
import { PAGE_SIZE, MAX_OFFSET, readSearch, writeSearch, type LibrarySearch } from "./searchState";
import { Snippet } from "./Snippet";
import { authorOrganisation, LIBRARY_LANGUAGES, isLibraryLanguage, type SearchHit } from "./vocabulary";

function Hit({ hit }: { hit: SearchHit }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="card hit">
      <h2>
        <Link to={`/library/${hit.resource_id}`} lang={hit.language}>
          {hit.title}
        </Link>
      </h2>
      <p className="muted">
        {t(`library.kind.${hit.kind}`)} · {LIBRARY_LANGUAGES[hit.language]} · {formatDate(hit.published_at)}
      </p>
      <div lang={hit.language}>
        {hit.snippet_html ? <Snippet html={hit.snippet_html} /> : <p className="snippet">{hit.summary}</p>}
      </div>
    </li>
  );
}

export default function LibraryPage() {
  const { t, formatNumber } = useI18n();
  const { token } = useAuth();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [words, setWords] = useState(search.q ?? "");
  // The box follows the address when it changes without typing (back button, a shared link).
  useEffect(() => setWords(search.q ?? ""), [search.q]);
  const go = (next: LibrarySearch) => setParams(writeSearch(next));
  const page = useQuery({
    queryKey: ["knowledge", "search", search],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(await knowledge.GET("/resources", { params: { query: { ...search, limit: PAGE_SIZE } } })),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ ...search, q: words.trim() || undefined, offset: 0 });
  };
  return (
    <>
      <h1>{t("library.title")}</h1>
      <p>{t("library.intro")}</p>
      {authorOrganisation(token) && (
        <p>
          <Link to="/library/mine">{t("library.mine.link")}</Link>
        </p>
      )}
      <form className="filters" role="search" onSubmit={submit}>
        <label>
          {t("library.search")}{" "}
          <input type="search" name="q" value={words} maxLength={200} onChange={(e) => setWords(e.target.value)} />
        </label>
        <label>
          {t("library.queryLanguage")}{" "}
          <select
            value={search.language ?? ""}
            onChange={(e) => go({ ...search, q: words.trim() || undefined, language: isLibraryLanguage(e.target.value) ? e.target.value : undefined, offset: 0 })}
          >
            <option value="">{t("library.anyLanguage")}</option>
            {Object.entries(LIBRARY_LANGUAGES).map(([code, name]) => {
              const count = page.data?.facets.language?.[code];
              return (
                <option key={code} value={code} lang={code}>
                  {count === undefined ? name : `${name} (${formatNumber(count)})`}
                </option>
              );
            })}
          </select>
        </label>
        <button type="submit">{t("library.searchButton")}</button>
      </form>
      <QueryState query={page}>
        {(p) => (
          <div className="library">
            <FacetFilters search={search} facets={p.facets} onChange={go} />
            <section aria-labelledby="results-heading" aria-busy={page.isPlaceholderData}>
              <h2 id="results-heading" className="visually-hidden">
                {t("library.results")}
              </h2>
              {p.corrected_query && (
                <p role="status">
                  {t("library.didYouMean")}{" "}
                  <Link to={`?${writeSearch({ ...search, q: p.corrected_query, offset: 0 })}`}>{p.corrected_query}</Link>.
                </p>
              )}
              {p.hits.length === 0 ? (
                <p>{t("library.empty")}</p>
              ) : (
                <>
                  <ol className="cards" aria-label={t("library.results")}>
                    {p.hits.map((hit) => (
                      <Hit key={hit.resource_id} hit={hit} />
                    ))}
                  </ol>
                  <nav className="pager" aria-label={t("library.pages")}>
                    <button type="button" disabled={search.offset === 0} onClick={() => go({ ...search, offset: Math.max(0, search.offset - PAGE_SIZE) })}>
                      {t("common.previous")}
                    </button>
                    <span>
                      {t("common.pageOf", {
                        from: formatNumber(p.offset + 1),
                        to: formatNumber(p.offset + p.hits.length),
                        total: formatNumber(p.total),
                      })}
                    </span>
                    <button
                      type="button"
                      disabled={search.offset + PAGE_SIZE >= Math.min(p.total, MAX_OFFSET + PAGE_SIZE)}
                      onClick={() => go({ ...search, offset: search.offset + PAGE_SIZE })}
                    >
                      {t("common.next")}
                    </button>
                  </nav>
                </>
              )}
            </section>
          </div>
        )}
      </QueryState>
    </>
  );
}
