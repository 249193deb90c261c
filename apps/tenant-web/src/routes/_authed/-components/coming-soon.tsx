import type { ReactNode } from 'react';
import { Card, EmptyState, PageHeader, type IconName } from '@dbulk/ui';

/** A section whose feature is not built yet: say so plainly, show nothing invented. */
export function ComingSoon({
  title,
  description,
  icon,
  emptyTitle,
  emptyText,
  arrives,
  children,
}: {
  title: string;
  description: string;
  icon: IconName;
  emptyTitle: string;
  emptyText: string;
  arrives: string;
  children?: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} />
      {children}
      <Card>
        <EmptyState icon={icon} title={emptyTitle} description={emptyText} note={arrives} testId="coming-soon" />
      </Card>
    </>
  );
}
