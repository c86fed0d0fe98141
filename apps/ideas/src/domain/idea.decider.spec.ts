import { given } from '@bildungsregion/decider';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { IdeaContent, IdeaEvent } from './idea';
import { ideaDecider } from './idea.decider';

const decider = ideaDecider(LANDKREIS_OSNABRUECK);
const BRAMSCHE = '03459011';

const content: IdeaContent = {
  title: 'Lesepaten für Grundschulen',
  description: 'Ehrenamtliche lesen wöchentlich mit Kindern, die beim Lesen Unterstützung brauchen.',
  stages: ['allgemeinbildende-schulen'],
  regionKeys: [BRAMSCHE],
  tags: ['Lesen'],
};
const submitted: IdeaEvent = {
  type: 'IdeaSubmitted',
  data: { ideaId: 'i1', content, submitter: { id: 'vhs-osnabrueck', kind: 'actor' } },
};
const withdrawn: IdeaEvent = {
  type: 'IdeaWithdrawn',
  data: { reason: 'done', explanation: 'Läuft schon an allen Schulen.' },
};
const comment: IdeaEvent = {
  type: 'CommentPosted',
  data: { commentId: 'c1', authorId: 'stadt-bramsche', text: 'Gute Idee', postedAt: '2026-11-27T10:00:00.000Z' },
};
const endorsed: IdeaEvent = { type: 'IdeaEndorsed', data: { actorId: 'stadt-bramsche' } };

describe('submitting an idea', () => {
  it('records the idea with its submitter, once per id', () => {
    given(decider)
      .when({ type: 'SubmitIdea', ideaId: 'i1', content, submitter: { id: 'vhs-osnabrueck', kind: 'actor' } })
      .then([submitted]);
    given(decider, [submitted])
      .when({ type: 'SubmitIdea', ideaId: 'i1', content, submitter: { id: 'x', kind: 'actor' } })
      .thenRejects('invalid-transition', 'idea-exists');
  });

  it.each([
    ['stage-required', { stages: [] }],
    ['stage-duplicate', { stages: ['weiterbildung', 'weiterbildung'] }],
    ['region-duplicate', { regionKeys: [BRAMSCHE, BRAMSCHE] }],
    ['region-unknown', { regionKeys: ['03404000'] }],
    ['tag-duplicate', { tags: ['Lesen', 'lesen'] }],
  ] as const)('refuses content that breaks a rule: %s', (code, change) => {
    given(decider)
      .when({
        type: 'SubmitIdea',
        ideaId: 'i1',
        content: { ...content, ...change } as IdeaContent,
        submitter: { id: 'a', kind: 'actor' },
      })
      .thenRejects('rule-violation', code);
  });
});

describe('revising an idea', () => {
  it('records what changed and what it said before, and counts the revision', () => {
    const revised = given(decider, [submitted]).when({
      type: 'ReviseIdea',
      changes: { title: 'Lesepatenschaften an Grundschulen', tags: ['Lesen'] },
    });
    revised.then([
      {
        type: 'IdeaRevised',
        data: {
          changes: { title: 'Lesepatenschaften an Grundschulen' },
          previous: { title: 'Lesepaten für Grundschulen' },
        },
      },
    ]);
    expect(revised.state.revisions).toBe(1);
    expect(revised.state.content?.title).toBe('Lesepatenschaften an Grundschulen');
  });

  it('refuses a revision that changes nothing, breaks a rule, or touches a withdrawn idea', () => {
    given(decider, [submitted])
      .when({ type: 'ReviseIdea', changes: { title: content.title } })
      .thenRejects('rule-violation', 'revision-without-change');
    given(decider, [submitted])
      .when({ type: 'ReviseIdea', changes: { stages: [] } })
      .thenRejects('rule-violation', 'stage-required');
    given(decider, [submitted, withdrawn])
      .when({ type: 'ReviseIdea', changes: { title: 'Neu' } })
      .thenRejects('invalid-transition', 'idea-withdrawn');
    given(decider)
      .when({ type: 'ReviseIdea', changes: { title: 'Neu' } })
      .thenRejects('invalid-transition', 'idea-not-found');
  });
});

describe('withdrawing an idea', () => {
  it('records the reason, and a duplicate names the idea it duplicates', () => {
    given(decider, [submitted])
      .when({
        type: 'WithdrawIdea',
        withdrawal: { reason: 'duplicate', explanation: 'Gibt es schon', duplicateOf: 'i0' },
      })
      .thenState({
        ...decider.evolve(decider.initialState, submitted),
        status: 'withdrawn',
        withdrawal: { reason: 'duplicate', explanation: 'Gibt es schon', duplicateOf: 'i0' },
      });
  });

  it('refuses a withdrawal without its facts, in favour of itself, or twice', () => {
    const withdraw = (withdrawal: { reason: 'duplicate' | 'other'; explanation: string; duplicateOf?: string }) =>
      given(decider, [submitted]).when({ type: 'WithdrawIdea', withdrawal });
    withdraw({ reason: 'duplicate', explanation: 'doppelt' }).thenRejects('rule-violation', 'duplicate-of-required');
    withdraw({ reason: 'other', explanation: 'x', duplicateOf: 'i0' }).thenRejects(
      'rule-violation',
      'duplicate-of-without-duplicate',
    );
    withdraw({ reason: 'duplicate', explanation: 'x', duplicateOf: 'i1' }).thenRejects(
      'rule-violation',
      'duplicate-of-itself',
    );
    withdraw({ reason: 'other', explanation: ' ' }).thenRejects('rule-violation', 'explanation-required');
    given(decider, [submitted, withdrawn])
      .when({ type: 'WithdrawIdea', withdrawal: { reason: 'done', explanation: 'x' } })
      .thenRejects('invalid-transition', 'idea-withdrawn');
  });
});

