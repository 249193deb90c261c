import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AuthPage } from './auth-page';
import { RouteErrorPanel } from './route-error-panel';
import { SignInForm } from './sign-in-form';

const apiError = (data: Record<string, unknown>) => Object.assign(new Error('rejected'), { data });
const idle = { mutate: () => {}, error: null, isPending: false };

describe('SignInForm', () => {
  it('shows no error banner before a sign-in has failed', () => {
    expect(renderToStaticMarkup(createElement(SignInForm, { mutation: idle }))).not.toContain('error-banner');
  });

  it('shows a failed sign-in above the form and field errors beside their field', () => {
    const error = apiError({ code: 'BAD_REQUEST', fieldErrors: { email: ['invalid email'] } });
    const html = renderToStaticMarkup(createElement(SignInForm, { mutation: { ...idle, error } }));
    expect(html).toContain('data-testid="error-banner"');
    expect(html).toContain('Invalid email.');
  });
});

describe('AuthPage', () => {
  it('renders the brand it is given, and no heading without a title', () => {
    const html = renderToStaticMarkup(createElement(AuthPage, { brand: 'Console', children: 'body' }));
    expect(html).toContain('<div class="ui-auth-page__brand">Console</div>');
    expect(html).not.toContain('<h1');
  });
});

describe('RouteErrorPanel', () => {
  it('says a session ended instead of showing an error, since the app is redirecting to sign-in', () => {
    const html = renderToStaticMarkup(createElement(RouteErrorPanel, { error: apiError({ code: 'UNAUTHORIZED' }), onRetry: () => {} }));
    expect(html).toContain('Your session ended');
    expect(html).not.toContain('error-banner');
  });

  it('shows any other error with a retry', () => {
    const html = renderToStaticMarkup(createElement(RouteErrorPanel, { error: apiError({ code: 'NOT_FOUND' }), onRetry: () => {} }));
    expect(html).toContain('This page could not load');
    expect(html).toContain('Try again');
  });
});
