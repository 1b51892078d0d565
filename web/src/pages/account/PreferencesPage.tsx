// How often the person hears of each category, in the app and by e-mail; each choice is saved
// as it is made. Security e-mail is always sent at once and the in-app inbox has no digests (the
// service refuses both), so neither is offered.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { notifications, unwrap } from "../../api/clients";
import type { components } from "../../api/notifications";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { notificationsKey } from "./inboxCache";
import { readableProblem } from "./problems";
import { SignInFirst } from "./SignInFirst";

type Preference = components["schemas"]["PreferencePublic"];
type Category = components["schemas"]["Category"];
type Channel = components["schemas"]["Channel"];
type Frequency = components["schemas"]["Frequency"];

const CHANNELS: Channel[] = ["in_app", "email"];
const CHOICES: Record<Channel, Frequency[]> = {
  in_app: ["immediate", "off"],
  email: ["immediate", "daily_digest", "weekly_digest", "off"],
};
const isFixed = (category: Category, channel: Channel) => category === "security" && channel === "email";

function Preferences({ person }: { person: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = [...notificationsKey(person), "preferences"];
  const [announcement, setAnnouncement] = useState("");
  const preferences = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await notifications.GET("/preferences")),
  });
  const choose = useMutation({
    mutationFn: async ({ category, channel, frequency }: Preference) => {
      const { data, error } = await notifications.PUT("/preferences/{category}/{channel}", {
        params: { path: { category, channel } },
        body: { frequency },
      });
      if (!data) throw new Error(readableProblem(error, t));
      return data;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<Preference[]>(key, (list) =>
        list?.map((p) => (p.category === saved.category && p.channel === saved.channel ? saved : p)),
      );
      setAnnouncement(
        t("prefs.saved", {
          category: t(`prefs.category.${saved.category}`),
          channel: t(`prefs.channel.${saved.channel}`),
          frequency: t(`prefs.frequency.${saved.frequency}`),
        }),
      );
    },
  });
  return (
    <>
      <h1>{t("prefs.title")}</h1>
      <p>{t("prefs.intro")}</p>
      <p>
        <Link to="/inbox">{t("inbox.title")}</Link>
      </p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {choose.isError && (
        <p role="alert" className="error">
          {choose.error.message}
        </p>
      )}
      <QueryState query={preferences}>
        {(list) => {
          const categories = [...new Set(list.map((p) => p.category))];
          const frequencyOf = (category: Category, channel: Channel) =>
            list.find((p) => p.category === category && p.channel === channel)?.frequency;
          return (
            <table className="list preferences">
              <caption className="visually-hidden">{t("prefs.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("prefs.categoryHeading")}</th>
                  {CHANNELS.map((channel) => (
                    <th scope="col" key={channel}>
                      {t(`prefs.channel.${channel}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {categories.map((category) => (
                  <tr key={category}>
                    <th scope="row">{t(`prefs.category.${category}`)}</th>
                    {CHANNELS.map((channel) => {
                      const frequency = frequencyOf(category, channel);
                      const label = `${t(`prefs.category.${category}`)}, ${t(`prefs.channel.${channel}`)}`;
                      return (
                        <td key={channel}>
                          {isFixed(category, channel) ? (
                            <span>{t("prefs.fixed")}</span>
                          ) : (
                            <select
                              aria-label={label}
                              value={frequency}
                              onChange={(e) =>
                                choose.mutate({ category, channel, frequency: e.target.value as Frequency })
                              }
                            >
                              {CHOICES[channel].map((choice) => (
                                <option key={choice} value={choice}>
                                  {t(`prefs.frequency.${choice}`)}
                                </option>
                              ))}
                            </select>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </QueryState>
    </>
  );
}

export default function PreferencesPage() {
  const { token } = useAuth();
  return token ? <Preferences person={token.subject} /> : <SignInFirst title="prefs.title" />;
}
