import { BadParameter } from '../../src/contract/query-params';
import { badRequest } from './respond';

export {
  BadParameter,
  readBbox,
  readIndicatorsQuery,
  readInstant,
  readPeriod,
  readWords,
} from '../../src/contract/query-params';

/** Run a handler body; a BadParameter thrown inside becomes the contract's 400 `{error, message}`. */
export async function answerBadParameters(body: () => Response | Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof BadParameter) return badRequest(error.code, error.message);
    throw error;
  }
}
