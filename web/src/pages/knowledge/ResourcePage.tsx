import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { knowledge, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { authorOrganisation, LIBRARY_LANGUAGES, type Resource } from "./vocabulary";

function Translations({ resource }: { resource: Resource }) {
  const { t } = useI18n();
  const translations = useQuery({
    queryKey: ["knowledge", "translations", resource.id],
    queryFn: async () =>
      unwrap(await knowledge.GET("/resources/{resource_id}/translations", { params: { path: { resource_id: resource.id } } })),
  });
  const others = translations.data?.filter((tr) => tr.resource_id !== resource.id) ?? [];
  if (others.length === 0) return null;
  return (
    <nav aria-label={t("resource.translations")}>
      <h2>{t("resource.translations")}</h2>
      <ul>
        {others.map((tr) => (
          <li key={tr.resource_id}>
            <Link to={`/library/${tr.resource_id}`} lang={tr.language} hrefLang={tr.language}>
              {LIBRARY_LANGUAGES[tr.language]}: {tr.title}
            </Link>
            {tr.status !== "published" && <span className="muted"> ({t(`resource.status.${tr.status}` as never)})</span>}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Meta({ resource }: { resource: Resource }) {
  const { t, formatDate } = useI18n();
  const rows: [string, string | undefined][] = [
    [t("resource.kind"), t(`library.kind.${resource.kind}`)],
    [t("resource.language"), LIBRARY_LANGUAGES[resource.language]],
    [t("resource.published"), resource.published_at ? formatDate(resource.published_at) : t("resource.notPublished")],
    [t("resource.tags"), resource.tags.join(", ")],
    [t("resource.valueChains"), resource.value_chains.join(", ")],
    [t("resource.regions"), resource.regions.join(", ")],
  ];
  return (
    <dl className="meta">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      <div>
        <dt>{t("resource.author")}</dt>
        <dd>
          <Link to={`/library?author_organisation_id=${resource.author_organisation_id}`}>{t("resource.authorResources")}</Link>
        </dd>
      </div>
    </dl>
  );
}

export default function ResourcePage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const { id = "" } = useParams();
  const resource = useQuery({
    queryKey: ["knowledge", "resource", id],
    queryFn: async () => unwrap(await knowledge.GET("/resources/{resource_id}", { params: { path: { resource_id: id } } })),
  });
  return (
    <QueryState query={resource}>
      {(r) => (
        <article className="resource">
          <p>
            <Link to="/library">{t("resource.back")}</Link>
          </p>
          <h1 lang={r.language}>{r.title}</h1>
          <p className="headline" lang={r.language}>
            {r.summary}
          </p>
          {r.status !== "published" && <p className="notice">{t(`resource.status.${r.status}` as never)}</p>}
          <Meta resource={r} />
          {/* body_html is the service's own rendering of the Markdown body: raw HTML in the source is
              escaped by markdown-it and the result is cleaned by an allow-list (nh3: no scripts, no
              event attributes, no images, only http(s)/mailto links; knowledge/domain/library/markdown.py),
              so it is safe to insert as it is. It is the one place this app inserts HTML. */}
          <div className="body" lang={r.language} dangerouslySetInnerHTML={{ __html: r.body_html }} />
          {r.links.length > 0 && (
            <section>
              <h2>{t("resource.links")}</h2>
              <ul>
                {r.links.map((href) => (
                  <li key={href}>
                    {/^https?:\/\//i.test(href) ? (
                      <a href={href} rel="noopener noreferrer nofollow">
                        {href}
                      </a>
                    ) : (
                      href
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Translations resource={r} />
          {authorOrganisation(token) === r.author_organisation_id && (
            <p>
              <Link to={`/library/${r.id}/edit`}>{t("library.mine.edit")}</Link> ·{" "}
              <Link to={`/library/${r.id}/translate`}>{t("resource.translate")}</Link>
            </p>
          )}
        </article>
      )}
    </QueryState>
  );
}
