/**
 * Graph API errors in Meta's body shape: `{"error":{message,type,code,error_subcode?,
 * error_data?:{messaging_product,details},error_user_title?,error_user_msg?,fbtrace_id}}`,
 * with the HTTP statuses of shared/meta/README.md §4. Routes throw a GraphError; the app's
 * error handler adds the fbtrace_id and sends it.
 */
export interface GraphErrorInit {
  status: number;
  code: number;
  message: string;
  type?: string;
  subcode?: number;
  /** WhatsApp errors carry `error_data: {messaging_product, details}`. */
  details?: string;
  userTitle?: string;
  userMsg?: string;
}

export class GraphError extends Error {
  constructor(readonly init: GraphErrorInit) {
    super(init.message);
    this.name = 'GraphError';
  }

  get status(): number {
    return this.init.status;
  }

  get code(): number {
    return this.init.code;
  }

  toBody(fbtraceId: string) {
    const { message, type = 'OAuthException', code, subcode, details, userTitle, userMsg } = this.init;
    return {
      error: {
        message,
        type,
        code,
        ...(subcode === undefined ? {} : { error_subcode: subcode }),
        ...(details === undefined ? {} : { error_data: { messaging_product: 'whatsapp', details } }),
        ...(userTitle === undefined ? {} : { is_transient: false, error_user_title: userTitle, error_user_msg: userMsg ?? userTitle }),
        fbtrace_id: fbtraceId,
      },
    };
  }
}

export const invalidParameter = (message: string, extra: Partial<GraphErrorInit> = {}) =>
  new GraphError({ status: 400, code: 100, message: `(#100) ${message}`, ...extra });

/** Template-management validation: code 100 with a 2388xxx subcode and a user-facing title. */
export const templateError = (subcode: number | undefined, userTitle: string, userMsg: string) =>
  new GraphError({ status: 400, code: 100, message: 'Invalid parameter', subcode, userTitle, userMsg });

export const unknownObject = (id: string, method: string) =>
  new GraphError({
    status: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });

export const unknownPath = (path: string) =>
  new GraphError({ status: 400, code: 2500, message: `Unknown path components: ${path}` });

export const nonexistingField = (field: string, nodeType: string) =>
  invalidParameter(`Tried accessing nonexisting field (${field}) on node type (${nodeType})`);
