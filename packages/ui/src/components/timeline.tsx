import type { ReactNode } from 'react';
import { cx } from '../lib/cx';
import { Icon } from './icons';

export interface TimelineItem {
  key: string;
  title: ReactNode;
  /** Right-aligned, e.g. a time. */
  meta?: ReactNode;
  description?: ReactNode;
  /** done: happened; current: happening now; pending: not yet; failed: ended in an error. */
  state: 'done' | 'current' | 'pending' | 'failed';
  testId?: string;
}

/** A vertical list of steps or events (message statuses, template versions), oldest first. */
export function Timeline({ items, testId }: { items: readonly TimelineItem[]; testId?: string }) {
  return (
    <ol className="ui-timeline" data-testid={testId}>
      {items.map((item) => (
        <li
          key={item.key}
          className={cx('ui-timeline__item', `ui-timeline__item--${item.state}`)}
          data-testid={item.testId}
          data-state={item.state}
        >
          <span className="ui-timeline__marker" aria-hidden="true">
            {item.state === 'done' && <Icon name="check" />}
            {item.state === 'failed' && <Icon name="x" />}
          </span>
          <div className="ui-timeline__content">
            <div className="ui-timeline__head">
              <span className="ui-timeline__title">{item.title}</span>
              {item.meta && <span className="ui-timeline__meta">{item.meta}</span>}
            </div>
            {item.description && <div className="ui-timeline__description">{item.description}</div>}
          </div>
        </li>
      ))}
    </ol>
  );
}
