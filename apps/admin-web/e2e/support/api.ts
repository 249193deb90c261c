/**
 * Direct calls to the api for test setup and cleanup (tRPC over plain fetch, no transformer):
 * mutations POST the input as JSON and must carry an allowed Origin; queries GET ?input=.
 */
export class ApiSession {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async mutate<T>(path: string, input: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.baseUrl, cookie: this.cookie },
      body: JSON.stringify(input ?? null),
    });
    return this.read<T>(path, response);
  }

  private async read<T>(path: string, response: Response): Promise<T> {
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('dbulk_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const body = (await response.json()) as { result?: { data: T }; error?: unknown };
    if (!response.ok || !body.result) throw new Error(`${path} failed (${response.status}): ${JSON.stringify(body.error)}`);
    return body.result.data;
  }
}
