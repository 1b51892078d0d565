import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { exchange, problemMessage, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { OfferSummary } from "./OffersPage";
import { RequestForm } from "./RequestForm";

export default function OfferPage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const navigate = useNavigate();
  const { offerId = "" } = useParams();
  const [requesting, setRequesting] = useState(false);
  const offer = useQuery({
    queryKey: ["exchange", "offer", offerId],
    queryFn: async () => unwrap(await exchange.GET("/hosting-offers/{offer_id}", { params: { path: { offer_id: offerId } } })),
  });
  const withdraw = useMutation({
    mutationFn: async () => {
      const { error, response } = await exchange.DELETE("/hosting-offers/{offer_id}", { params: { path: { offer_id: offerId } } });
      if (!response.ok) throw new Error(problemMessage(error));
    },
    onSuccess: () => void navigate("/exchange/offers"),
  });
  return (
    <QueryState query={offer}>
      {(o) => {
        const own = token?.organisation_id === o.host_organisation_id;
        return (
          <>
            <h1>{o.title}</h1>
            <OfferSummary offer={o} />
            {o.topics.length > 0 && (
              <p>
                {t("offers.topics")}: {o.topics.join(", ")}
              </p>
            )}
            {withdraw.isError && (
              <p role="alert" className="error">
                {withdraw.error.message}
              </p>
            )}
            {own && (
              <p>
                <button type="button" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
                  {t("offers.withdraw")}
                </button>
              </p>
            )}
            {!own && token?.organisation_id && (
              <section aria-labelledby="request-heading">
                <h2 id="request-heading">{t("exchange.request.title", { host: o.host_name })}</h2>
                {requesting ? (
                  <RequestForm offer={o} />
                ) : (
                  <button type="button" onClick={() => setRequesting(true)}>
                    {t("exchange.request.open")}
                  </button>
                )}
              </section>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
