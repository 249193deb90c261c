/**
 * A template message drawn as WhatsApp shows it on a phone: a chat with the business, the
 * message as a white bubble (media or text header, body with WhatsApp's *bold*, _italic_,
 * ~strike~ and ```mono``` markup, footer, time) and its buttons as separate rows under it.
 * Presentational only: callers pass text already substituted, parts marked where variables went.
 * @see https://faq.whatsapp.com/539178204879377 (WhatsApp text formatting)
 */
import { Fragment, type ReactNode } from 'react';
import { cx } from '../lib/cx';
import { Icon, type IconName } from './icons';

/** A run of body or header text; `variable` marks a substituted value (`example`/`placeholder` when no value was given). */
export interface MessagePart {
  text: string;
  variable?: 'value' | 'example' | 'placeholder';
}

export type MessageHeader =
  | { kind: 'text'; parts: MessagePart[] }
  | { kind: 'image' | 'video' | 'document' | 'location'; caption?: string | null };

export interface MessageButton {
  kind: 'quick_reply' | 'url' | 'phone' | 'copy_code' | 'otp' | 'other';
  text: string;
}

export interface MessageBubbleProps {
  header?: MessageHeader | null;
  body: MessagePart[];
  footer?: string | null;
  buttons?: readonly MessageButton[];
  /** Shown bottom-right in the bubble, e.g. "10:42". */
  time?: string;
  testId?: string;
}

const MARKUP = /```([\s\S]+?)```|\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~/g;

type Style = 'mono' | 'bold' | 'italic' | 'strike';

/**
 * WhatsApp's markup over a whole text: which characters are markers (hidden) and which styles
 * each visible character has. Working on the joined text lets `*{{1}}*` bold a substituted value.
 */
function markup(text: string): { hidden: boolean[]; styles: Set<Style>[] } {
  const hidden = Array.from({ length: text.length }, () => false);
  const styles = Array.from({ length: text.length }, () => new Set<Style>());
  const visit = (from: number, to: number) => {
    for (const match of text.slice(from, to).matchAll(MARKUP)) {
      const start = from + match.index;
      const end = start + match[0].length;
      const style: Style =
        match[1] !== undefined
          ? 'mono'
          : match[2] !== undefined
            ? 'bold'
            : match[3] !== undefined
              ? 'italic'
              : 'strike';
      const marker = style === 'mono' ? 3 : 1;
      for (let i = start; i < start + marker; i++) hidden[i] = true;
      for (let i = end - marker; i < end; i++) hidden[i] = true;
      for (let i = start + marker; i < end - marker; i++) styles[i]!.add(style);
      if (style !== 'mono') visit(start + marker, end - marker);
    }
  };
  visit(0, text.length);
  return { hidden, styles };
}

const WRAPPERS: [Style, (children: ReactNode, key: string) => ReactNode][] = [
  [
    'mono',
    (c, key) => (
      <code key={key} className="ui-wa__mono">
        {c}
      </code>
    ),
  ],
  ['strike', (c, key) => <s key={key}>{c}</s>],
  ['italic', (c, key) => <em key={key}>{c}</em>],
  ['bold', (c, key) => <strong key={key}>{c}</strong>],
];

/** Parts (plain or substituted) rendered with WhatsApp's *bold*, _italic_, ~strike~ and ```mono```. */
function renderParts(parts: readonly MessagePart[]): ReactNode[] {
  const text = parts.map((p) => p.text).join('');
  const owner: (MessagePart['variable'] | undefined)[] = parts.flatMap((p) =>
    Array.from(p.text, () => p.variable),
  );
  const { hidden, styles } = markup(text);
  const out: ReactNode[] = [];
  let i = 0;
  while (i < text.length) {
    if (hidden[i]) {
      i++;
      continue;
    }
    const key = [...styles[i]!].sort().join() + '|' + (owner[i] ?? '');
    let j = i;
    let chunk = '';
    while (j < text.length && (hidden[j] || [...styles[j]!].sort().join() + '|' + (owner[j] ?? '') === key)) {
      if (!hidden[j]) chunk += text[j];
      j++;
    }
    let node: ReactNode = chunk;
    for (const [style, wrap] of WRAPPERS) if (styles[i]!.has(style)) node = wrap(node, `${i}-${style}`);
    const variable = owner[i];
    out.push(
      variable ? (
        <mark key={i} className={`ui-wa__var ui-wa__var--${variable}`}>
          {node}
        </mark>
      ) : (
        <Fragment key={i}>{node}</Fragment>
      ),
    );
    i = j;
  }
  return out;
}

