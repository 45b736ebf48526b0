import { badUserInput, hallDateOf, notFound, parseId } from '@hall/kit';
import { randomUUID } from 'node:crypto';
import type { EvaluationContext } from '../context';
import { actorOf, appendEvaluationEvents, evaluationEvent, optionalText } from '../evaluation-work';
import { FinishedCase } from '../rating/finished-case.entity';
import { CallBack } from './call-back.entity';
import type { RecordCallBackInput } from './call-back.input';

/**
 * Records a call-back against a decided case (known from the case events). A reached call
 * needs the service quality and the time taken; an integrity concern flags the call, and
 * the CallBackRecorded event says so, for supervision to follow up.
 */
export async function recordCallBack(
  context: EvaluationContext,
  input: RecordCallBackInput,
): Promise<CallBack> {
  const caseId = parseId(input.caseId, 'input.caseId');
  if (input.reached && (!input.serviceQuality || !input.timeTaken)) {
    throw badUserInput('A reached call records the service quality and the time taken', {
      field: input.serviceQuality ? 'input.timeTaken' : 'input.serviceQuality',
    });
  }
  const integrityConcern = input.reached
    ? optionalText(input.integrityConcern, 'input.integrityConcern', 2000)
    : null;
  const note = optionalText(input.note, 'input.note', 2000);
  const now = context.clock.now();
  const actor = actorOf(context.caller);
  return context.em.transactional(async (tx) => {
    const finished = await tx.findOne(FinishedCase, { caseId });
    if (!finished) throw notFound('Decided case', caseId);
    const callBack = tx.create(CallBack, {
      id: randomUUID(),
      caseId,
      departmentId: finished.departmentId,
      reached: input.reached,
      serviceQuality: input.reached ? input.serviceQuality : null,
      timeTaken: input.reached ? input.timeTaken : null,
      integrityConcern,
      flagged: integrityConcern !== null,
      note,
      calledAt: now,
      calledOn: hallDateOf(now),
      calledBy: actor,
    });
    await tx.flush();
    await appendEvaluationEvents(tx, [
      evaluationEvent('CallBackRecorded', 'CallBack', callBack.id, now, {
        callBackId: callBack.id,
        caseId,
        departmentId: callBack.departmentId,
        reached: callBack.reached,
        serviceQuality: callBack.serviceQuality ?? null,
        timeTaken: callBack.timeTaken ?? null,
        flagged: callBack.flagged,
        actor,
      }),
    ]);
    return callBack;
  });
}
