/**
 * The sample template Meta gives every test number: `hello_world`, en_US, UTILITY, APPROVED,
 * positional, no variables.
 * @see ../shared/meta/README.md (beside the repository) §7
 */
import type { Template } from '../state/templates';

export function helloWorld(id: string, wabaId: string, now: number): Template {
  return {
    id,
    wabaId,
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    previousCategory: null,
    status: 'APPROVED',
    parameterFormat: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
      {
        type: 'BODY',
        text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
      },
      { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
    ],
    rejectedReason: 'NONE',
    qualityScore: { score: 'UNKNOWN', date: Math.floor(now / 1000) },
    createdAt: now,
    approvedEdits: [],
    pauses: 0,
    revision: 0,
  };
}
