import { databaseEnv, nodeEnv, parseEnv } from '@dbulk/config';

export const loadDbEnv = () => parseEnv(databaseEnv.merge(nodeEnv), process.env);
