import { given } from '@bildungsregion/decider';
import { ContactEvent, SealedData } from './contact';
import { contactDecider } from './contact.decider';

const sealed = (ciphertext: string): SealedData => ({ algorithm: 'aes-256-gcm', iv: 'iv', ciphertext, tag: 'tag' });
const added: ContactEvent = {
  type: 'ContactAdded',
  data: { contactId: 'c1', actorId: 'vhs-osnabruecker-land', role: 'leitung', personal: sealed('first') },
};
const erased: ContactEvent = { type: 'ContactErased', data: { reference: 'DS-2026-17' } };

describe('a contact person', () => {
  it('is added to an organisation with a role and sealed personal data', () => {
    given(contactDecider)
      .when({ type: 'AddContact', ...added.data } as never)
      .then([added]);
    given(contactDecider, [added])
      .when({ type: 'AddContact', ...added.data } as never)
      .thenRejects('invalid-transition', 'contact-exists');
  });

  it('records a new role and new personal data, each as its own event', () => {
    given(contactDecider, [added])
      .when({ type: 'ChangeContact', role: 'fachberatung', personal: sealed('second') })
      .then([
        { type: 'ContactRoleChanged', data: { role: 'fachberatung', previousRole: 'leitung' } },
        { type: 'ContactDetailsChanged', data: { personal: sealed('second') } },
      ]);
    given(contactDecider, [added]).when({ type: 'ChangeContact', role: 'leitung' }).thenNothingHappened();
  });

  it('records that a person left; their data stays until erased', () => {
    const left: ContactEvent = { type: 'ContactLeft', data: {} };
    given(contactDecider, [added]).when({ type: 'RecordContactLeft', reason: 'Ruhestand' }).then([left]);
    given(contactDecider, [added, left])
      .when({ type: 'ChangeContact', role: 'fachberatung' })
      .thenRejects('invalid-transition', 'contact-left');
    given(contactDecider, [added, left])
      .when({ type: 'EraseContact', reason: 'Antrag', reference: 'DS-2026-17' })
      .then([erased]);
  });

  it('is erased on request with a reason, once; afterwards nothing is recorded about the person', () => {
    const erasure = given(contactDecider, [added]).when({
      type: 'EraseContact',
      reason: 'Antrag nach Art. 17 DSGVO',
      reference: 'DS-2026-17',
    });
    erasure.then([erased]);
    expect(erasure.state).toEqual({ status: 'erased', actorId: 'vhs-osnabruecker-land', role: 'leitung' });
    given(contactDecider, [added, erased]).when({ type: 'EraseContact', reason: 'nochmals' }).thenNothingHappened();
    given(contactDecider, [added, erased])
      .when({ type: 'ChangeContact', personal: sealed('third') })
      .thenRejects('invalid-transition', 'contact-erased');
    given(contactDecider, [added])
      .when({ type: 'EraseContact', reason: ' ' })
      .thenRejects('rule-violation', 'reason-required');
    given(contactDecider)
      .when({ type: 'EraseContact', reason: 'x' })
      .thenRejects('invalid-transition', 'contact-not-found');
  });
});
