import { TextField } from '@dbulk/ui';
import type { SectionProps } from './builder-section';

export function AuthenticationFields({ form, update, problem, disabled }: SectionProps) {
  return (
    <div className="ui-stack">
      <p className="ui-muted">
        Meta writes authentication messages itself: “<em>123456</em> is your verification code.” with a Copy
        code button. Choose the options; every send supplies the code.
      </p>
      <label className="ui-check">
        <input
          type="checkbox"
          disabled={disabled}
          checked={form.addSecurityRecommendation}
          onChange={(e) => update({ addSecurityRecommendation: e.target.checked })}
        />
        <span>Add “For your security, do not share this code.”</span>
      </label>
      <TextField
        label="Code expires after (minutes, optional)"
        type="number"
        min={1}
        max={90}
        disabled={disabled}
        value={form.codeExpirationMinutes}
        onChange={(e) => update({ codeExpirationMinutes: e.target.value })}
        hint="Shown as the footer: “This code expires in N minutes.”"
        error={problem('components.footer.codeExpirationMinutes')}
      />
    </div>
  );
}
