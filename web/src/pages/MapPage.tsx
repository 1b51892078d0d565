import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { knowledge, membership, unwrap } from "../api/clients";
import { QueryState } from "../components/QueryState";
import { useI18n } from "../i18n/I18nProvider";
import { outlineIds } from "../map/countries";
import { flowArcs } from "../map/flows";
import { FlowsTable } from "../map/FlowsTable";
import { HEIGHT, WIDTH, countryOutlines, europeProjection, markers, type OrganisationsGeoJson } from "../map/projection";
import { RegionalAnalyses, type MapRegion } from "../map/RegionalAnalyses";
import { regionMarkers } from "../map/regions";
import { Filters, type FilterValues } from "./Filters";
import { followedProgramme, programmeFigures } from "./homeQueries";
import { CATEGORIES } from "./options";

export default function MapPage() {
  const { t, formatNumber } = useI18n();
  const [filters, setFilters] = useState<FilterValues>({});
  const projection = useMemo(europeProjection, []);
  const outlines = useMemo(() => countryOutlines(projection), [projection]);
  const organisations = useQuery({
    queryKey: ["membership", "map", filters],
    queryFn: async () =>
      unwrap(await membership.GET("/map/organisations.geojson", { params: { query: filters } })) as unknown as OrganisationsGeoJson,
  });
  // The layers below are drawn as they arrive; the organisations' markers never wait for them.
  const programme = useQuery(followedProgramme);
  const figures = useQuery({ ...programmeFigures(programme.data?.id ?? ""), enabled: Boolean(programme.data) });
  const regions = useQuery({
    queryKey: ["knowledge", "regional-analyses"],
    queryFn: async () => unwrap(await knowledge.GET("/regional-analyses")) as MapRegion[],
  });
  const clusters = useQuery({
    queryKey: ["membership", "clusters"],
    queryFn: async () => unwrap(await membership.GET("/clusters")),
  });
  const arcs = useMemo(() => flowArcs(projection, figures.data?.flows ?? []), [projection, figures.data]);
  const regionPoints = useMemo(
    () => regionMarkers(projection, regions.data ?? [], clusters.data ?? []),
    [projection, regions.data, clusters.data],
  );
  const partnerOutlines = useMemo(() => outlineIds((regions.data ?? []).map((r) => r.region_code.slice(0, 2))), [regions.data]);
  return (
    <>
      <h1>{t("map.title")}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Filters value={filters} onChange={setFilters} />
      </form>
      <QueryState query={organisations}>
        {(geojson) => {
          const points = markers(projection, geojson);
          return (
            <>
              <p role="status">{t("map.markers", { count: formatNumber(points.length) })}</p>
              <svg className="map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t("map.description")}>
                <defs>
                  {/* A fixed-size head: sized by the stroke, the busiest flow's would hide the country it points at. */}
                  <marker
                    id="flow-arrow"
                    viewBox="0 0 10 10"
                    refX="8"
                    refY="5"
                    markerUnits="userSpaceOnUse"
                    markerWidth="10"
                    markerHeight="10"
                    orient="auto-start-reverse"
                  >
                    <path d="M0,0 L10,5 L0,10 z" className="flow-head" />
                  </marker>
                </defs>
                <g className="countries">
                  {outlines.map((c) => (
                    <path key={c.key} d={c.d} className={partnerOutlines.has(c.id) ? "partner-country" : undefined} />
                  ))}
                </g>
                <g className="flows">
                  {arcs.map(({ flow, d, width }) => (
                    <path
                      key={`${flow.from_country}-${flow.to_country}`}
                      d={d}
                      strokeWidth={width}
                      markerEnd="url(#flow-arrow)"
                      className="flow"
                      data-flow={`${flow.from_country}-${flow.to_country}`}
                    >
                      <title>{t("map.flowTitle", { from: flow.from_country, to: flow.to_country, count: formatNumber(flow.approved) })}</title>
                    </path>
                  ))}
                </g>
                <g className="markers">
                  {points.map(({ x, y, organisation }) => (
                    <circle
                      key={organisation.id}
                      cx={x}
                      cy={y}
                      r={5}
                      className={`marker category-${CATEGORIES.indexOf(organisation.category as never)}`}
                      data-organisation={organisation.id}
                    >
                      <title>
                        {organisation.legal_name} — {t(`category.${organisation.category}` as never)}
                      </title>
                    </circle>
                  ))}
                </g>
                <g className="regions">
                  {regionPoints.map(({ x, y, region }) => (
                    <path key={region.region_code} d={`M${x},${y - 9} l9,9 l-9,9 l-9,-9 z`} className="region-marker" data-region={region.region_code}>
                      <title>{t("map.regionTitle", { name: region.region_name, code: region.region_code, year: region.year })}</title>
                    </path>
                  ))}
                </g>
              </svg>
              <p className="muted">{t("map.legend")}</p>
              <ul className="legend-list">
                {CATEGORIES.map((c, i) => (
                  <li key={c}>
                    <svg width="12" height="12" aria-hidden="true">
                      <circle cx="6" cy="6" r="5" className={`marker category-${i}`} />
                    </svg>{" "}
                    {t(`category.${c}`)}
                  </li>
                ))}
                <li>
                  <svg width="14" height="14" aria-hidden="true">
                    <path d="M7,0 l7,7 l-7,7 l-7,-7 z" className="region-marker" />
                  </svg>{" "}
                  {t("map.legendRegion")}
                </li>
                <li>
                  <svg width="24" height="12" aria-hidden="true">
                    <path d="M1,6 L23,6" className="flow" strokeWidth={3} />
                  </svg>{" "}
                  {t("map.legendFlow")}
                </li>
              </ul>
            </>
          );
        }}
      </QueryState>
      <section aria-labelledby="flows-heading">
        <h2 id="flows-heading">{t("map.flowsTitle")}</h2>
        <QueryState query={programme}>
          {(followed) =>
            followed ? (
              <QueryState query={figures}>{(f) => <FlowsTable flows={f.flows} programme={followed.name} />}</QueryState>
            ) : (
              <p>{t("map.noProgramme")}</p>
            )
          }
        </QueryState>
      </section>
      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">{t("map.regionsTitle")}</h2>
        <QueryState query={regions}>{(list) => <RegionalAnalyses regions={list} />}</QueryState>
      </section>
    </>
  );
}
