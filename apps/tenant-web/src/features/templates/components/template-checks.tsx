import { Card, Icon, Spinner } from '@dbulk/ui';
import { fieldLabel, type Problem } from '../utils/problems';

/** Every problem Meta would find, labelled by field, or the all-clear. Beside the preview. */
export function TemplateChecks({
  problems,
  checking,
}: {
  problems: readonly Problem[] | undefined;
  checking: boolean;
}) {
  const ready = problems !== undefined && problems.length === 0;
  return (
    <Card
      title={
        <span className="ui-row" style={{ gap: 8 }}>
          Meta’s rules
          {checking && <Spinner size="sm" label="Checking" />}
        </span>
      }
      data-testid="builder-checks"
      data-ready={ready}
    >
      {problems === undefined ? (
        <p className="ui-muted ui-small">Checking as you type…</p>
      ) : ready ? (
        <p className="ui-row" style={{ gap: 8, color: 'var(--ui-success-text)', fontWeight: 600 }}>
          <Icon name="check" /> Ready to submit
        </p>
      ) : (
        <ul className="ui-problems">
          {problems.map((p, i) => (
            <li key={`${p.field}-${i}`}>
              <Icon name="alert" />
              <span>
                <strong>{fieldLabel(p.field)}:</strong> {p.detail}
                {p.metaCode ? <span className="ui-muted"> ({p.metaCode})</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
