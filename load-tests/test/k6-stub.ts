/**
 * Stands in for every `k6/*` module when vitest loads a scenario file (vitest.config.ts aliases
 * them here): enough for the init context to run so the test reads the real `options`. Nothing
 * here sends a request.
 */
class Metric {
  constructor(readonly name: string) {}
  add(): void {}
}
export class Counter extends Metric {}
export class Gauge extends Metric {}
export class Rate extends Metric {}
export class Trend extends Metric {}
export const check = () => true;
export const sleep = () => undefined;

const notInTests = () => {
  throw new Error('k6 stub: no requests in unit tests');
};
export default { hmac: notInTests, asyncRequest: notInTests, request: notInTests, vu: {}, scenario: {} };