describe('comments', () => {
  const post = { type: 'PostComment', authorId: 'landkreis', text: 'Antwort', at: '2026-11-27T10:05:00.000Z' } as const;

  it('are posted, and replies go one level deep', () => {
    given(decider, [submitted])
      .when({
        type: 'PostComment',
        commentId: 'c1',
        authorId: 'stadt-bramsche',
        text: 'Gute Idee',
        at: '2026-11-27T10:00:00.000Z',
      })
      .then([comment]);
    given(decider, [submitted, comment])
      .when({ ...post, commentId: 'c2', replyTo: 'c1' })
      .then([
        {
          type: 'CommentPosted',
          data: { commentId: 'c2', authorId: 'landkreis', text: 'Antwort', replyTo: 'c1', postedAt: post.at },
        },
      ]);
    const reply: IdeaEvent = {
      type: 'CommentPosted',
      data: { commentId: 'c2', authorId: 'landkreis', text: 'Antwort', replyTo: 'c1', postedAt: post.at },
    };
    given(decider, [submitted, comment, reply])
      .when({ ...post, commentId: 'c3', replyTo: 'c2' })
      .thenRejects('rule-violation', 'reply-to-reply');
    given(decider, [submitted])
      .when({ ...post, commentId: 'c3', replyTo: 'c9' })
      .thenRejects('rule-violation', 'reply-to-unknown');
    given(decider, [submitted, comment])
      .when({ ...post, commentId: 'c1' })
      .thenRejects('invalid-transition', 'comment-exists');
    given(decider, [submitted, withdrawn])
      .when({ ...post, commentId: 'c3' })
      .thenRejects('invalid-transition', 'idea-withdrawn');
  });

  it('are changed by their author for 15 minutes, and kept after that', () => {
    const edit = (editorId: string, at: string, text = 'Sehr gute Idee') =>
      given(decider, [submitted, comment]).when({ type: 'EditComment', commentId: 'c1', editorId, text, at });
    edit('stadt-bramsche', '2026-11-27T10:15:00.000Z').then([
      {
        type: 'CommentEdited',
        data: {
          commentId: 'c1',
          text: 'Sehr gute Idee',
          previousText: 'Gute Idee',
          editedAt: '2026-11-27T10:15:00.000Z',
        },
      },
    ]);
    edit('stadt-bramsche', '2026-11-27T10:15:01.000Z').thenRejects('invalid-transition', 'comment-edit-window-closed');
    edit('landkreis', '2026-11-27T10:01:00.000Z').thenRejects('rule-violation', 'not-comment-author');
    edit('stadt-bramsche', '2026-11-27T10:01:00.000Z', 'Gute Idee').thenNothingHappened();
    given(decider, [submitted])
      .when({ type: 'EditComment', commentId: 'c1', editorId: 'a', text: 'x', at: '2026-11-27T10:01:00.000Z' })
      .thenRejects('invalid-transition', 'comment-not-found');
  });
});

describe('endorsements', () => {
  it('count one per organisation, never the submitter, and can be withdrawn', () => {
    given(decider, [submitted]).when({ type: 'EndorseIdea', actorId: 'stadt-bramsche' }).then([endorsed]);
    given(decider, [submitted, endorsed])
      .when({ type: 'EndorseIdea', actorId: 'stadt-bramsche' })
      .thenRejects('invalid-transition', 'already-endorsed');
    given(decider, [submitted])
      .when({ type: 'EndorseIdea', actorId: 'vhs-osnabrueck' })
      .thenRejects('rule-violation', 'own-idea');
    given(decider, [submitted, withdrawn])
      .when({ type: 'EndorseIdea', actorId: 'stadt-bramsche' })
      .thenRejects('invalid-transition', 'idea-withdrawn');
    const withdrawnEndorsement = given(decider, [submitted, endorsed]).when({
      type: 'WithdrawEndorsement',
      actorId: 'stadt-bramsche',
    });
    withdrawnEndorsement.then([{ type: 'EndorsementWithdrawn', data: { actorId: 'stadt-bramsche' } }]);
    expect(withdrawnEndorsement.state.endorsements).toEqual([]);
    given(decider, [submitted])
      .when({ type: 'WithdrawEndorsement', actorId: 'stadt-bramsche' })
      .thenRejects('invalid-transition', 'endorsement-not-found');
  });
});
