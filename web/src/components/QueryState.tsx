import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider";

/** Loading and error states of a query, the same on every page; children render with its data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (query.isPending) return <p role="status">{t("common.loading")}</p>;
  if (query.isError)
    return (
      <div role="alert">
        <p>{t("common.error", { message: query.error.message })}</p>
        <button type="button" onClick={() => void query.refetch()}>
          {t("common.retry")}
        </button>
      </div>
    );
  return <>{children(query.data)}</>;
}
