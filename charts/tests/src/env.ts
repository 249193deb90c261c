/** What a locally started container inherits from the test's own environment: PATH and HOME only. */
export const hostEnv = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' });
