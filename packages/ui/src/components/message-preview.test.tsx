import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatWhatsAppText, MessageBubble } from './message-preview';

const html = (text: string) => renderToStaticMarkup(createElement('p', null, ...formatWhatsAppText(text)));

describe('formatWhatsAppText', () => {
  it('renders WhatsApp markup as bold, italic, strike-through and monospace', () => {
    expect(html('Hi *Ana*, _your_ order ~shipped~ ```A-1```')).toBe(
      '<p>Hi <strong>Ana</strong>, <em>your</em> order <s>shipped</s> <code class="ui-wa__mono">A-1</code></p>',
    );
  });

  it('nests markup and leaves unmatched markers as typed', () => {
    expect(html('*_both_*')).toBe('<p><strong><em>both</em></strong></p>');
    expect(html('2 * 3 = 6_')).toBe('<p>2 * 3 = 6_</p>');
  });
});

describe('MessageBubble', () => {
  it('applies markup around a substituted value, as WhatsApp does after filling it in', () => {
    const markup = renderToStaticMarkup(
      createElement(MessageBubble, {
        body: [{ text: 'Our *' }, { text: 'spring', variable: 'value' }, { text: '* menu' }],
      }),
    );
    expect(markup).toContain(
      'Our <mark class="ui-wa__var ui-wa__var--value"><strong>spring</strong></mark> menu',
    );
  });

  it('shows two buttons and "See all options" when there are more than three', () => {
    const markup = renderToStaticMarkup(
      createElement(MessageBubble, {
        body: [{ text: 'Hello ' }, { text: 'Ana', variable: 'example' }],
        buttons: ['A', 'B', 'C', 'D'].map((text) => ({ kind: 'quick_reply' as const, text })),
      }),
    );
    expect(markup).toContain('<mark class="ui-wa__var ui-wa__var--example">Ana</mark>');
    expect(markup).toContain('See all options');
    expect(markup).not.toContain('>C<');
  });
});
