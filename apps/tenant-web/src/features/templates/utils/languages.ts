/** The languages most tenants write in, with Meta's codes; any other code Meta knows may be typed. */
export const LANGUAGES: readonly { code: string; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'en_US', name: 'English (US)' },
  { code: 'en_GB', name: 'English (UK)' },
  { code: 'es', name: 'Spanish' },
  { code: 'es_ES', name: 'Spanish (Spain)' },
  { code: 'es_MX', name: 'Spanish (Mexico)' },
  { code: 'es_AR', name: 'Spanish (Argentina)' },
  { code: 'pt_BR', name: 'Portuguese (Brazil)' },
  { code: 'pt_PT', name: 'Portuguese (Portugal)' },
  { code: 'fr', name: 'French' },
  { code: 'de', name: 'German' },
  { code: 'it', name: 'Italian' },
  { code: 'nl', name: 'Dutch' },
  { code: 'ar', name: 'Arabic' },
  { code: 'hi', name: 'Hindi' },
  { code: 'id', name: 'Indonesian' },
  { code: 'tr', name: 'Turkish' },
  { code: 'ru', name: 'Russian' },
  { code: 'zh_CN', name: 'Chinese (China)' },
  { code: 'ja', name: 'Japanese' },
];

const NAMES = new Map(LANGUAGES.map((l) => [l.code, l.name]));

/** "en_US" → "English (US)"; unknown codes stay as they are. */
export const languageName = (code: string) => NAMES.get(code) ?? code;
