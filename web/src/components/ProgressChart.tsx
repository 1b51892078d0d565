import { useI18n } from "../i18n/I18nProvider";

/** A figure against its target as a bar, with the same figure in words for screen readers. */
export function ProgressChart({ label, value, target }: { label: string; value: number; target: number }) {
  const { t, formatNumber } = useI18n();
  const share = target > 0 ? Math.min(value / target, 1) : 0;
  const words = t("chart.progress", { value: formatNumber(value), target: formatNumber(target) });
  return (
    <figure className="progress">
      <figcaption>
        {label}: {words} ({formatNumber(share, { style: "percent" })})
      </figcaption>
      <svg viewBox="0 0 100 8" role="img" aria-label={`${label}: ${words}`} preserveAspectRatio="none">
        <rect width="100" height="8" className="track" />
        <rect width={share * 100} height="8" className="fill" />
      </svg>
    </figure>
  );
}
