import { useRef } from 'react';
import { insertAt } from '../utils/template-variables';

/** Inserts a variable at the caret of a text input or textarea. */
export function useVariableInserter<T extends HTMLInputElement | HTMLTextAreaElement>(
  text: string,
  setText: (next: string) => void,
) {
  const ref = useRef<T>(null);
  const insert = (name: string) => {
    const element = ref.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const next = insertAt(text, start, end, `{{${name}}}`);
    setText(next.text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };
  return { ref, insert };
}
