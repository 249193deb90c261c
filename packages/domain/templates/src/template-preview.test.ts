import { describe, expect, it } from 'vitest';
import { renderPreview } from './template-preview';
import type { TemplateContent } from './template.types';

const marketing: Pick<TemplateContent, 'category' | 'components'> = {
  category: 'MARKETING',
  components: {
    header: { format: 'TEXT', text: 'Hi {{1}}', examples: { '1': 'Ana' } },
    body: {
      text: 'Your order {{1}} ships on {{2}}. Thanks for shopping with us!',
      examples: { '1': 'A-42' },
    },
    footer: { text: 'Reply STOP to opt out' },
    buttons: [
      { type: 'QUICK_REPLY', text: 'Stop promotions' },
      { type: 'URL', text: 'Track', url: 'https://shop.example.com/t/{{1}}', example: 'A-42' },
      { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+15551234567' },
      { type: 'COPY_CODE', example: 'SAVE10' },
    ],
  },
};

describe('renderPreview', () => {
  it('substitutes given values, then examples, then placeholders, and says which were missing', () => {
    const preview = renderPreview(marketing, { 'header.1': 'Bo', 'buttons.1': 'Z-9' });
    expect(preview.header).toMatchObject({ format: 'TEXT', text: 'Hi Bo', media: null });
    expect(preview.body).toBe('Your order A-42 ships on {{2}}. Thanks for shopping with us!');
    expect(preview.bodyParts).toEqual([
      { text: 'Your order ' },
      { text: 'A-42', variable: 'body.1', source: 'example' },
      { text: ' ships on ' },
      { text: '{{2}}', variable: 'body.2', source: 'placeholder' },
      { text: '. Thanks for shopping with us!' },
    ]);
    expect(preview.footer).toBe('Reply STOP to opt out');
    expect(preview.buttons).toEqual([
      { type: 'QUICK_REPLY', text: 'Stop promotions' },
      { type: 'URL', text: 'Track', url: 'https://shop.example.com/t/Z-9' },
      { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+15551234567' },
      { type: 'COPY_CODE', text: 'Copy offer code', code: 'SAVE10' },
    ]);
    expect(preview.missing.sort()).toEqual(['body.1', 'body.2', 'buttons.3']);
  });

  it('fills every value when all are given', () => {
    const preview = renderPreview(marketing, {
      'header.1': 'Bo',
      'body.1': 'B-1',
      'body.2': 'Monday',
      'buttons.1': 'B-1',
      'buttons.3': 'XMAS',
    });
    expect(preview.body).toBe('Your order B-1 ships on Monday. Thanks for shopping with us!');
    expect(preview.missing).toEqual([]);
    expect(preview.buttons[3]).toMatchObject({ code: 'XMAS' });
  });

  it('shows named variables and a media header', () => {
    const preview = renderPreview(
      {
        category: 'UTILITY',
        components: {
          header: { format: 'IMAGE', mediaExample: 'https://cdn.example.com/a.jpg' },
          body: { text: 'Hi {{first_name}}, welcome aboard.' },
        },
      },
      { 'body.first_name': 'Ana' },
    );
    expect(preview.header).toEqual({
      format: 'IMAGE',
      text: null,
      parts: [],
      media: 'https://cdn.example.com/a.jpg',
    });
    expect(preview.body).toBe('Hi Ana, welcome aboard.');
  });

  it('draws an authentication template the way Meta writes it', () => {
    const preview = renderPreview(
      {
        category: 'AUTHENTICATION',
        components: {
          body: { addSecurityRecommendation: true },
          footer: { codeExpirationMinutes: 10 },
          buttons: [{ type: 'OTP' }],
        },
      },
      { 'body.1': '123456' },
    );
    expect(preview.body).toBe('123456 is your verification code. For your security, do not share this code.');
    expect(preview.footer).toBe('This code expires in 10 minutes.');
    expect(preview.buttons).toEqual([{ type: 'OTP', text: 'Copy code', code: '123456' }]);
  });
});
