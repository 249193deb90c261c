/**
 * k6's threshold grammar, parsed and evaluated the way k6 does it: a metric selector
 * `name{tag:value,…}` and expressions `<aggregation> <operator> <number>` (`p(95)<300`,
 * `rate<0.01`, `count>0`, `max<=60`). The unit tests validate every scenario with it and the npm
 * runner judges its results with it, so both read thresholds exactly alike. Plain module.
 * @see https://grafana.com/docs/k6/latest/using-k6/thresholds/
 */
export type MetricType = 'trend' | 'rate' | 'counter' | 'gauge';

export interface Selector {
  metric: string;
  tags: Record<string, string>;
}

export interface Expression {
  aggregation: string;
  operator: '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';
  value: number;
}

/** Which aggregations k6 accepts for each metric type. */
export const AGGREGATIONS: Record<MetricType, RegExp> = {
  trend: /^(avg|min|max|med|p\((\d{1,2}(\.\d+)?|100)\))$/,
  rate: /^rate$/,
  counter: /^(count|rate)$/,
  gauge: /^value$/,
};

const SELECTOR = /^([a-zA-Z_][a-zA-Z0-9_]*)(?:\{([^{}]*)\})?$/;
const EXPRESSION = /^\s*(avg|min|max|med|count|rate|value|p\(\d+(?:\.\d+)?\))\s*(===|==|!=|<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/;

export function parseSelector(text: string): Selector {
  const m = SELECTOR.exec(text);
  if (!m) throw new Error(`threshold key "${text}" is not metric{tag:value}`);
  const tags: Record<string, string> = {};
  for (const part of (m[2] ?? '').split(',').filter((p) => p.trim() !== '')) {
    const at = part.indexOf(':');
    if (at <= 0 || at === part.length - 1) throw new Error(`threshold key "${text}": tag "${part}" is not name:value`);
    tags[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return { metric: m[1]!, tags };
}

export function parseExpression(text: string): Expression {
  const m = EXPRESSION.exec(text);
  if (!m) throw new Error(`threshold "${text}" is not "<aggregation> <operator> <number>" (e.g. p(95)<300, rate<0.01)`);
  return { aggregation: m[1]!, operator: m[2] as Expression['operator'], value: Number(m[3]) };
}

/** Throws when `expression` cannot apply to a metric of `type` (k6 refuses to start then). */
export function checkAggregation(type: MetricType, expression: Expression, key: string): void {
  if (!AGGREGATIONS[type].test(expression.aggregation)) {
    throw new Error(`threshold on ${key}: ${expression.aggregation} does not apply to a ${type} metric`);
  }
}

export function holds(expression: Expression, actual: number): boolean {
  const { operator, value } = expression;
  if (Number.isNaN(actual)) return false;
  switch (operator) {
    case '<': return actual < value;
    case '<=': return actual <= value;
    case '>': return actual > value;
    case '>=': return actual >= value;
    case '==':
    case '===': return actual === value;
    case '!=': return actual !== value;
  }
}

/** A threshold as written in options: a string, or `{ threshold, abortOnFail }`. */
export function expressionText(threshold: string | { threshold: string }): string {
  return typeof threshold === 'string' ? threshold : threshold.threshold;
}
