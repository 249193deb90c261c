import { useEffect, useState } from 'react';
import { Icon } from '@dbulk/ui';

/** Type to filter; the URL follows after a short pause so every keystroke is not a request. */
export function TenantSearch({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value ?? '');

  useEffect(() => {
    if (text.trim() === (value ?? '')) return;
    const timer = setTimeout(() => onSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <div className="ui-search">
      <Icon name="search" />
      <input
        className="ui-input"
        type="search"
        placeholder="Search tenants by name"
        aria-label="Search tenants"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="tenant-search"
      />
    </div>
  );
}
