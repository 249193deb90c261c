/**
 * `GET /{version}/{id}` for any node the sandbox holds (phone number, WABA, template) and
 * `POST /{version}/{template-id}` (template edit). Graph answers 100/33 for ids that do not
 * exist; a token without access to the node's WABA gets the permission error.
 */
import type { FastifyInstance } from 'fastify';
import { authorize } from '../graph/auth';
import { unknownObject } from '../graph/errors';
import { selectFields } from '../graph/fields';
import { callerOf, graphVersion, type GraphRequest } from '../graph/request';
import type { Sandbox } from '../sandbox';
import { editTemplate, templateFields } from '../services/templates';
import { PHONE_DEFAULT_FIELDS, PHONE_NODE, phoneFields } from './phone-numbers';
import { TEMPLATE_NODE } from './templates';
import { WABA_DEFAULT_FIELDS, WABA_NODE, wabaFields } from './waba';

const TEMPLATE_NODE_DEFAULTS = ['id', 'name', 'language', 'status', 'category', 'parameter_format', 'components'];

export function nodeRoutes(app: FastifyInstance, sb: Sandbox): void {
  app.get('/:version/:id', async (request: GraphRequest) => {
    const version = graphVersion(request);
    const caller = callerOf(sb, request);
    const { id } = request.params;
    const fields = request.query.fields;
    const phone = sb.accounts.phones.get(id);
    if (phone) {
      authorize(caller, phone.wabaId, 'whatsapp_business_management');
      return selectFields(phoneFields(sb, phone, version), fields, PHONE_DEFAULT_FIELDS, PHONE_NODE);
    }
    const waba = sb.accounts.wabas.get(id);
    if (waba) {
      authorize(caller, waba.id, 'whatsapp_business_management');
      return selectFields(wabaFields(sb, waba), fields, WABA_DEFAULT_FIELDS, WABA_NODE);
    }
    const template = sb.templates.byId.get(id);
    if (template) {
      authorize(caller, template.wabaId, 'whatsapp_business_management');
      return selectFields(templateFields(template), fields, TEMPLATE_NODE_DEFAULTS, TEMPLATE_NODE);
    }
    throw unknownObject(id, 'GET');
  });

  app.post('/:version/:id', async (request: GraphRequest) => {
    graphVersion(request);
    const caller = callerOf(sb, request);
    const template = sb.templates.byId.get(request.params.id);
    if (!template) throw unknownObject(request.params.id, 'POST');
    authorize(caller, template.wabaId, 'whatsapp_business_management');
    return editTemplate(sb, template, request.body);
  });
}
