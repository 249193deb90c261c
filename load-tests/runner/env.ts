/**
 * The runner's environment: the same variables the k6 suites read through __ENV (lib/config.ts),
 * with the local stack's defaults. Read once here (STYLE.md: process.env only in env.ts).
 */
export function runnerEnv(): Record<string, string | undefined> {
  return { ...process.env };
}
