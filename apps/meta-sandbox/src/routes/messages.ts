/**
 * `POST /{version}/{phone-number-id}/messages`. Rejections are counted by code for
 * `/_sandbox/sent/summary`, so a test can see how many sends Meta refused and why.
 */
import type { FastifyInstance } from 'fastify';
import { authorize } from '../graph/auth';
import { GraphError, unknownObject } from '../graph/errors';
import { callerOf, graphVersion, type GraphRequest } from '../graph/request';
import type { Sandbox } from '../sandbox';
import { sendMessage } from '../services/send-message';

export function messagesRoutes(app: FastifyInstance, sb: Sandbox): void {
  app.post('/:version/:id/messages', async (request: GraphRequest) => {
    const version = graphVersion(request);
    const caller = callerOf(sb, request);
    const phone = sb.accounts.phones.get(request.params.id);
    if (!phone) throw unknownObject(request.params.id, 'POST');
    authorize(caller, phone.wabaId, 'whatsapp_business_messaging');
    try {
      return sendMessage(sb, phone, request.body, version);
    } catch (err) {
      if (err instanceof GraphError) sb.sends.rejected(err.code);
      throw err;
    }
  });
}
