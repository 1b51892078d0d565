import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { membership, unwrap } from "../api/clients";
import { QueryState } from "../components/QueryState";
import { useI18n } from "../i18n/I18nProvider";
import { HEIGHT, WIDTH, countryOutlines, europeProjection, markers, type OrganisationsGeoJson } from "../map/projection";
import { Filters, type FilterValues } from "./Filters";
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
                <g className="countries">
                  {outlines.map((c) => (
                    <path key={c.id} d={c.d} />
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
              </ul>
            </>
          );
        }}
      </QueryState>
    </>
  );
}
