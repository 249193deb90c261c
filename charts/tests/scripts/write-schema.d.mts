/** The values schema as written to charts/dbulk/values.schema.json. */
export declare const schemaText: string;
