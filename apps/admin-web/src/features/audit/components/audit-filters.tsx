import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, Select, TextField } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';

export interface AuditFilterValues {
  tenantId?: string | undefined;
  action?: string | undefined;
}

/** Tenant and action-prefix filters; the URL is the state, so a filtered view can be shared. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const trpc = useTRPC();
  const tenants = useQuery(trpc.tenants.list.queryOptions({ limit: 100 }));
  const [action, setAction] = useState(value.action ?? '');

  useEffect(() => {
    if (action.trim() === (value.action ?? '')) return;
    const timer = setTimeout(() => onChange({ ...value, action: action.trim() }), 350);
    return () => clearTimeout(timer);
  }, [action, value, onChange]);

  const options = [
    { value: '', label: 'All tenants and platform events' },
    ...(tenants.data?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];
  if (value.tenantId && !options.some((o) => o.value === value.tenantId)) {
    options.push({ value: value.tenantId, label: `Tenant ${value.tenantId.slice(0, 8)}…` });
  }

  return (
    <div className="ui-row" style={{ alignItems: 'flex-end' }}>
      <Select
        label="Tenant"
        fieldClassName="ui-filter"
        value={value.tenantId ?? ''}
        options={options}
        onChange={(e) => onChange({ ...value, tenantId: e.target.value })}
        data-testid="audit-tenant-filter"
      />
      <TextField
        label="Action starts with"
        fieldClassName="ui-filter"
        placeholder="e.g. member. or system.kill_switch"
        value={action}
        onChange={(e) => setAction(e.target.value)}
        data-testid="audit-action-filter"
      />
      {(value.tenantId || value.action) && (
        <Button
          variant="ghost"
          onClick={() => {
            setAction('');
            onChange({});
          }}
        >
          Clear filters
        </Button>
      )}
    </div>
  );
}
