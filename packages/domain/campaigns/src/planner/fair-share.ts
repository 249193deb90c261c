/**
 * The planner's pure maths: how many PENDING messages each campaign may release this tick.
 * Max-min fair ("water filling") at every level, so a big backlog never starves a small one:
 * per phone number (rate × lookahead − in flight), per portfolio budget (messaging limit), and
 * per tick across tenants, then across each tenant's campaigns. No I/O.
 */

/**
 * Splits `capacity` over `demands` max-min fairly in whole units: everyone gets up to an equal
 * share, what the small ones do not need goes to the others. Leftover units go round-robin
 * from `rotation`, so ties do not always favour the same index.
 */
export function waterFill(demands: number[], capacity: number, rotation = 0): number[] {
  const want = demands.map((d) => Math.max(0, Math.floor(d)));
  if (!Number.isFinite(capacity)) return want;
  const out = want.map(() => 0);
  let left = Math.max(0, Math.floor(capacity));
  const order = want.map((_, i) => i).sort((a, b) => want[a]! - want[b]!);
  // Meet the small demands whole while they fit under the equal share; the rest get that share.
  let k = 0;
  for (; k < order.length; k++) {
    const i = order[k]!;
    if (want[i]! > Math.floor(left / (order.length - k))) break;
    out[i] = want[i]!;
    left -= want[i]!;
  }
  const share = k < order.length ? Math.floor(left / (order.length - k)) : 0;
  for (const i of order.slice(k)) {
    out[i] = share;
    left -= share;
  }
  for (let j = 0; j < out.length && left > 0; j++) {
    const i = (j + rotation) % out.length;
    if (out[i]! < want[i]!) {
      out[i]!++;
      left--;
    }
  }
  return out;
}

export interface Candidate {
  campaignId: string;
  tenantId: string;
  phoneNumberId: string;
  /** The messaging-limit pool: tenant and WABA. */
  budgetKey: string;
  pending: number;
}

export interface Capacities {
  /** Messages each number may still have queued: rate × lookahead − QUEUED/SENDING. */
  perNumber: Map<string, number>;
  /** Recipients each portfolio may still reach in the rolling 24 h (Infinity when unlimited). */
  perBudget: Map<string, number>;
  /** Upper bound of messages released in one tick, shared fairly by tenants. */
  perTick: number;
}

function limitGroups(
  candidates: Candidate[],
  alloc: number[],
  keyOf: (c: Candidate) => string,
  capOf: (key: string) => number,
  rotation: number,
) {
  const groups = new Map<string, number[]>();
  candidates.forEach((c, i) => groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), i]));
  for (const [key, members] of groups) {
    const shares = waterFill(
      members.map((i) => alloc[i]!),
      capOf(key),
      rotation,
    );
    members.forEach((i, k) => (alloc[i] = shares[k]!));
  }
}

/** Messages each campaign releases this tick (campaign id → count; zero counts omitted). */
export function allocate(candidates: Candidate[], caps: Capacities, rotation = 0): Map<string, number> {
  const alloc = candidates.map((c) => c.pending);
  limitGroups(
    candidates,
    alloc,
    (c) => c.phoneNumberId,
    (k) => Math.max(0, caps.perNumber.get(k) ?? 0),
    rotation,
  );
  limitGroups(
    candidates,
    alloc,
    (c) => c.budgetKey,
    (k) => Math.max(0, caps.perBudget.get(k) ?? Infinity),
    rotation,
  );
  // Across tenants first, then within each tenant: ten campaigns do not get a tenant ten shares.
  const tenants = [...new Set(candidates.map((c) => c.tenantId))];
  const tenantWant = tenants.map((t) =>
    candidates.reduce((sum, c, i) => (c.tenantId === t ? sum + alloc[i]! : sum), 0),
  );
  const tenantShare = waterFill(tenantWant, caps.perTick, rotation);
  const shareOf = new Map(tenants.map((t, k) => [t, tenantShare[k]!]));
  limitGroups(
    candidates,
    alloc,
    (c) => c.tenantId,
    (t) => shareOf.get(t) ?? 0,
    rotation,
  );
  const out = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (alloc[i]! > 0) out.set(c.campaignId, alloc[i]!);
  });
  return out;
}

/** How many a number may add to its queue: rate × lookahead seconds, minus what is already queued or sending. */
export function numberAllowance(rate: number, lookaheadSeconds: number, inFlight: number): number {
  return Math.max(0, Math.floor(rate * lookaheadSeconds) - inFlight);
}
