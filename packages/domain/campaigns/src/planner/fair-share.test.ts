import { describe, expect, it } from 'vitest';
import { allocate, numberAllowance, waterFill, type Candidate } from './fair-share';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('waterFill', () => {
  it('gives everyone their demand when capacity suffices', () => {
    expect(waterFill([3, 5, 1], 100)).toEqual([3, 5, 1]);
    expect(waterFill([3, 5], Infinity)).toEqual([3, 5]);
  });

  it('is max-min fair: small demands are met, the rest is split equally', () => {
    expect(waterFill([2, 100, 100], 42)).toEqual([2, 20, 20]);
    expect(waterFill([1_000_000, 10], 100)).toEqual([90, 10]);
  });

  it('never hands out more than the capacity or the demand, in whole units', () => {
    for (const [demands, cap] of [
      [[7, 7, 7], 10],
      [[0, 0, 5], 3],
      [[4, 9, 2, 30], 17],
      [[1, 1], 0],
    ] as const) {
      const out = waterFill([...demands], cap);
      expect(sum(out)).toBe(Math.min(cap, sum([...demands])));
      out.forEach((v, i) => expect(v).toBeLessThanOrEqual(demands[i]!));
      out.forEach((v) => expect(Number.isInteger(v)).toBe(true));
    }
  });

  it('rotates leftover units so ties do not always favour the first', () => {
    expect(waterFill([5, 5, 5], 4, 0)).toEqual([2, 1, 1]);
    expect(waterFill([5, 5, 5], 4, 1)).toEqual([1, 2, 1]);
  });

  it('treats a negative capacity as none', () => {
    expect(waterFill([5], -3)).toEqual([0]);
  });
});

const c = (
  campaignId: string,
  tenantId: string,
  phoneNumberId: string,
  pending: number,
  budgetKey = `${tenantId}:waba`,
): Candidate => ({
  campaignId,
  tenantId,
  phoneNumberId,
  budgetKey,
  pending,
});

describe('allocate', () => {
  it('keeps each number within rate × lookahead, shared by its campaigns', () => {
    const out = allocate([c('a', 't1', 'n1', 10_000), c('b', 't1', 'n1', 10_000), c('c', 't2', 'n2', 50)], {
      perNumber: new Map([
        ['n1', 240],
        ['n2', 240],
      ]),
      perBudget: new Map(),
      perTick: 10_000,
    });
    expect(out.get('a')! + out.get('b')!).toBe(240);
    expect(out.get('a')).toBe(120);
    expect(out.get('c')).toBe(50);
  });

  it('never starves a small tenant behind a large backlog when the tick is the bottleneck', () => {
    const out = allocate([c('big', 't1', 'n1', 1_000_000), c('small', 't2', 'n2', 30)], {
      perNumber: new Map([
        ['n1', 5_000],
        ['n2', 5_000],
      ]),
      perBudget: new Map(),
      perTick: 500,
    });
    expect(out.get('small')).toBe(30);
    expect(out.get('big')).toBe(470);
  });

  it('gives a tenant one share however many campaigns it runs', () => {
    const out = allocate(
      [
        c('a1', 't1', 'n1', 1_000),
        c('a2', 't1', 'n1', 1_000),
        c('a3', 't1', 'n1', 1_000),
        c('b', 't2', 'n2', 1_000),
      ],
      {
        perNumber: new Map([
          ['n1', 10_000],
          ['n2', 10_000],
        ]),
        perBudget: new Map(),
        perTick: 600,
      },
    );
    expect(out.get('b')).toBe(300);
    expect(out.get('a1')! + out.get('a2')! + out.get('a3')!).toBe(300);
  });

  it('stops at the messaging-limit budget shared by the numbers of one portfolio', () => {
    const out = allocate([c('a', 't1', 'n1', 500, 'p'), c('b', 't1', 'n2', 500, 'p')], {
      perNumber: new Map([
        ['n1', 1_000],
        ['n2', 1_000],
      ]),
      perBudget: new Map([['p', 100]]),
      perTick: 10_000,
    });
    expect(out.get('a')! + out.get('b')!).toBe(100);
    expect(
      allocate([c('a', 't1', 'n1', 5, 'p')], {
        perNumber: new Map([['n1', 10]]),
        perBudget: new Map([['p', 0]]),
        perTick: 10,
      }).size,
    ).toBe(0);
  });

  it('releases nothing for a number already full', () => {
    expect(numberAllowance(80, 3, 240)).toBe(0);
    expect(numberAllowance(80, 3, 100)).toBe(140);
    expect(numberAllowance(0.5, 3, 0)).toBe(1);
  });
});
