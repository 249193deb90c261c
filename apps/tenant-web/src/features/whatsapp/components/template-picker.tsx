import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Notice, Select, TextField } from '@dbulk/ui';
import { useTRPC } from '../../../lib/trpc';
import type { TestTemplate } from './test-message-panel';

const CUSTOM = 'custom';

/**
 * Chooses what a test message sends: an APPROVED template of this number (its body variables come
 * from the template), or a name and language typed by hand — Meta gives every number
 * `hello_world` / `en_US` — with body variables added one by one.
 */
export function TemplatePicker({
  accountId,
  onChange,
  disabled,
}: {
  accountId: string;
  onChange: (template: TestTemplate) => void;
  disabled: boolean;
}) {
  const trpc = useTRPC();
  const approved = useQuery(
    trpc.templates.list.queryOptions({ status: ['APPROVED'], accountId, limit: 100 }),
  );
  const templates = approved.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen ?? (approved.isPending ? null : (templates[0]?.id ?? CUSTOM));
  const detail = useQuery(
    trpc.templates.byId.queryOptions(
      { templateId: selected ?? '' },
      { enabled: selected !== null && selected !== CUSTOM },
    ),
  );
  const [name, setName] = useState('hello_world');
  const [language, setLanguage] = useState('en_US');
  const [count, setCount] = useState(0);

  useEffect(() => {
    if (selected === null) return;
    if (selected === CUSTOM) {
      onChange({
        name,
        language,
        variables: Array.from({ length: count }, (_, i) => ({
          name: String(i + 1),
          label: `Body variable {{${i + 1}}}`,
          example: null,
          named: false,
        })),
      });
      return;
    }
    const t = detail.data;
    if (!t || t.id !== selected) return;
    onChange({
      templateId: t.id,
      name: t.name,
      language: t.language,
      variables: t.variables.body.map((v) => ({
        name: v.name,
        label: `Body {{${v.name}}}`,
        example: v.example,
        named: t.parameterFormat === 'NAMED',
      })),
      unsupported: t.variables.header.length + t.variables.buttons.length > 0,
    });
    // onChange only sets the panel's state; re-run when the choice changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, detail.data, name, language, count]);

  return (
    <>
      <Select
        label="Template"
        disabled={disabled || approved.isPending}
        value={selected ?? ''}
        onChange={(e) => setChosen(e.target.value)}
        options={[
          ...(selected === null ? [{ value: '', label: 'Loading approved templates…' }] : []),
          ...templates.map((t) => ({ value: t.id, label: `${t.name} · ${t.language}` })),
          { value: CUSTOM, label: 'Another template (type its name)' },
        ]}
        hint={
          templates.length === 0 && !approved.isPending
            ? 'No approved templates for this number in dbulk yet; type one Meta has approved.'
            : 'Approved templates of this number.'
        }
        data-testid="test-template"
      />
      {selected === CUSTOM && (
        <>
          <div className="ui-grid" style={{ gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)' }}>
            <TextField
              label="Template name"
              disabled={disabled}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="test-template-name"
            />
            <TextField
              label="Language"
              disabled={disabled}
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
              data-testid="test-template-language"
            />
          </div>
          <div className="ui-row">
            <button
              type="button"
              className="ui-link-button ui-small"
              disabled={disabled || count >= 20}
              onClick={() => setCount((c) => c + 1)}
            >
              + Add body variable
            </button>
            {count > 0 && (
              <button
                type="button"
                className="ui-link-button ui-small"
                disabled={disabled}
                onClick={() => setCount((c) => c - 1)}
              >
                Remove last
              </button>
            )}
          </div>
        </>
      )}
      {detail.data?.id === selected &&
        detail.data.variables.header.length + detail.data.variables.buttons.length > 0 && (
          <Notice tone="warning">
            A test sends body variables only; Meta refuses this template without its header or button values.
          </Notice>
        )}
    </>
  );
}