/** WhatsApp's inline markup as elements; unmatched markers stay literal, like on a phone. */
export function formatWhatsAppText(text: string): ReactNode[] {
  return renderParts([{ text }]);
}

function Parts({ parts }: { parts: MessagePart[] }) {
  return <>{renderParts(parts)}</>;
}

const MEDIA: Record<Exclude<MessageHeader['kind'], 'text'>, { icon: IconName; label: string }> = {
  image: { icon: 'image', label: 'Image' },
  video: { icon: 'video', label: 'Video' },
  document: { icon: 'file', label: 'Document' },
  location: { icon: 'map-pin', label: 'Location' },
};

const BUTTON_ICONS: Record<MessageButton['kind'], IconName> = {
  quick_reply: 'reply',
  url: 'external',
  phone: 'phone',
  copy_code: 'copy',
  otp: 'copy',
  other: 'reply',
};

/** WhatsApp shows up to three buttons; with more, the first two and "See all options". */
function visibleButtons(buttons: readonly MessageButton[]): {
  shown: readonly MessageButton[];
  more: boolean;
} {
  return buttons.length > 3 ? { shown: buttons.slice(0, 2), more: true } : { shown: buttons, more: false };
}

export function MessageBubble({ header, body, footer, buttons = [], time, testId }: MessageBubbleProps) {
  const { shown, more } = visibleButtons(buttons);
  const empty = body.every((part) => part.text.trim() === '');
  return (
    <div className="ui-wa__message" data-testid={testId}>
      <div className={cx('ui-wa__bubble', shown.length > 0 && 'ui-wa__bubble--with-buttons')}>
        {header?.kind === 'text' && (
          <div className="ui-wa__header-text" data-testid={testId && `${testId}-header`}>
            <Parts parts={header.parts} />
          </div>
        )}
        {header && header.kind !== 'text' && (
          <div
            className={`ui-wa__media ui-wa__media--${header.kind}`}
            data-testid={testId && `${testId}-media`}
          >
            <Icon name={MEDIA[header.kind].icon} />
            <span>{header.caption || MEDIA[header.kind].label}</span>
          </div>
        )}
        <div
          className={cx('ui-wa__body', empty && 'ui-wa__body--empty')}
          data-testid={testId && `${testId}-body`}
        >
          {empty ? 'Your message appears here' : <Parts parts={body} />}
        </div>
        {footer && <div className="ui-wa__footer">{footer}</div>}
        <span className="ui-wa__time">{time ?? '10:42'}</span>
      </div>
      {shown.length > 0 && (
        <div className="ui-wa__buttons" data-testid={testId && `${testId}-buttons`}>
          {shown.map((button, index) => (
            <div key={index} className="ui-wa__button">
              <Icon name={BUTTON_ICONS[button.kind]} />
              <span>{button.text || '\u00a0'}</span>
            </div>
          ))}
          {more && (
            <div className="ui-wa__button">
              <Icon name="list" />
              <span>See all options</span>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** The chat around a bubble: the business's name in WhatsApp's green bar over the wallpaper. */
export function ChatPreview({
  title,
  subtitle,
  children,
  testId,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="ui-wa" data-testid={testId}>
      <div className="ui-wa__bar">
        <span className="ui-wa__avatar" aria-hidden="true">
          <Icon name="building" />
        </span>
        <div className="ui-wa__bar-text">
          <div className="ui-wa__bar-title">{title}</div>
          {subtitle && <div className="ui-wa__bar-subtitle">{subtitle}</div>}
        </div>
      </div>
      <div className="ui-wa__chat">
        <div className="ui-wa__day">Today</div>
        {children}
      </div>
    </div>
  );
}
