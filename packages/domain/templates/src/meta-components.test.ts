import { describe, expect, it } from 'vitest';
import { fromMetaComponents, toMetaComponents } from './meta-components';
import type { TemplateContent } from './template.types';

const full: TemplateContent = {
  name: 'spring',
  language: 'en_US',
  category: 'MARKETING',
  parameterFormat: 'POSITIONAL',
  components: {
    header: { format: 'TEXT', text: 'Hi {{1}}', examples: { '1': 'Ana' } },
    body: { text: 'Order {{2}} and {{1}} ship today, thank you.', examples: { '1': 'A-42', '2': 'B-7' } },
    footer: { text: 'Reply STOP to opt out' },
    buttons: [
      { type: 'QUICK_REPLY', text: 'Yes' },
      { type: 'URL', text: 'Track', url: 'https://x.example.com/{{1}}', example: 'A-42' },
      { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+15551234567' },
      { type: 'COPY_CODE', example: 'SAVE10' },
    ],
  },
};

describe('Meta component JSON', () => {
  it('writes Meta’s shapes: examples in variable order, buttons in Meta’s field names', () => {
    expect(toMetaComponents(full)).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}', example: { header_text: ['Ana'] } },
      {
        type: 'BODY',
        text: 'Order {{2}} and {{1}} ship today, thank you.',
        example: { body_text: [['A-42', 'B-7']] },
      },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Yes' },
          { type: 'URL', text: 'Track', url: 'https://x.example.com/{{1}}', example: ['A-42'] },
          { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15551234567' },
          { type: 'COPY_CODE', example: 'SAVE10' },
        ],
      },
    ]);
  });

  it('writes named examples and authentication parts', () => {
    const named = toMetaComponents({
      ...full,
      parameterFormat: 'NAMED',
      components: { body: { text: 'Hi {{first_name}}, all good.', examples: { first_name: 'Ana' } } },
    });
    expect(named).toEqual([
      {
        type: 'BODY',
        text: 'Hi {{first_name}}, all good.',
        example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] },
      },
    ]);
    const auth = toMetaComponents({
      ...full,
      category: 'AUTHENTICATION',
      components: {
        body: { addSecurityRecommendation: true },
        footer: { codeExpirationMinutes: 5 },
        buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy' }],
      },
    });
    expect(auth).toEqual([
      { type: 'BODY', add_security_recommendation: true },
      { type: 'FOOTER', code_expiration_minutes: 5 },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy' }] },
    ]);
  });

  it('reads back what it wrote', () => {
    const back = fromMetaComponents(toMetaComponents(full) as Record<string, unknown>[], 'POSITIONAL');
    expect(back.unsupported).toEqual([]);
    expect(back.components).toEqual(full.components);
    const image = {
      ...full,
      components: {
        body: full.components.body,
        header: { format: 'IMAGE' as const, mediaExample: '4::abc' },
      },
    };
    expect(
      fromMetaComponents(toMetaComponents(image) as Record<string, unknown>[], 'POSITIONAL').components
        .header,
    ).toEqual({ format: 'IMAGE', mediaExample: '4::abc' });
  });

  it('reads Meta’s hello_world and reports what the builder cannot edit', () => {
    const hello = fromMetaComponents(
      [
        { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
        { type: 'BODY', text: 'Welcome and congratulations!!' },
        { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
      ],
      'POSITIONAL',
    );
    expect(hello.components).toMatchObject({
      header: { format: 'TEXT', text: 'Hello World' },
      body: { text: 'Welcome and congratulations!!' },
      footer: { text: 'WhatsApp Business Platform sample message' },
    });
    const odd = fromMetaComponents(
      [
        { type: 'body', text: 'x' },
        { type: 'CAROUSEL', cards: [] },
        { type: 'BUTTONS', buttons: [{ type: 'CATALOG', text: 'View' }] },
      ],
      'POSITIONAL',
    );
    expect(odd.unsupported).toEqual([
      'components: CAROUSEL components',
      'components.buttons[0]: CATALOG buttons',
    ]);
    expect(odd.components.body.text).toBe('x');
  });
});
