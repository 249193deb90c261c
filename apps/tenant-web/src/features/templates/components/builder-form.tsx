import { Card, fieldErrorOf, Notice } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import { AuthenticationFields } from './authentication-fields';
import { ButtonFields } from './builder-buttons';
import type { SectionProps } from './builder-section';
import { BodyFields } from './body-fields';
import { FooterFields } from './footer-fields';
import { HeaderFields } from './header-fields';
import { IdentityFields } from './identity-fields';

type Detail = RouterOutputs['templates']['byId'];
type Account = RouterOutputs['whatsapp']['list'][number];

/** The builder's left column: identity, then either Meta's authentication options or the components. */
export function BuilderForm({
  existing,
  form,
  update,
  problem,
  error,
  accounts,
  locked,
}: SectionProps & {
  existing: Detail | null;
  /** The last save's error; its `name` problem shows under the name. */
  error: unknown;
  accounts: Account[];
  locked: { identity: boolean; category: boolean };
}) {
  const auth = form.category === 'AUTHENTICATION';
  return (
    <div className="ui-stack">
      {existing?.unsupported.length ? (
        <Notice tone="warning">
          This template uses parts the builder cannot edit ({existing.unsupported.join(', ')}). Edit it in
          WhatsApp Manager.
        </Notice>
      ) : null}
      <Card
        title="Template"
        description="How Meta files it: the name and language identify it on the WhatsApp number’s account."
      >
        <IdentityFields
          form={form}
          update={update}
          problem={(field) => problem(field) ?? (field === 'name' ? fieldErrorOf(error, 'name') : undefined)}
          accounts={accounts.map((a) => ({
            value: a.id,
            label: `${a.displayPhoneNumber ? `+${a.displayPhoneNumber.replace(/^\+/, '')}` : a.phoneNumberId}${a.verifiedName ? ` · ${a.verifiedName}` : ''}`,
          }))}
          locked={locked}
        />
      </Card>
      {auth ? (
        <Card title="Authentication message">
          <AuthenticationFields form={form} update={update} problem={problem} />
        </Card>
      ) : (
        <>
          <Card
            title="Header"
            description="Optional: a bold line, or an image, video or document above the text."
          >
            <HeaderFields form={form} update={update} problem={problem} />
          </Card>
          <Card
            title="Body"
            description="The message. Variables are filled in per recipient when a campaign sends it."
          >
            <BodyFields form={form} update={update} problem={problem} />
          </Card>
          <Card title="Footer">
            <FooterFields form={form} update={update} problem={problem} />
          </Card>
          <Card title="Buttons" description="Optional: up to 10 under the message.">
            <ButtonFields form={form} update={update} problem={problem} />
          </Card>
        </>
      )}
    </div>
  );
}
