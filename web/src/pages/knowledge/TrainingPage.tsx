import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { knowledge, unwrap } from "../../api/clients";
import { useAuth } from "../../auth/AuthProvider";
import { QueryState } from "../../components/QueryState";
import { useI18n } from "../../i18n/I18nProvider";
import { AUDIENCES, isAudience, isLibraryLanguage, isSkillArea, LIBRARY_LANGUAGES, SKILL_AREAS } from "./vocabulary";

const PAGE = 50;

export default function TrainingPage() {
  const { t } = useI18n();
  const { token } = useAuth();
  const [params, setParams] = useSearchParams();
  const skill = params.get("skill_area");
  const audience = params.get("audience");
  const language = params.get("language");
  const query = {
    skill_area: isSkillArea(skill) ? [skill] : undefined,
    audience: isAudience(audience) ? [audience] : undefined,
    language: isLibraryLanguage(language) ? [language] : undefined,
    limit: PAGE,
  };
  const courses = useQuery({
    queryKey: ["knowledge", "courses", query],
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await knowledge.GET("/training/courses", { params: { query } })),
  });
  const choose = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return (
    <>
      <h1>{t("training.title")}</h1>
      <p>{t("training.intro")}</p>
      {token && (
        <p>
          <Link to="/training/mine">{t("training.mine.title")}</Link>
        </p>
      )}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("training.skillArea")}{" "}
          <select value={query.skill_area?.[0] ?? ""} onChange={(e) => choose("skill_area", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {SKILL_AREAS.map((s) => (
              <option key={s} value={s}>
                {t(`training.skill.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("training.audience")}{" "}
          <select value={query.audience?.[0] ?? ""} onChange={(e) => choose("audience", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`training.audience.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("training.language")}{" "}
          <select value={query.language?.[0] ?? ""} onChange={(e) => choose("language", e.target.value)}>
            <option value="">{t("common.all")}</option>
            {Object.entries(LIBRARY_LANGUAGES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryState query={courses}>
        {(list) =>
          list.length === 0 ? (
            <p>{t("training.empty")}</p>
          ) : (
            <ul className="cards">
              {list.map((c) => (
                <li key={c.course_id} className="card">
                  <h2>
                    <Link to={`/training/${c.course_id}`} lang={c.language}>
                      {c.title}
                    </Link>
                  </h2>
                  <p className="muted">
                    {t(`training.skill.${c.skill_area}`)} · {t(`training.audience.${c.audience}`)} · {LIBRARY_LANGUAGES[c.language]}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
