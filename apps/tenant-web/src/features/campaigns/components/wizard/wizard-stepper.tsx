import { cx } from '@dbulk/ui';
import { STEP_LABELS, stepIndex, WIZARD_STEPS, type WizardStep } from '../../utils/wizard';

/** The steps in order; with a saved draft every step can be revisited. */
export function WizardStepper({
  current,
  hasDraft,
  onGo,
}: {
  current: WizardStep;
  hasDraft: boolean;
  onGo: (step: WizardStep) => void;
}) {
  return (
    <ol
      className="ui-row"
      style={{ listStyle: 'none', padding: 0, margin: '0 0 16px', gap: 8, flexWrap: 'wrap' }}
      data-testid="wizard-steps"
    >
      {WIZARD_STEPS.map((step, i) => {
        const state = step === current ? 'current' : i < stepIndex(current) ? 'done' : 'todo';
        return (
          <li key={step}>
            <button
              type="button"
              className={cx(
                'ui-button',
                'ui-button--sm',
                state === 'current' ? 'ui-button--primary' : 'ui-button--ghost',
              )}
              aria-current={state === 'current' ? 'step' : undefined}
              disabled={!hasDraft && step !== 'template'}
              onClick={() => onGo(step)}
              data-testid={`wizard-step-${step}`}
              data-state={state}
            >
              <span>
                {i + 1}. {STEP_LABELS[step]}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
