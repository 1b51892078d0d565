import { NavLink, Outlet } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { LANGUAGES, isLanguage, useI18n } from "../i18n/I18nProvider";
import { Suspense } from "react";
import { areaNav } from "../app/nav";
import { HeaderStatus } from "../pages/account/HeaderStatus";

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const { token, signOut } = useAuth();
  const manages = token?.roles.includes("cluster_manager") ?? false;
  return (
    <>
      <a className="skip" href="#main">
        {t("app.skip")}
      </a>
      <header className="top">
        <span className="brand">{t("app.name")}</span>
        <nav aria-label={t("nav.main")}>
          <NavLink to="/" end>
            {t("nav.home")}
          </NavLink>
          <NavLink to="/directory">{t("nav.directory")}</NavLink>
          <NavLink to="/map">{t("nav.map")}</NavLink>
          {token && <NavLink to="/apply">{t("nav.apply")}</NavLink>}
          {manages && <NavLink to="/work-queue">{t("nav.workQueue")}</NavLink>}
          {areaNav
            .filter((entry) => entry.shownTo(token))
            .map((entry) => (
              <NavLink key={entry.to} to={entry.to}>
                {t(entry.label)}
              </NavLink>
            ))}
          {!token && <NavLink to="/sign-in">{t("nav.signIn")}</NavLink>}
          {!token && <NavLink to="/sign-up">{t("nav.signUp")}</NavLink>}
          {token && (
            <button type="button" className="link" onClick={() => void signOut()}>
              {t("nav.signOut")}
            </button>
          )}
        </nav>
        <HeaderStatus />
        <label className="language">
          {t("nav.language")}{" "}
          <select value={language} onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}>
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t("common.loading")}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
