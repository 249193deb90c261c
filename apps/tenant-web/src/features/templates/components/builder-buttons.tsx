import { DropdownMenu, Icon, IconButton, MenuItem, TextField, type IconName } from '@dbulk/ui';
import {
  addButton,
  canAddButton,
  MAX_BUTTONS,
  moveButton,
  newButton,
  type ButtonDraft,
  type ButtonType,
} from '../utils/button-drafts';
import { Counter } from './builder-counter';
import type { SectionProps } from './builder-section';

type AddableType = Exclude<ButtonType, 'OTP'>;

const TYPES: Record<AddableType, { label: string; icon: IconName; hint: string }> = {
  QUICK_REPLY: { label: 'Quick reply', icon: 'reply', hint: 'Up to 10; the reply comes back to you' },
  URL: { label: 'Visit website', icon: 'external', hint: 'Up to 2; may end with one variable' },
  PHONE_NUMBER: { label: 'Call phone number', icon: 'phone', hint: 'One per template' },
  COPY_CODE: { label: 'Copy offer code', icon: 'copy', hint: 'One per template' },
};

const LABEL_MAX = 25;

/**
 * Buttons under the message: add by type within Meta's limits (new quick replies join the other
 * quick replies, which Meta requires), reorder, remove; each type asks for what it needs.
 */
export function ButtonFields({ form, update, problem, disabled }: SectionProps) {
  const setButtons = (buttons: ButtonDraft[]) => update({ buttons });
  const change = (index: number, patch: Partial<ButtonDraft>) =>
    setButtons(form.buttons.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  const group = problem('components.buttons');

  return (
    <div className="ui-stack" data-testid="builder-buttons">
      {group && <p className="ui-field__error">{group}</p>}
      {form.buttons.map((button, index) => {
        const field = `components.buttons[${index}]`;
        const type = TYPES[button.type as AddableType];
        return (
          <div className="ui-subcard" key={button.key} data-testid={`builder-button-${index}`}>
            <div className="ui-subcard__head">
              <span className="ui-row" style={{ gap: 8 }}>
                <Icon name={type?.icon ?? 'reply'} className="ui-muted" />
                {type?.label ?? button.type}
              </span>
              <span className="ui-row" style={{ gap: 2 }}>
                <IconButton
                  icon={<Icon name="arrow-up" />}
                  label="Move up"
                  disabled={disabled || index === 0}
                  onClick={() => setButtons(moveButton(form.buttons, index, -1))}
                />
                <IconButton
                  icon={<Icon name="arrow-down" />}
                  label="Move down"
                  disabled={disabled || index === form.buttons.length - 1}
                  onClick={() => setButtons(moveButton(form.buttons, index, 1))}
                />
                <IconButton
                  icon={<Icon name="trash" />}
                  label="Remove button"
                  disabled={disabled}
                  onClick={() => setButtons(form.buttons.filter((_, i) => i !== index))}
                  data-testid={`builder-button-remove-${index}`}
                />
              </span>
            </div>
            {button.type === 'COPY_CODE' ? (
              <TextField
                label="Sample code"
                disabled={disabled}
                placeholder="SPRING25"
                value={button.example}
                onChange={(e) => change(index, { example: e.target.value })}
                hint="WhatsApp labels this button “Copy offer code”; each send supplies the real code (at most 15 characters)."
                error={problem(`${field}.example`) ?? problem(`${field}.type`)}
              />
            ) : (
              <TextField
                label={
                  <span className="ui-row" style={{ justifyContent: 'space-between', width: '100%' }}>
                    Label
                    <Counter value={button.text} max={LABEL_MAX} />
                  </span>
                }
                disabled={disabled}
                value={button.text}
                onChange={(e) => change(index, { text: e.target.value })}
                error={problem(`${field}.text`) ?? problem(`${field}.type`)}
                data-testid={`builder-button-text-${index}`}
              />
            )}
            {button.type === 'URL' && (
              <div
                className="ui-grid"
                style={{ gridTemplateColumns: /\{\{/.test(button.url) ? '3fr 2fr' : '1fr' }}
              >
                <TextField
                  label="Web address"
                  disabled={disabled}
                  placeholder="https://example.com/orders/{{1}}"
                  value={button.url}
                  onChange={(e) => change(index, { url: e.target.value })}
                  hint="End it with {{1}} to add a different path per message."
                  error={problem(`${field}.url`)}
                />
                {/\{\{/.test(button.url) && (
                  <TextField
                    label="Sample for {{1}}"
                    disabled={disabled}
                    value={button.example}
                    onChange={(e) => change(index, { example: e.target.value })}
                    error={problem(`${field}.example`)}
                  />
                )}
              </div>
            )}
            {button.type === 'PHONE_NUMBER' && (
              <TextField
                label="Phone number"
                type="tel"
                disabled={disabled}
                placeholder="+15551234567"
                value={button.phoneNumber}
                onChange={(e) => change(index, { phoneNumber: e.target.value })}
                error={problem(`${field}.phoneNumber`)}
              />
            )}
          </div>
        );
      })}
      <div className="ui-row" style={{ justifyContent: 'space-between' }}>
        <DropdownMenu
          align="start"
          label="Add a button"
          trigger={
            <span className="ui-row" style={{ gap: 6 }}>
              <Icon name="plus" /> Add button
            </span>
          }
          triggerClassName="ui-button ui-button--secondary ui-button--sm"
          testId="builder-add-button"
        >
          {(Object.keys(TYPES) as AddableType[]).map((type) => (
            <MenuItem
              key={type}
              icon={<Icon name={TYPES[type].icon} />}
              disabled={disabled || !canAddButton(form.buttons, type)}
              onClick={() => setButtons(addButton(form.buttons, newButton(type)))}
              data-testid={`builder-add-${type}`}
            >
              {TYPES[type].label}
              <span className="ui-muted ui-small"> · {TYPES[type].hint}</span>
            </MenuItem>
          ))}
        </DropdownMenu>
        <span className="ui-muted ui-small">
          {form.buttons.length} of {MAX_BUTTONS} · quick replies stay together
        </span>
      </div>
    </div>
  );
}
