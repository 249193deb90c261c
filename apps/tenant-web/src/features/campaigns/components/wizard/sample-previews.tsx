import { ChatPreview, MessageBubble, type MessageButton } from '@dbulk/ui';
import type { RouterOutputs } from '../../../../lib/trpc';

type Sample = RouterOutputs['campaigns']['preview']['samples'][number];

const BUTTON_KINDS: Record<string, MessageButton['kind']> = {
  QUICK_REPLY: 'quick_reply',
  URL: 'url',
  PHONE_NUMBER: 'phone',
  COPY_CODE: 'copy_code',
  OTP: 'otp',
};

/** The message as a few real recipients would get it, values substituted by the api. */
export function SamplePreviews({
  samples,
  businessName,
}: {
  samples: readonly Sample[];
  businessName: string;
}) {
  return (
    <div className="ui-stack" data-testid="mapping-samples">
      {samples.map((s, i) => (
        <div key={s.phone} data-testid={`mapping-sample-${i}`}>
          <div className="ui-small ui-muted" style={{ marginBottom: 4 }}>
            To {s.name ? `${s.name} · ` : ''}
            <span className="ui-mono">{s.phone}</span>
          </div>
          <ChatPreview title={businessName} subtitle="Business account">
            <MessageBubble
              header={
                typeof s.header === 'string' && s.header
                  ? { kind: 'text', parts: [{ text: s.header }] }
                  : null
              }
              body={[{ text: s.body }]}
              buttons={(s.buttons ?? []).map((b) => ({
                kind: BUTTON_KINDS[b.type] ?? 'other',
                text: b.text,
              }))}
              testId={`mapping-sample-${i}-bubble`}
            />
          </ChatPreview>
        </div>
      ))}
    </div>
  );
}
