import { TextField } from '@dbulk/ui';
import { LabelWithCounter, LIMITS } from './builder-counter';
import type { SectionProps } from './builder-section';

export function FooterFields({ form, update, problem, disabled }: SectionProps) {
  return (
    <TextField
      label={<LabelWithCounter label="Footer (optional)" value={form.footerText} max={LIMITS.footer} />}
      disabled={disabled}
      placeholder="Reply STOP to opt out"
      value={form.footerText}
      onChange={(e) => update({ footerText: e.target.value })}
      hint="Small grey text under the message. No variables."
      error={problem('components.footer.text')}
      data-testid="builder-footer"
    />
  );
}
