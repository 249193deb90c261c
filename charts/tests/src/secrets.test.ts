import { describe, expect, it } from 'vitest';
import { find, ofKind, render, tryRender } from './helm';

const decode = (value: string | undefined) => (value === undefined ? undefined : Buffer.from(value, 'base64').toString());

describe('Secret or existingSecret', () => {
  it('creates the Secret from values, kept on uninstall (the encryption key must outlive the release)', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const secret = find(render({ set: { 'secrets.databaseUrl': 'postgres://u:p@db/x?sslmode=verify-full', 'secrets.encryptionKey': key, 'secrets.metaAppSecret': 's3cret' } }), 'Secret', 'dbulk-secrets');
    expect(secret.metadata.annotations).toMatchObject({ 'helm.sh/resource-policy': 'keep' });
    expect(decode(secret.data!.DATABASE_URL)).toBe('postgres://u:p@db/x?sslmode=verify-full');
    expect(decode(secret.data!.ENCRYPTION_KEY)).toBe(key);
    expect(decode(secret.data!.META_APP_SECRET)).toBe('s3cret');
  });

  it('generates a 32-byte encryption key and a verify token when none is given', () => {
    const secret = find(render(), 'Secret', 'dbulk-secrets');
    expect(Buffer.from(decode(secret.data!.ENCRYPTION_KEY)!, 'base64')).toHaveLength(32);
    expect(decode(secret.data!.META_WEBHOOK_VERIFY_TOKEN)).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('renders no Secret with existingSecret and points every app and hook at it', () => {
    const manifests = render({ set: { 'secrets.existingSecret': 'from-vault' } });
    expect(ofKind(manifests, 'Secret')).toEqual([]);
    const refs = JSON.stringify(manifests).match(/"secretKeyRef":\{"name":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    expect(new Set(refs)).toEqual(new Set(['"secretKeyRef":{"name":"from-vault"']));
  });

  it('puts no secret value in the ConfigMap or the pod specs', () => {
    const manifests = render({ set: { 'secrets.databaseUrl': 'postgres://u:hunter2@db/x', 'secrets.metaAppSecret': 'app-secret-value' } });
    const outsideSecrets = JSON.stringify(manifests.filter((m) => m.kind !== 'Secret'));
    expect(outsideSecrets).not.toContain('hunter2');
    expect(outsideSecrets).not.toContain('app-secret-value');
  });

  it('requires the SASL credentials when SASL is on without an existing Secret', () => {
    expect(tryRender({ set: { 'kafka.sasl.enabled': true } }).stderr).toMatch(/kafka.sasl.enabled needs secrets.kafkaSaslUsername/);
    expect(tryRender({ set: { 'kafka.sasl.enabled': true, 'secrets.existingSecret': 'x' } }).ok).toBe(true);
  });
});
