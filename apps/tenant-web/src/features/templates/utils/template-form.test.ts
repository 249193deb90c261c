import { describe, expect, it } from 'vitest';
import { addButton, canAddButton, moveButton, newButton, type ButtonDraft } from './button-drafts';
import { emptyForm, toContent } from './template-form';
import { insertAt, nextPositional, variableNames } from './template-variables';

describe('variableNames', () => {
  it('orders positional variables by number and named ones by first use', () => {
    expect(variableNames('Hi {{2}}, order {{1}} ships {{2}}')).toEqual(['1', '2']);
    expect(variableNames('Hi {{name}}, order {{order_id}} for {{name}}')).toEqual(['name', 'order_id']);
  });

  it('ignores malformed placeholders', () => {
    expect(variableNames('Hi {{First Name}} {{}} {{1}}')).toEqual(['1']);
  });
});

describe('inserting a variable', () => {
  it('picks the next number and puts it at the caret', () => {
    expect(nextPositional('Hello')).toBe('1');
    expect(nextPositional('Hello {{1}} and {{3}}')).toBe('4');
    expect(insertAt('Hello !', 6, 6, '{{1}}')).toEqual({ text: 'Hello {{1}}!', caret: 11 });
  });
});

describe('toContent', () => {
  it('sends examples only for variables still in the text', () => {
    const form = {
      ...emptyForm('acc'),
      name: ' order_update ',
      bodyText: 'Order {{1}} shipped',
      bodyExamples: { '1': 'A-42', '2': 'old' },
    };
    const content = toContent(form);
    expect(content.name).toBe('order_update');
    expect(content.components.body).toEqual({ text: 'Order {{1}} shipped', examples: { '1': 'A-42' } });
    expect(content.components.header).toBeNull();
    expect(content.components.footer).toBeNull();
  });

  it('shapes each button type as the api expects', () => {
    const buttons: ButtonDraft[] = [
      { ...newButton('URL'), text: 'Track', url: 'https://x.test/t/{{1}}', example: 'A-42' },
      { ...newButton('URL'), text: 'Shop', url: 'https://x.test', example: 'unused' },
      { ...newButton('PHONE_NUMBER'), text: 'Call', phoneNumber: '+15550001' },
      { ...newButton('COPY_CODE'), example: 'SAVE10' },
    ];
    expect(toContent({ ...emptyForm(), buttons }).components.buttons).toEqual([
      { type: 'URL', text: 'Track', url: 'https://x.test/t/{{1}}', example: 'A-42' },
      { type: 'URL', text: 'Shop', url: 'https://x.test' },
      { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+15550001' },
      { type: 'COPY_CODE', example: 'SAVE10' },
    ]);
  });

  it('writes authentication templates as options plus one OTP button', () => {
    const content = toContent({
      ...emptyForm(),
      category: 'AUTHENTICATION',
      bodyText: 'ignored',
      codeExpirationMinutes: '10',
    });
    expect(content.components).toEqual({
      header: null,
      body: { addSecurityRecommendation: true },
      footer: { codeExpirationMinutes: 10 },
      buttons: [{ type: 'OTP', otpType: 'COPY_CODE', text: 'Copy code' }],
    });
  });
});

describe('buttons', () => {
  it('keeps quick replies together when adding', () => {
    const url = newButton('URL');
    const q1 = newButton('QUICK_REPLY');
    const q2 = newButton('QUICK_REPLY');
    const phone = newButton('PHONE_NUMBER');
    let buttons = addButton([], url);
    buttons = addButton(buttons, q1);
    buttons = addButton(buttons, phone);
    buttons = addButton(buttons, q2);
    expect(buttons.map((b) => b.key)).toEqual([q1.key, q2.key, url.key, phone.key]);
  });

  it('enforces per-type limits and moves within bounds', () => {
    const buttons = [newButton('PHONE_NUMBER'), newButton('URL')];
    expect(canAddButton(buttons, 'PHONE_NUMBER')).toBe(false);
    expect(canAddButton(buttons, 'URL')).toBe(true);
    expect(moveButton(buttons, 0, 1).map((b) => b.type)).toEqual(['URL', 'PHONE_NUMBER']);
    expect(moveButton(buttons, 0, -1).map((b) => b.type)).toEqual(['PHONE_NUMBER', 'URL']);
  });
});
