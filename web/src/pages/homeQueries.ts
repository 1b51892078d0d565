// The home page's data, outside its lazily loaded chunk: the route starts these requests while
// the chunk is still loading, instead of after it has rendered.
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { exchange, membership, unwrap } from "../api/clients";
import type { components } from "../api/exchange";

export interface MembershipFigures {
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

export const membershipFigures = queryOptions({
  queryKey: ["membership", "figures"],
  queryFn: async () => unwrap(await membership.GET("/figures")) as unknown as MembershipFigures,
});

export const followedProgramme = queryOptions({
  queryKey: ["exchange", "programmes", "current"],
  queryFn: async () => currentProgramme(unwrap(await exchange.GET("/programmes"))) ?? null,
});

export const programmeFigures = (programmeId: string) =>
  queryOptions({
    queryKey: ["exchange", "figures", programmeId],
    queryFn: async () =>
      unwrap(await exchange.GET("/programmes/{programme_id}/figures", { params: { path: { programme_id: programmeId } } })),
  });

export function prefetchHome(client: QueryClient): void {
  void client.prefetchQuery(membershipFigures);
  void client.fetchQuery(followedProgramme).then((programme) => {
    if (programme) void client.prefetchQuery(programmeFigures(programme.id));
  }, () => undefined);
}
