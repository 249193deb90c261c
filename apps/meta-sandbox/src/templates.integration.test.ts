/**
 * Template and account webhooks at a real receiver: approval after the delay (on the real
 * clock here, to prove the timers run unattended), rejection with a reason, recategorisation,
 * account and quality events, and the override-callback handshake.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RealClock } from './state/clock';
import { auth, createTemplate, fixture, marketingTemplate, sendTemplate, WABA } from './testing/harness';
import { appWithReceiver, changesOf, shapeOf, VERIFY_TOKEN } from './testing/receiver';

let t: Awaited<ReturnType<typeof appWithReceiver>>;
afterEach(async () => t?.close());

describe('template and account webhooks', () => {
  it('approves a PENDING template after the delay on the real clock', async () => {
    t = await appWithReceiver({ clock: new RealClock(), scenario: { approvalDelayMs: 50 } });
    const id = await createTemplate(t.app, marketingTemplate('spring_sale'));
    const started = Date.now();
    const received = await t.receiver.waitFor((list) => list.length === 1, 3_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(received[0]!.signatureOk).toBe(true);
    expect(shapeOf(received[0]!.body)).toEqual(shapeOf(fixture('template-status-approved.json')));
    expect(changesOf(received)[0]!.value).toMatchObject({ event: 'APPROVED', message_template_id: Number(id), message_template_category: 'MARKETING' });
  });

  it('rejects a template with a policy word, with the reason and rejection_info of the fixture', async () => {
    t = await appWithReceiver();
    await createTemplate(t.app, marketingTemplate('jackpot', 'Dear {{1}}, free money is waiting for you today.'));
    await t.clock.advance(2_000);
    const received = await t.receiver.waitFor((list) => list.length === 1);
    expect(shapeOf(received[0]!.body)).toEqual(shapeOf(fixture('template-status-rejected.json')));
    expect(changesOf(received)[0]!.value).toMatchObject({ event: 'REJECTED', reason: 'PROMOTIONAL' });
  });

  it('announces an impending recategorisation and then the completed one', async () => {
    t = await appWithReceiver();
    const id = await createTemplate(t.app, marketingTemplate('order_note', 'Hi {{1}}, your parcel is on its way.'));
    await t.clock.advance(2_000);
    await t.app.inject({ method: 'POST', url: `/_sandbox/templates/${id}/category`, payload: { category: 'UTILITY', impending: true } });
    await t.app.inject({ method: 'POST', url: `/_sandbox/templates/${id}/category`, payload: { category: 'UTILITY' } });
    const changes = changesOf(await t.receiver.waitFor((list) => list.length === 3)).filter((change) => change.field === 'template_category_update');
    expect(changes.map((change) => change.value)).toEqual([
      expect.objectContaining({ new_category: 'MARKETING', correct_category: 'UTILITY', category_update_timestamp: expect.any(Number) }),
      expect.objectContaining({ previous_category: 'MARKETING', new_category: 'UTILITY' }),
    ]);
  });

  it('sends account_update, and after PARTNER_APP_UNINSTALLED the token no longer works', async () => {
    t = await appWithReceiver();
    const restriction = { event: 'ACCOUNT_RESTRICTION', restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1767904800, remediation: 'Review your messaging practices.' }] };
    await t.app.inject({ method: 'POST', url: '/_sandbox/events/account-update', payload: restriction });
    const [first] = await t.receiver.waitFor((list) => list.length === 1);
    expect(shapeOf(first!.body)).toEqual(shapeOf(fixture('account-update.json')));
    await t.app.inject({ method: 'POST', url: '/_sandbox/events/account-update', payload: { event: 'PARTNER_APP_UNINSTALLED' } });
    await t.receiver.waitFor((list) => list.length === 2);
    const res = await t.app.inject({ method: 'GET', url: `/v25.0/${WABA}`, headers: auth() });
    expect((res.json() as { error: { code: number } }).error.code).toBe(190);
  });

  it('sends phone_number_quality_update shaped like the fixture and updates the number', async () => {
    t = await appWithReceiver();
    await t.app.inject({ method: 'POST', url: '/_sandbox/events/quality', payload: { event: 'DOWNGRADE', quality_rating: 'YELLOW', old_limit: 'TIER_10K', current_limit: 'TIER_1K' } });
    const [received] = await t.receiver.waitFor((list) => list.length === 1);
    expect(shapeOf(received!.body)).toEqual(shapeOf(fixture('phone-quality-downgrade.json')));
    const phone = await t.app.inject({ method: 'GET', url: '/v25.0/100000000000002?fields=quality_rating', headers: auth() });
    expect(phone.json()).toMatchObject({ quality_rating: 'YELLOW' });
  });

  it('verifies an override callback with the handshake and sends messages webhooks there', async () => {
    t = await appWithReceiver();
    const subscribe = (verifyToken: string) =>
      t.app.inject({ method: 'POST', url: `/v25.0/${WABA}/subscribed_apps`, headers: auth(), payload: { override_callback_uri: `${t.receiver.url}?override=1`, verify_token: verifyToken } });
    expect((await subscribe('wrong')).json()).toMatchObject({ error: { code: 2200 } });
    expect((await subscribe(VERIFY_TOKEN)).json()).toEqual({ success: true });
    const apps = await t.app.inject({ method: 'GET', url: `/v25.0/${WABA}/subscribed_apps`, headers: auth() });
    expect(apps.json()).toMatchObject({ data: [{ override_callback_uri: `${t.receiver.url}?override=1` }] });
    await sendTemplate(t.app, '15550198762');
    await createTemplate(t.app, marketingTemplate('spring_sale'));
    await t.clock.advance(2_000);
    await t.receiver.waitFor((list) => list.length === 4);
    const urls = t.app.sandbox.deliveries.list().map((record) => [record.fields[0], record.url]);
    // Template and account fields always go to the app's own URL, messages fields to the override.
    expect(urls).toContainEqual(['messages', `${t.receiver.url}?override=1`]);
    expect(urls).toContainEqual(['message_template_status_update', t.receiver.url]);
  });
});
