/** The person's own record (GET /people/me) in the query cache. */
export const meKey = (person: string) => ["membership", "me", person] as const;
