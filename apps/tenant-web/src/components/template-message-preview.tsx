/** Shared by the templates pages and the WhatsApp number's test message (both draw a template's preview). */
import {
  ChatPreview,
  MessageBubble,
  type MessageButton,
  type MessageHeader,
  type MessagePart,
} from '@dbulk/ui';
import type { RouterOutputs } from '../lib/trpc';

export type TemplatePreviewData = RouterOutputs['templates']['preview'];
type PreviewPart = TemplatePreviewData['bodyParts'][number];

const parts = (list: readonly PreviewPart[]): MessagePart[] =>
  list.map((p) => (p.variable ? { text: p.text, variable: p.source ?? 'placeholder' } : { text: p.text }));

const BUTTON_KINDS: Record<string, MessageButton['kind']> = {
  QUICK_REPLY: 'quick_reply',
  URL: 'url',
  PHONE_NUMBER: 'phone',
  COPY_CODE: 'copy_code',
  OTP: 'otp',
};

function headerOf(header: TemplatePreviewData['header']): MessageHeader | null {
  if (!header) return null;
  if (header.format === 'TEXT') return { kind: 'text', parts: parts(header.parts) };
  const kind = header.format.toLowerCase() as Exclude<MessageHeader['kind'], 'text'>;
  return { kind, caption: header.media ? fileName(header.media) : null };
}

/** "https://cdn.test/menu.pdf?x=1" → "menu.pdf"; an upload handle shows as is, shortened. */
function fileName(media: string): string {
  try {
    const name = new URL(media).pathname.split('/').filter(Boolean).at(-1);
    return name ? decodeURIComponent(name) : media;
  } catch {
    return media.length > 28 ? `${media.slice(0, 25)}…` : media;
  }
}

/** A template as WhatsApp shows it, from the api's rendered preview (examples where values are missing). */
export function TemplateMessagePreview({
  preview,
  businessName,
  stale = false,
  testId = 'template-preview',
}: {
  preview: TemplatePreviewData | undefined;
  businessName: string;
  stale?: boolean;
  testId?: string;
}) {
  return (
    <div style={{ opacity: stale ? 0.85 : 1, transition: 'opacity 120ms' }}>
      <ChatPreview title={businessName} subtitle="Business account" testId={testId}>
        <MessageBubble
          header={preview ? headerOf(preview.header) : null}
          body={preview ? parts(preview.bodyParts) : []}
          footer={preview?.footer ?? null}
          buttons={
            preview?.buttons.map((b) => ({ kind: BUTTON_KINDS[b.type] ?? 'other', text: b.text })) ?? []
          }
          testId={`${testId}-bubble`}
        />
      </ChatPreview>
    </div>
  );
}
