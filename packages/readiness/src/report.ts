/**
 * What a run records: phases made of steps, each passed, failed or skipped with its time and
 * details, and the progress lines printed as they happen (one per step, to stderr, so stdout
 * holds only the verdict JSON).
 */
export type StepStatus = 'pass' | 'fail' | 'skip';

export interface StepResult {
  name: string;
  status: StepStatus;
  ms: number;
  detail: Record<string, unknown>;
  error?: string;
}

export type PhaseName = 'connection' | 'template' | 'campaign' | 'webhooks' | 'safety';

export interface PhaseResult {
  phase: PhaseName;
  ms: number;
  steps: StepResult[];
}

/** Thrown by a step to skip itself with a reason (e.g. needs admin credentials). */
export class SkipStep extends Error {}

/** Thrown by a step to fail with a message and the facts that show why. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type Print = (line: string) => void;

export class Recorder {
  readonly phases: PhaseResult[] = [];
  private current: PhaseResult | undefined;
  private phaseStarted = 0;

  constructor(private readonly print: Print) {}

  phase(name: PhaseName): void {
    this.endPhase();
    this.current = { phase: name, ms: 0, steps: [] };
    this.phases.push(this.current);
    this.phaseStarted = Date.now();
    this.print(`▶ phase ${name}`);
  }

  endPhase(): void {
    if (this.current) this.current.ms = Date.now() - this.phaseStarted;
    this.current = undefined;
  }

  /** Runs one step; returns its value, or undefined when it failed or skipped (recorded, never thrown). */
  async step<T>(name: string, run: () => Promise<{ value: T; detail?: Record<string, unknown> } | T>): Promise<T | undefined> {
    if (!this.current) throw new Error(`step ${name} outside a phase`);
    const started = Date.now();
    this.print(`  … ${name}`);
    const record = (status: StepStatus, detail: Record<string, unknown>, error?: string) => {
      const result: StepResult = { name, status, ms: Date.now() - started, detail, ...(error ? { error } : {}) };
      this.current!.steps.push(result);
      const mark = status === 'pass' ? '✔' : status === 'skip' ? '–' : '✘';
      this.print(`  ${mark} ${name} (${result.ms} ms)${error ? `: ${error}` : ''}`);
    };
    try {
      const out = await run();
      const wrapped = out !== null && typeof out === 'object' && 'value' in (out as object) ? (out as { value: T; detail?: Record<string, unknown> }) : { value: out as T };
      record('pass', wrapped.detail ?? {});
      return wrapped.value;
    } catch (err) {
      if (err instanceof SkipStep) record('skip', {}, err.message);
      else if (err instanceof StepFailure) record('fail', err.detail, err.message);
      else record('fail', {}, err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }
}
