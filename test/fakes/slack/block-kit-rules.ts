/**
 * What real Slack refuses with `invalid_blocks` (the subset our messages can hit), so a
 * payload the fake accepts is one Slack would accept too.
 * https://docs.slack.dev/reference/block-kit
 */
export function blockKitProblems(blocks: unknown): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ['blocks must be an array'];
  const problems: string[] = [];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  blocks.forEach((block, i) => {
    problems.push(...blockProblems(block as Record<string, unknown>, i));
  });
  return problems;
}

function blockProblems(block: Record<string, unknown>, i: number): string[] {
  const out: string[] = [];
  const text = (value: unknown, max: number, where: string) => {
    const t = value as { type?: string; text?: string } | undefined;
    if (!t || (t.type !== 'mrkdwn' && t.type !== 'plain_text')) out.push(`${where}: not a text object`);
    else if (!t.text || t.text.length > max)
      out.push(`${where}: text length ${t.text?.length ?? 0} (1..${max})`);
  };
  switch (block.type) {
    case 'section': {
      const fields = block.fields as unknown[] | undefined;
      if (block.text === undefined && fields === undefined)
        out.push(`block ${i}: section without text or fields`);
      if (block.text !== undefined) text(block.text, 3000, `block ${i} text`);
      if (fields && fields.length > 10) out.push(`block ${i}: ${fields.length} fields (max 10)`);
      fields?.forEach((f, j) => {
        text(f, 2000, `block ${i} field ${j}`);
      });
      break;
    }
    case 'header':
      text(block.text, 150, `block ${i} header`);
      break;
    case 'context': {
      const elements = (block.elements as unknown[]) ?? [];
      if (elements.length === 0 || elements.length > 10)
        out.push(`block ${i}: ${elements.length} context elements`);
      elements.forEach((e, j) => {
        text(e, 2000, `block ${i} element ${j}`);
      });
      break;
    }
    case 'actions': {
      const elements = (block.elements as Record<string, unknown>[]) ?? [];
      if (elements.length === 0 || elements.length > 25)
        out.push(`block ${i}: ${elements.length} action elements`);
      const ids = new Set<string>();
      elements.forEach((e, j) => {
        const where = `block ${i} button ${j}`;
        if (e.type !== 'button') out.push(`${where}: not a button`);
        text(e.text, 75, `${where} text`);
        const id = String(e.action_id ?? '');
        if (id.length === 0 || id.length > 255) out.push(`${where}: action_id length ${id.length}`);
        if (ids.has(id)) out.push(`${where}: duplicate action_id ${id}`);
        ids.add(id);
        if (e.value !== undefined && String(e.value).length > 2000) out.push(`${where}: value too long`);
        if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger')
          out.push(`${where}: bad style`);
      });
      break;
    }
    case 'divider':
      break;
    default:
      out.push(`block ${i}: unknown type ${String(block.type)}`);
  }
  return out;
}
