import { describe, expect, it } from 'vitest';
import { Undo } from './context';

describe('Undo', () => {
  it('runs what is still in force, newest first, and only once', async () => {
    const done: string[] = [];
    const undo = new Undo();
    undo.add('ceiling', async () => done.push('ceiling'));
    undo.add('kill switch', async () => done.push('kill switch'));
    undo.add('throughput', async () => done.push('throughput'));
    undo.remove('throughput');
    const lines: string[] = [];
    await undo.runAll((l) => lines.push(l));
    await undo.runAll((l) => lines.push(l));
    expect(done).toEqual(['kill switch', 'ceiling']);
    expect(lines).toEqual(['  undone: kill switch', '  undone: ceiling']);
  });

  it('keeps going when one undo fails, and says so', async () => {
    const undo = new Undo();
    const done: string[] = [];
    undo.add('ceiling', async () => done.push('ceiling'));
    undo.add('kill switch', async () => {
      throw new Error('api down');
    });
    const lines: string[] = [];
    await undo.runAll((l) => lines.push(l));
    expect(done).toEqual(['ceiling']);
    expect(lines[0]).toContain('could not undo kill switch: Error: api down');
  });
});
