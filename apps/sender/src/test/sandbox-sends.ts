/** What the sandbox recorded for one number: send times (its clock) and recipients. */
import { sandboxControl, type Stack } from './harness';

export async function sandboxSends(stack: Stack, phoneNumberId: string): Promise<{ to: string; at: number }[]> {
  const res = await sandboxControl(stack, 'GET', `/sent?phone_number_id=${phoneNumberId}`);
  return ((res.data ?? []) as { waId: string; acceptedAt: number }[]).map((r) => ({ to: r.waId, at: r.acceptedAt })).sort((a, b) => a.at - b.at);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
