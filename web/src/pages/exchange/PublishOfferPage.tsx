import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { exchange, problemMessage } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { Field } from "../../components/Field";
import { useI18n } from "../../i18n/I18nProvider";
import { ACTIVITY_KINDS, LANGUAGE_CODES, type ActivityKind } from "./model";

export default function PublishOfferPage() {
  const { t, language } = useI18n();
  const { token } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState({ title: "", topics: "", first: "", last: "", capacity: "1" });
  const [kinds, setKinds] = useState<ActivityKind[]>([]);
  const [languages, setLanguages] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const publish = useMutation({
    mutationFn: async () => {
      const { data, error } = await exchange.POST("/hosting-offers", {
        body: {
          host_organisation_id: token!.organisation_id!,
          title: form.title.trim(),
          topics: form.topics.split(",").map((s) => s.trim()).filter(Boolean),
          activity_kinds: kinds,
          languages,
          periods: [{ first: form.first, last: form.last }],
          capacity: Number(form.capacity),
        },
      });
      if (!data) throw new Error(problemMessage(error));
      return data;
    },
    onSuccess: (offer) => void navigate(`/exchange/offers/${offer.id}`),
  });
  if (!token?.organisation_id)
    return (
      <>
        <h1>{t("offers.publishTitle")}</h1>
        <p>{t("exchange.request.membersOnly")}</p>
      </>
    );
  const names = new Intl.DisplayNames([language], { type: "language" });
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const incomplete = !form.title.trim() || !form.first || !form.last || kinds.length === 0 || !(Number(form.capacity) >= 1);
    setMissing(incomplete);
    if (!incomplete) publish.mutate();
  };
  return (
    <>
      <h1>{t("offers.publishTitle")}</h1>
      <form className="form" noValidate onSubmit={submit}>
        {missing && (
          <p role="alert" className="error">
            {t("offers.publishMissing")}
          </p>
        )}
        {publish.isError && (
          <p role="alert" className="error">
            {publish.error.message}
          </p>
        )}
        <Field label={t("offers.offerTitle")}>
          <input maxLength={200} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        </Field>
        <Field label={t("offers.topicsHint")}>
          <input value={form.topics} onChange={(e) => setForm({ ...form, topics: e.target.value })} />
        </Field>
        <fieldset>
          <legend>{t("offers.activityKinds")}</legend>
          {ACTIVITY_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={kinds.includes(k)} onChange={() => setKinds(toggle(kinds, k))} /> {t(`exchange.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("offers.languages")}</legend>
          {LANGUAGE_CODES.map((code) => (
            <label key={code} className="check">
              <input type="checkbox" checked={languages.includes(code)} onChange={() => setLanguages(toggle(languages, code))} />{" "}
              {names.of(code)}
            </label>
          ))}
        </fieldset>
        <Field label={t("offers.availableFrom")}>
          <input type="date" value={form.first} onChange={(e) => setForm({ ...form, first: e.target.value })} />
        </Field>
        <Field label={t("offers.availableTo")}>
          <input type="date" value={form.last} onChange={(e) => setForm({ ...form, last: e.target.value })} />
        </Field>
        <Field label={t("offers.capacityLabel")}>
          <input type="number" min={1} max={50} value={form.capacity} onChange={(e) => setForm({ ...form, capacity: e.target.value })} />
        </Field>
        <button type="submit" disabled={publish.isPending}>
          {publish.isPending ? t("form.sending") : t("offers.publishSubmit")}
        </button>
      </form>
    </>
  );
}
