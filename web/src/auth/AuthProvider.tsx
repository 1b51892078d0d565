import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { membership, problemMessage } from "../api/clients";
import { isLanguage, useI18n } from "../i18n/I18nProvider";
import { session, type Token } from "./session";
import type { components } from "../api/membership";

type MembershipSchemas = components["schemas"];

session.useRefresher(async (refreshToken) => {
  const { data } = await membership.POST("/auth/refresh", { body: { refresh_token: refreshToken } });
  return data ?? null;
});

export interface Credentials {
  email: string;
  password: string;
}
export interface SignUpDetails extends Credentials {
  display_name: string;
  language: MembershipSchemas["SignUpCreate"]["language"];
  invitation_token?: string;
}

interface Auth {
  token: Token | null;
  signIn: (credentials: Credentials) => Promise<void>;
  signUp: (details: SignUpDetails) => Promise<void>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<Token | null>(session.current());
  const { setLanguage } = useI18n();
  useEffect(() => session.subscribe(setToken), []);

  const auth = useMemo<Auth>(() => {
    // The interface follows the language in the person's profile once they are signed in.
    const followProfile = async () => {
      const { data } = await membership.GET("/people/me");
      if (isLanguage(data?.language)) setLanguage(data.language);
    };
    return {
      token,
      async signIn(credentials) {
        const { data, error } = await membership.POST("/auth/sign-in", { body: credentials });
        if (!data) throw new Error(problemMessage(error));
        session.start(data);
        await followProfile();
      },
      async signUp(details) {
        // Sign-up answers alike for a new and a taken address (202: a verification link is
        // e-mailed), so it gives no token: signing in with the same password does, and works
        // before the address is verified.
        const { data, error } = await membership.POST("/auth/sign-up", { body: details });
        if (!data) throw new Error(problemMessage(error));
        const signedIn = await membership.POST("/auth/sign-in", {
          body: { email: details.email, password: details.password },
        });
        if (!signedIn.data) throw new Error(problemMessage(signedIn.error));
        session.start(signedIn.data);
      },
      async signOut() {
        // Sign-out ends the session server-side (its refresh token) for the bearer's session.
        if (session.accessToken()) await membership.POST("/auth/sign-out");
        session.end();
      },
    };
  }, [token, setLanguage]);
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside AuthProvider");
  return auth;
}
