import { Button, Card, ErrorBanner, Icon } from '@dbulk/ui';

/** The builder's error, Meta's edit limits and its two actions. */
export function BuilderActions({
  error,
  metaEdit,
  saving,
  saveDisabled,
  submitting,
  submitDisabled,
  submitLabel,
  onSave,
  onSubmit,
}: {
  error: { message: string } | null;
  metaEdit: boolean;
  saving: boolean;
  saveDisabled: boolean;
  submitting: boolean;
  submitDisabled: boolean;
  submitLabel: string;
  onSave: () => void;
  onSubmit: () => void;
}) {
  return (
    <Card>
      <div className="ui-stack" style={{ gap: 12 }}>
        {error && <ErrorBanner error={error} />}
        {metaEdit && (
          <p className="ui-muted ui-small">
            Changes go back to Meta for review. Approved templates can be edited once a day and 10 times in 30
            days.
          </p>
        )}
        <div className="ui-row" style={{ justifyContent: 'flex-end' }}>
          {!metaEdit && (
            <Button
              icon={<Icon name="check" />}
              loading={saving}
              disabled={saveDisabled}
              onClick={onSave}
              data-testid="builder-save"
            >
              Save draft
            </Button>
          )}
          <Button
            variant="primary"
            icon={<Icon name="send" />}
            loading={submitting}
            disabled={submitDisabled}
            onClick={onSubmit}
            data-testid="builder-submit"
          >
            {submitLabel}
          </Button>
        </div>
      </div>
    </Card>
  );
}
