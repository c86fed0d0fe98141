import { ReadModelsUnavailableError } from '@bildungsregion/read-models';
import { applicationErrorToProblem } from '../src';

describe('answers to application errors', () => {
  it('answers unreachable read models with 503 and Retry-After, so clients retry instead of giving up', () => {
    const problem = applicationErrorToProblem(new ReadModelsUnavailableError(new Error('connection refused')));
    expect(problem).toMatchObject({ status: 503, code: 'read-models-unavailable', headers: { 'Retry-After': '5' } });
  });
});
