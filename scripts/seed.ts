/**
 * Demo data for `scripts/dev`: a platform admin and a tenant with an owner and a member.
 * Idempotent: existing users are left alone. Run: npx tsx scripts/seed.ts
 * Credentials come from the environment (SEED_*) or the documented local defaults.
 */
import { createOrm, Membership, User } from '@dbulk/db';
import { readStackEnvFile } from '@dbulk/config';
import { ensurePlatformAdmin, inviteMember, signUp } from '@dbulk/domain-tenancy';

const env = { ...readStackEnvFile(), ...process.env };
const url = env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set and .data/stack.env is missing: run scripts/stack up first');

const admin = { email: env.SEED_ADMIN_EMAIL ?? 'admin@dbulk.local', password: env.SEED_ADMIN_PASSWORD ?? 'dbulk-admin-password' };
const owner = { email: env.SEED_OWNER_EMAIL ?? 'owner@demo.dbulk.local', password: env.SEED_OWNER_PASSWORD ?? 'dbulk-owner-password' };
const member = { email: 'member@demo.dbulk.local', password: owner.password };

const orm = await createOrm({ url, poolMax: 2 });
try {
  const em = orm.em.fork();
  const existingAdmin = await em.findOne(User, { email: admin.email });
  if (!existingAdmin) await ensurePlatformAdmin(em, { ...admin, name: 'Platform Admin' });

  let ownerUser = await em.findOne(User, { email: owner.email });
  if (!ownerUser) {
    const result = await signUp(em, { ...owner, name: 'Demo Owner', tenantName: 'Demo Retail Co' }, null);
    ownerUser = result.user;
  }
  const ownerMembership = await em.findOneOrFail(Membership, { user: ownerUser.id, role: 'owner' }, { orderBy: { createdAt: 'asc' } });
  const tenantId = ownerMembership.tenant.id;
  if (!(await em.findOne(User, { email: member.email }))) {
    const invitation = await inviteMember(em, { userId: ownerUser.id, email: owner.email, ip: null, tenantId, role: 'owner' }, { email: member.email, role: 'member' });
    // Signing up through the invitation makes the membership.
    await signUp(em, { ...member, name: 'Demo Member', invitationToken: invitation.token }, null);
  }
  console.log(`seed: platform admin ${admin.email} / ${env.SEED_ADMIN_PASSWORD ? '(from SEED_ADMIN_PASSWORD)' : admin.password}`);
  console.log(`seed: tenant "Demo Retail Co" owner ${owner.email} / ${env.SEED_OWNER_PASSWORD ? '(from SEED_OWNER_PASSWORD)' : owner.password}, member ${member.email}`);
} finally {
  await orm.close(true);
}
