import { ETagStore } from './etags';

describe('the ETag store', () => {
  it('sends the revision of the resource a command lies under, the most specific one', () => {
    const store = new ETagStore();
    store.remember('/api/goals/goals/g-1', '"3"');
    store.remember('/api/goals/goals/g-10', '"7"');
    expect(store.forCommand('/api/goals/goals/g-1/proposal')).toBe('"3"');
    expect(store.forCommand('/api/goals/goals/g-1/progress/p-1/correction')).toBe('"3"');
    expect(store.forCommand('/api/goals/goals/g-10/agreement')).toBe('"7"');
    expect(store.forCommand('/api/goals/goals/g-2/agreement')).toBeUndefined();
    expect(store.forCommand('/api/goals/goals')).toBeUndefined();
  });

  it('keeps the revision a command answered for the next command on the same resource', () => {
    const store = new ETagStore();
    store.remember('/api/goals/goals/g-1', '"3"');
    store.rememberAfterCommand('/api/goals/goals/g-1/proposal', '"4"');
    expect(store.forCommand('/api/goals/goals/g-1/consents')).toBe('"4"');
    store.rememberAfterCommand('/api/goals/goals', '"0"');
    expect(store.forCommand('/api/goals/goals/g-1/consents')).toBe('"4"');
  });

  it('keeps revisions only, never a content hash of a list, so no command is sent with one', () => {
    const store = new ETagStore();
    store.remember('/api/monitoring/measurements/imports', 'W/"1a2-xyz"');
    store.remember('/api/monitoring/indicators/betreuungsquote-u3', '"105"');
    expect(store.forCommand('/api/monitoring/measurements/imports')).toBeUndefined();
    expect(store.forCommand('/api/monitoring/indicators/betreuungsquote-u3/corrections')).toBe('"105"');
  });
});
