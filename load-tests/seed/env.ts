/** The seed's environment (STYLE.md: process.env only in env.ts). */
export function seedEnv(): Record<string, string | undefined> {
  return { ...process.env };
}
