/**
 * Bodies as Graph reads them: JSON (an empty body is no body, since clients send a JSON
 * content type on DELETE too) and form-encoded, where a value that is JSON (`components=[…]`)
 * is decoded like Graph does.
 * @see https://fastify.dev/docs/latest/Reference/ContentTypeParser/
 */
import type { FastifyInstance } from 'fastify';
import { invalidParameter } from './graph/errors';

function decodeFormValue(value: string): unknown {
  if (!/^[[{]/.test(value.trim())) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(invalidParameter('Invalid parameter', { details: 'The request body is not valid JSON.' }), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const entries = [...new URLSearchParams(String(body))].map(([key, value]) => [key, decodeFormValue(value)]);
    done(null, Object.fromEntries(entries));
  });
}
