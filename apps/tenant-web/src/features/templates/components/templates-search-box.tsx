import { useEffect, useState } from 'react';
import { Icon } from '@dbulk/ui';

/** The search box writes to the URL a moment after typing stops. */
export function TemplatesSearchBox({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label className="ui-search" style={{ width: 260 }}>
      <Icon name="search" />
      <input
        className="ui-input"
        type="search"
        placeholder="Search by name"
        aria-label="Search templates by name"
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="templates-search"
      />
    </label>
  );
}
