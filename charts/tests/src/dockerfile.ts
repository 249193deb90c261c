/**
 * A small Dockerfile reader for static checks (no Docker engine here): instructions with
 * continuations joined, grouped into build stages, global ARG defaults substituted in FROM.
 * @see https://docs.docker.com/reference/dockerfile/
 */
export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  name: string;
  base: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): { stages: Stage[]; comments: string } {
  const logical: string[] = [];
  let current = '';
  const comments: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#')) {
      comments.push(line);
      continue;
    }
    if (!line && !current) continue;
    current += (current ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (!line.endsWith('\\')) {
      if (current) logical.push(current);
      current = '';
    }
  }
  const globals: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const upper = op.toUpperCase();
    if (upper === 'ARG' && stages.length === 0) {
      const [key, value = ''] = args.split('=');
      globals[key!] = value;
    } else if (upper === 'FROM') {
      const [image = '', , name] = args.split(/\s+/);
      const base = image.replace(/\$\{(\w+)\}/g, (_, key: string) => globals[key] ?? '');
      stages.push({ name: name ?? String(stages.length), base, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push({ op: upper, args });
    }
  }
  return { stages, comments: comments.join('\n') };
}

export const argsOf = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op).map((i) => i.args);
