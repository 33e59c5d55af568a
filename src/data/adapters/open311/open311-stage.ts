import type { CaseStage } from '../../../domain/case';
import { caseStages } from '../../../domain/case';
import type { Open311Options, Open311Request } from './open311.schema';

/**
 * GeoReport v2 knows two states, open and closed. The six-step loop is finer: closed is closed; an open request
 * is "handling" unless the server says more, in an extended attribute (the `extensions` add-on) or in its status
 * notes. Words are matched in English and Chinese, and the latest step a note mentions wins ("已派单，正在处置"
 * is handling, not assigned).
 */
const stageWords: Record<Exclude<CaseStage, 'closed'>, readonly string[]> = {
  reported: ['reported', 'submitted', 'received', '上报', '受理'],
  filed: ['filed', 'registered', 'accepted', '立案', '建档', '案卷'],
  assigned: ['assigned', 'dispatched', '派单', '指派', '派遣'],
  handling: ['handling', 'in progress', 'in_progress', 'investigating', '处置', '办理', '调查', '落实'],
  feedback: ['feedback', 'follow-up', 'follow up', '反馈', '回访'],
};

function stageNamedIn(text: string): CaseStage | undefined {
  const lower = text.toLowerCase().trim();
  if ((caseStages as readonly string[]).includes(lower)) return lower as CaseStage;
  let latest: CaseStage | undefined;
  for (const stage of caseStages) {
    if (stage === 'closed') continue;
    if (stageWords[stage].some((word) => lower.includes(word))) latest = stage;
  }
  return latest;
}

export function stageOfRequest(
  request: Open311Request,
  options: Pick<Open311Options, 'stageAttribute'>,
): CaseStage {
  if (request.status === 'closed') return 'closed';
  const attribute = request.extended_attributes?.[options.stageAttribute];
  const fromAttribute = typeof attribute === 'string' ? stageNamedIn(attribute) : undefined;
  // A closed step can only come from `status`; an open request whose note says "closed" is still open.
  const named = fromAttribute ?? (request.status_notes ? stageNamedIn(request.status_notes) : undefined);
  return named === undefined || named === 'closed' ? 'handling' : named;
}
