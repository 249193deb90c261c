import { Select } from '@dbulk/ui';
import type { RouterOutputs } from '../../../lib/trpc';
import type { ColumnMapping } from '../utils/upload-contacts';

type List = RouterOutputs['lists']['list'][number];

/** Which column holds the phone, name and tags, which become attributes, and the target list. */
export function ColumnMappingFields({
  header,
  mapping,
  onMapping,
  lists,
  listId,
  onList,
}: {
  header: string[];
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
  lists: List[];
  listId: string;
  onList: (listId: string) => void;
}) {
  const none = { value: '', label: '— none —' };
  const options = header.filter(Boolean).map((h) => ({ value: h, label: h }));
  const assigned = new Set([mapping.phone, mapping.name, mapping.tags]);
  const set = (patch: Partial<ColumnMapping>) => {
    const next = { ...mapping, ...patch };
    const taken = new Set([next.phone, next.name, next.tags]);
    onMapping({ ...next, attributes: next.attributes.filter((a) => !taken.has(a)) });
  };
  return (
    <div className="ui-stack">
      <div className="ui-grid ui-grid--2">
        <Select
          label="Phone column"
          value={mapping.phone}
          onChange={(e) => set({ phone: e.target.value })}
          options={[{ value: '', label: 'Choose the phone column' }, ...options]}
          error={mapping.phone ? undefined : 'the import needs a phone column'}
          data-testid="map-phone"
        />
        <Select
          label="Name column"
          value={mapping.name}
          onChange={(e) => set({ name: e.target.value })}
          options={[none, ...options]}
          data-testid="map-name"
        />
        <Select
          label="Tags column"
          value={mapping.tags}
          onChange={(e) => set({ tags: e.target.value })}
          options={[none, ...options]}
          hint="Several tags in a cell: separate them with |"
          data-testid="map-tags"
        />
        <Select
          label="Add to list"
          value={listId}
          onChange={(e) => onList(e.target.value)}
          options={[{ value: '', label: 'No list' }, ...lists.map((l) => ({ value: l.id, label: l.name }))]}
          data-testid="map-list"
        />
      </div>
      <fieldset className="ui-stack" style={{ border: 0, padding: 0 }}>
        <legend className="ui-small">Attributes (available to templates as variables)</legend>
        <div className="ui-row" style={{ flexWrap: 'wrap' }}>
          {header
            .filter((h) => h && !assigned.has(h))
            .map((h) => (
              <label key={h} className="ui-row ui-small">
                <input
                  type="checkbox"
                  checked={mapping.attributes.includes(h)}
                  onChange={(e) =>
                    onMapping({
                      ...mapping,
                      attributes: e.target.checked
                        ? [...mapping.attributes, h]
                        : mapping.attributes.filter((a) => a !== h),
                    })
                  }
                  data-testid={`map-attribute-${h}`}
                />
                {h}
              </label>
            ))}
        </div>
      </fieldset>
    </div>
  );
}
