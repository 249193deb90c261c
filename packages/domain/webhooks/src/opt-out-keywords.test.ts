import { describe, expect, it } from 'vitest';
import { cleanKeywords, decideOptOut, DEFAULT_OPT_OUT_KEYWORDS, keywordSet, normalizeKeyword } from './opt-out-keywords';

const defaults = keywordSet(null);
const decide = (...texts: string[]) => decideOptOut(texts, defaults);

describe('typed opt-out keywords', () => {
  it('matches the whole message after trimming, without case, accents or surrounding punctuation', () => {
    for (const text of ['STOP', 'stop', '  Stop  ', 'Stop!', 'stop.', 'Arrêt', 'ARRET', 'arret', 'désabonner', 'DESABONNER', 'Opt  out', 'Baja', 'stopp', 'Abmelden', 'annulla', 'SAIR', 'cancelar']) {
      expect(decide(text), text).toEqual({ action: 'opt_out', scope: 'all', keyword: expect.any(String) });
    }
  });

  it('matches keywords in non-Latin scripts', () => {
    expect(decide('退订')).toMatchObject({ action: 'opt_out', scope: 'all' });
    expect(decide('إلغاء')).toMatchObject({ action: 'opt_out' });
    // Typed without the hamza seat: the same word once marks are removed.
    expect(decide('الغاء')).toMatchObject({ action: 'opt_out' });
    expect(decide('стоп')).toMatchObject({ action: 'opt_out' });
  });

  it('does not opt out on a sentence that merely contains a keyword', () => {
    for (const text of ['please stop sending me this', 'STOP IT NOW', 'stopped', 'non-stop', 'the end?!', '', '🛑']) expect(decide(text), text).toBeNull();
    expect(decide('End.')).toMatchObject({ action: 'opt_out' });
  });

  it('treats Meta\'s "Stop promotions" button as a marketing opt-out and START/UNSTOP as opting back in', () => {
    expect(decide('Stop promotions')).toEqual({ action: 'opt_out', scope: 'marketing', keyword: 'STOP PROMOTIONS' });
    expect(decide('start')).toEqual({ action: 'opt_in', keyword: 'START' });
    expect(decide('Unstop')).toEqual({ action: 'opt_in', keyword: 'UNSTOP' });
  });

  it("uses the tenant's own list instead of the defaults, always honouring STOP", () => {
    const own = keywordSet(['Basta', 'Ya no']);
    expect(decideOptOut(['basta'], own)).toMatchObject({ action: 'opt_out' });
    expect(decideOptOut(['YA NO'], own)).toMatchObject({ action: 'opt_out' });
    expect(decideOptOut(['Stop'], own)).toMatchObject({ action: 'opt_out' });
    expect(decideOptOut(['unsubscribe'], own)).toBeNull();
    expect(decideOptOut(['unsubscribe'], defaults)).toMatchObject({ action: 'opt_out' });
  });

  it('matches a quick-reply button by payload or label', () => {
    expect(decide('Not interested', 'STOP')).toMatchObject({ action: 'opt_out', scope: 'all' });
  });

  it('normalises and cleans a stored list', () => {
    expect(normalizeKeyword(' Désabonner! ')).toBe('DESABONNER');
    expect(cleanKeywords([' Stop ', 'STOP', 'arrêt', 'ARRET', '  ', 'opt   out'])).toEqual(['Stop', 'arrêt', 'opt out']);
    expect(DEFAULT_OPT_OUT_KEYWORDS.length).toBeGreaterThan(20);
  });
});
