import { createFileRoute } from '@tanstack/react-router';
import { ComingSoon } from './-components/coming-soon';

export const Route = createFileRoute('/_authed/templates')({
  component: () => (
    <ComingSoon
      title="Templates"
      description="Message templates and their approval status at Meta."
      icon="template"
      emptyTitle="No templates yet"
      emptyText="Write templates with variables, submit them for approval and follow their status (pending, approved, rejected, paused)."
      arrives="Arrives with template management"
    />
  ),
});
