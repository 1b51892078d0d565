// Client-side checks mirroring the services' request schemas, so a person learns of a mistake
// before sending; the service still decides (its problem+json is shown when it refuses).
import type { MessageKey } from "../i18n/catalogue";

export interface Problem {
  key: MessageKey;
  values?: Record<string, number>;
}
export type Problems<Field extends string> = Partial<Record<Field, Problem>>;

export const PASSWORD_MIN = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY = /^[A-Z]{2}$/;
const REGISTRATION_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]{1,39}$/;

function text(value: string, max: number): Problem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return { key: "form.required" };
  if (trimmed.length > max) return { key: "form.tooLong", values: { max } };
  return undefined;
}

function compact<Field extends string>(problems: Record<Field, Problem | undefined>): Problems<Field> {
  return Object.fromEntries(Object.entries(problems).filter(([, p]) => p !== undefined)) as Problems<Field>;
}

export function hasProblems(problems: Problems<string>): boolean {
  return Object.keys(problems).length > 0;
}

export function checkEmail(email: string): Problem | undefined {
  if (!email.trim()) return { key: "form.required" };
  return EMAIL.test(email.trim()) ? undefined : { key: "form.email" };
}

export interface SignInForm {
  email: string;
  password: string;
}
export function checkSignIn(form: SignInForm): Problems<keyof SignInForm> {
  return compact({ email: checkEmail(form.email), password: form.password ? undefined : { key: "form.required" } });
}

export interface SignUpForm extends SignInForm {
  display_name: string;
}
export function checkSignUp(form: SignUpForm): Problems<keyof SignUpForm> {
  const password: Problem | undefined =
    form.password.length < PASSWORD_MIN
      ? { key: "form.passwordLength", values: { min: PASSWORD_MIN } }
      : form.password.length > 200
        ? { key: "form.tooLong", values: { max: 200 } }
        : undefined;
  return compact({ email: checkEmail(form.email), password, display_name: text(form.display_name, 100) });
}

export interface ApplicationForm {
  legal_name: string;
  category: string;
  cluster_id: string;
  country: string;
  registration_number: string;
  city: string;
  value_chains: string[];
}
export function checkApplication(form: ApplicationForm): Problems<keyof ApplicationForm> {
  const required = (value: string) => (value ? undefined : { key: "form.required" as const });
  const registration = form.registration_number.trim();
  return compact({
    legal_name: text(form.legal_name, 200),
    category: required(form.category),
    cluster_id: required(form.cluster_id),
    country: COUNTRY.test(form.country) ? undefined : { key: "form.country" },
    registration_number: !registration
      ? { key: "form.required" }
      : REGISTRATION_NUMBER.test(registration)
        ? undefined
        : { key: "form.registrationNumber" },
    city: form.city.trim() ? text(form.city, 100) : undefined,
    value_chains: form.value_chains.length ? undefined : { key: "form.chooseOne" },
  });
}
