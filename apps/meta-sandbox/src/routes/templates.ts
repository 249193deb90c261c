/**
 * Template management: `GET|POST|DELETE /{version}/{waba-id}/message_templates` and
 * `POST /{version}/{template-id}/unpause`. Reading and editing one template by id
 * (`GET|POST /{version}/{template-id}`) lives in routes/nodes.ts with the other nodes.
 */
import type { FastifyInstance } from 'fastify';
import { authorize } from '../graph/auth';
import { unknownObject } from '../graph/errors';
import { selectFields } from '../graph/fields';
import { paginate } from '../graph/paging';
import { callerOf, graphVersion, requestUrl, wabaFor, type GraphRequest } from '../graph/request';
import type { Sandbox } from '../sandbox';
import { createTemplate, deleteTemplates, templateFields, unpauseTemplate } from '../services/templates';
import type { Template } from '../state/templates';

export const TEMPLATE_DEFAULT_FIELDS = ['name', 'parameter_format', 'components', 'language', 'status', 'category', 'id'];
export const TEMPLATE_NODE = 'WhatsAppBusinessHSM';

const listFilter = (query: Record<string, string | undefined>) => (template: Template) => {
  const statuses = query.status?.toUpperCase().split(',');
  return (
    (!statuses || statuses.includes(template.status)) &&
    (!query.category || query.category.toUpperCase().split(',').includes(template.category)) &&
    (!query.language || query.language.split(',').includes(template.language)) &&
    (!query.name || template.name.includes(query.name))
  );
};

export function templateRoutes(app: FastifyInstance, sb: Sandbox): void {
  app.get('/:version/:id/message_templates', async (request: GraphRequest) => {
    const waba = wabaFor(sb, request);
    // Newest first, like WhatsApp Manager and the Graph edge.
    const templates = sb.templates
      .ofWaba(waba.id)
      .filter(listFilter(request.query))
      .sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    return paginate(templates, request.query, requestUrl(request), (template) =>
      selectFields(templateFields(template), request.query.fields, TEMPLATE_DEFAULT_FIELDS, TEMPLATE_NODE),
    );
  });

  app.post('/:version/:id/message_templates', async (request: GraphRequest) => {
    const waba = wabaFor(sb, request);
    return createTemplate(sb, waba.id, request.body);
  });

  app.delete('/:version/:id/message_templates', async (request: GraphRequest) => {
    const waba = wabaFor(sb, request);
    return deleteTemplates(sb, waba.id, request.query);
  });

  app.post('/:version/:id/unpause', async (request: GraphRequest) => {
    graphVersion(request);
    const caller = callerOf(sb, request);
    const template = sb.templates.byId.get(request.params.id);
    if (!template) throw unknownObject(request.params.id, 'POST');
    authorize(caller, template.wabaId, 'whatsapp_business_management');
    return unpauseTemplate(sb, template);
  });
}
