import { accept, Decider, Decision, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import { Criterion, Evaluator, SCORE_MAX, SCORE_MIN } from './evaluation';
import {
  COMMENT_EDIT_MINUTES,
  ContentChanges,
  Idea,
  IdeaCommand,
  IdeaContent,
  IdeaEvent,
  initialIdea,
  Submitter,
  Withdrawal,
} from './idea';

type Rejected = Decision<never>;
type CommandOf<Type extends IdeaCommand['type']> = Extract<IdeaCommand, { type: Type }>;

/** Refuses anything but an open idea, saying where a closed one went. */
function requireSubmitted(idea: Idea, action: string): Rejected | undefined {
  switch (idea.status) {
    case 'none':
      return invalidTransition('idea-not-found', 'There is no idea with this id; submit it first.');
    case 'withdrawn':
      return invalidTransition('idea-withdrawn', `Cannot ${action}: the idea was withdrawn by its author.`);
    case 'bundled':
      return invalidTransition(
        'idea-bundled',
        `Cannot ${action}: the idea is merged into the bundle ${String(idea.bundledInto)}; work on the bundle.`,
      );
    case 'split':
      return invalidTransition(
        'idea-split',
        `Cannot ${action}: the idea was split into ${(idea.splitInto ?? []).map((part) => part.ideaId).join(', ')}.`,
      );
    case 'dissolved':
      return invalidTransition('bundle-dissolved', `Cannot ${action}: the merge of this bundle was undone.`);
    default:
      return undefined;
  }
}

function requireNotPromoted(idea: Idea, action: string): Rejected | undefined {
  const targets = idea.promotions.map((promotion) => promotion.target);
  return targets.length > 0
    ? invalidTransition('idea-promoted', `Cannot ${action}: the idea was promoted to a ${targets.join(' and a ')}.`)
    : undefined;
}

function requireUndecided(idea: Idea, action: string): Rejected | undefined {
  return idea.decision && idea.decision.outcome !== 'parked'
    ? invalidTransition('idea-decided', `Cannot ${action}: the idea was decided (${idea.decision.outcome}).`)
    : undefined;
}

/** The submitter and every co-author. */
export const authorsOf = (idea: Pick<Idea, 'submitter' | 'coAuthors'>): Submitter[] =>
  uniqueAuthors([...(idea.submitter ? [idea.submitter] : []), ...idea.coAuthors]);

const uniqueAuthors = (authors: readonly Submitter[]): Submitter[] =>
  authors.filter((author, index) => authors.findIndex((other) => other.id === author.id) === index);

const requireText = (value: string, code: string, message: string): Rejected | undefined =>
  value.trim() === '' ? ruleViolation(code, message) : undefined;

const firstRepeated = (values: readonly string[], key: (value: string) => string = (value) => value) =>
  values.find((value, index) => values.findIndex((other) => key(other) === key(value)) !== index);

/** The rules every version of an idea's content keeps. */
export function checkContent(district: District, content: IdeaContent): Rejected | undefined {
  if (content.stages.length === 0) return ruleViolation('stage-required', 'Name at least one Bildungsbereich.');
  const stage = firstRepeated(content.stages);
  if (stage) return ruleViolation('stage-duplicate', `The Bildungsbereich ${stage} is listed twice.`);
  const region = firstRepeated(content.regionKeys);
  if (region) return ruleViolation('region-duplicate', `The region ${region} is listed twice.`);
  const unknown = content.regionKeys.find((key) => !district.regionOf(key));
  if (unknown) return ruleViolation('region-unknown', `The ${district.outside(unknown)}.`);
  const tag = firstRepeated(content.tags, (value) => value.toLocaleLowerCase('de'));
  return tag ? ruleViolation('tag-duplicate', `The tag "${tag}" is listed twice.`) : undefined;
}

function submit(district: District, command: CommandOf<'SubmitIdea'>, idea: Idea): Decision<IdeaEvent> {
  if (idea.status !== 'none')
    return invalidTransition('idea-exists', `An idea with the id ${command.ideaId} already exists.`);
  const { type: _type, ...data } = command;
  return checkContent(district, command.content) ?? accept({ type: 'IdeaSubmitted', data });
}

function revise(district: District, changes: ContentChanges, idea: Idea): Decision<IdeaEvent> {
  const rejected = requireSubmitted(idea, 'revise the idea');
  if (rejected) return rejected;
  if (idea.evaluation)
    return invalidTransition(
      'evaluation-started',
      'The idea is being evaluated; its text stays as the evaluators read it. Comment on it instead.',
    );
  const current = idea.content as IdeaContent;
  const keys = (Object.keys(changes) as (keyof IdeaContent)[]).filter(
    (key) => changes[key] !== undefined && JSON.stringify(changes[key]) !== JSON.stringify(current[key]),
  );
  if (keys.length === 0)
    return ruleViolation('revision-without-change', 'The revision changes nothing in the current text.');
  const changed = Object.fromEntries(keys.map((key) => [key, changes[key]])) as ContentChanges;
  const previous = Object.fromEntries(keys.map((key) => [key, current[key]])) as ContentChanges;
  return (
    checkContent(district, { ...current, ...changed }) ??
    accept({ type: 'IdeaRevised', data: { changes: changed, previous } })
  );
}

function withdraw(withdrawal: Withdrawal, idea: Idea): Decision<IdeaEvent> {
  const rejected = requireSubmitted(idea, 'withdraw the idea') ?? requireNotPromoted(idea, 'withdraw the idea');
  if (rejected) return rejected;
  if (withdrawal.explanation.trim() === '')
    return ruleViolation('explanation-required', 'Say in a sentence why the idea is withdrawn.');
  if (withdrawal.reason === 'duplicate' && !withdrawal.duplicateOf)
    return ruleViolation('duplicate-of-required', 'Name the idea this one duplicates.');
  if (withdrawal.reason !== 'duplicate' && withdrawal.duplicateOf)
    return ruleViolation(
      'duplicate-of-without-duplicate',
      'Only a withdrawal as a duplicate names another idea; choose the reason "duplicate" or leave the idea out.',
    );
  if (withdrawal.duplicateOf === idea.ideaId)
    return ruleViolation('duplicate-of-itself', 'An idea cannot be withdrawn in favour of itself.');
  return accept({ type: 'IdeaWithdrawn', data: withdrawal });
}

function postComment(command: CommandOf<'PostComment'>, idea: Idea): Decision<IdeaEvent> {
  const rejected = requireSubmitted(idea, 'comment on the idea');
  if (rejected) return rejected;
  if (idea.comments.some((comment) => comment.commentId === command.commentId))
    return invalidTransition('comment-exists', `A comment with the id ${command.commentId} already exists.`);
  if (command.replyTo !== undefined) {
    const parent = idea.comments.find((comment) => comment.commentId === command.replyTo);
    if (!parent) return ruleViolation('reply-to-unknown', `There is no comment ${command.replyTo} on this idea.`);
    if (parent.replyTo !== undefined)
      return ruleViolation(
        'reply-to-reply',
        'Replies go one level deep: answer the comment the reply belongs to instead.',
      );
  }
  const { type: _type, at, ...comment } = command;
  return accept({ type: 'CommentPosted', data: { ...comment, postedAt: at } });
}

function editComment(command: CommandOf<'EditComment'>, idea: Idea): Decision<IdeaEvent> {
  if (idea.status === 'none')
    return invalidTransition('idea-not-found', 'There is no idea with this id; submit it first.');
  const comment = idea.comments.find((candidate) => candidate.commentId === command.commentId);
  if (!comment) return invalidTransition('comment-not-found', `There is no comment ${command.commentId} on this idea.`);
  if (comment.authorId !== command.editorId)
    return ruleViolation('not-comment-author', 'Only the author of a comment may change it.');
  const minutes = (Date.parse(command.at) - Date.parse(comment.postedAt)) / 60_000;
  if (minutes > COMMENT_EDIT_MINUTES)
    return invalidTransition(
      'comment-edit-window-closed',
      `A comment can be changed for ${COMMENT_EDIT_MINUTES} minutes after it was posted; this one was posted at ${comment.postedAt} and is kept as it is.`,
    );
  if (command.text === comment.text) return accept();
  return accept({
    type: 'CommentEdited',
    data: { commentId: comment.commentId, text: command.text, previousText: comment.text, editedAt: command.at },
  });
}

function endorse(actorId: string, idea: Idea): Decision<IdeaEvent> {
  const rejected = requireSubmitted(idea, 'endorse the idea');
  if (rejected) return rejected;
  if (authorsOf(idea).some((author) => author.id === actorId))
    return ruleViolation(
      'own-idea',
      `${actorId} is an author of this idea; an organisation does not endorse its own idea.`,
    );
  if (idea.endorsements.includes(actorId))
    return invalidTransition('already-endorsed', `${actorId} endorses this idea already; each organisation once.`);
  return accept({ type: 'IdeaEndorsed', data: { actorId } });
}

function withdrawEndorsement(actorId: string, idea: Idea): Decision<IdeaEvent> {
  if (idea.status === 'none')
    return invalidTransition('idea-not-found', 'There is no idea with this id; submit it first.');
  return idea.endorsements.includes(actorId)
    ? accept({ type: 'EndorsementWithdrawn', data: { actorId } })
    : invalidTransition('endorsement-not-found', `${actorId} does not endorse this idea.`);
}

function formBundle(district: District, command: CommandOf<'FormBundle'>, idea: Idea): Decision<IdeaEvent> {
  if (idea.status !== 'none')
    return invalidTransition('idea-exists', `An idea with the id ${command.ideaId} already exists.`);
  const sourceIds = command.sources.map((source) => source.ideaId);
  if (sourceIds.length < 2) return ruleViolation('bundle-too-small', 'A bundle merges at least two ideas.');
  const repeated = firstRepeated(sourceIds);
  if (repeated) return ruleViolation('bundle-source-duplicate', `The idea ${repeated} is named twice.`);
  const rejected =
    requireText(command.reason, 'reason-required', 'Say in a sentence why these ideas belong together.') ??
    checkContent(district, command.content);
  if (rejected) return rejected;
  return accept({
    type: 'BundleFormed',
    data: {
      ideaId: command.ideaId,
      content: command.content,
      submitter: command.submitter,
      sourceIds,
      reason: command.reason,
      coAuthors: uniqueAuthors(command.sources.flatMap(authorsOf)),
    },
  });
}

function joinBundle(bundleId: string, idea: Idea): Decision<IdeaEvent> {
  if (idea.bundledInto === bundleId) return accept();
  if (bundleId === idea.ideaId) return ruleViolation('bundle-of-itself', 'An idea cannot be merged into itself.');
  const rejected =
    requireSubmitted(idea, 'merge the idea') ??
    requireUndecided(idea, 'merge the idea') ??
    requireNotPromoted(idea, 'merge the idea');
  return rejected ?? accept({ type: 'IdeaBundled', data: { bundleId } });
}

function undoBundle(reason: string, idea: Idea): Decision<IdeaEvent> {
  const rejected = requireSubmitted(idea, 'undo the merge') ?? requireNotPromoted(idea, 'undo the merge');
  if (rejected) return rejected;
  if (!idea.bundle) return ruleViolation('not-a-bundle', 'This idea is not a bundle; there is no merge to undo.');
  return (
    requireText(reason, 'reason-required', 'Say in a sentence why the merge is undone.') ??
    accept({ type: 'BundleUndone', data: { reason, sourceIds: idea.bundle.sourceIds } })
  );
}

function leaveBundle(bundleId: string, idea: Idea): Decision<IdeaEvent> {
  return idea.bundledInto === bundleId ? accept({ type: 'IdeaUnbundled', data: { bundleId } }) : accept();
}

function split(command: CommandOf<'SplitIdea'>, idea: Idea): Decision<IdeaEvent> {
  const rejected =
    requireSubmitted(idea, 'split the idea') ??
    requireUndecided(idea, 'split the idea') ??
    requireNotPromoted(idea, 'split the idea') ??
    requireText(command.reason, 'reason-required', 'Say in a sentence why the idea is split.');
  if (rejected) return rejected;
  if (command.parts.length < 2) return ruleViolation('split-too-small', 'A split gives at least two new ideas.');
  const unnamed = command.parts.findIndex((part) => part.carries.trim() === '');
  if (unnamed >= 0)
    return ruleViolation('carries-required', `Part ${unnamed + 1} does not say which part of the idea it carries.`);
  const repeated = firstRepeated(command.parts.map((part) => part.ideaId));
  if (repeated || command.parts.some((part) => part.ideaId === idea.ideaId))
    return ruleViolation('split-part-duplicate', 'Every part of a split is a new idea with its own id.');
  return accept({ type: 'IdeaSplit', data: { parts: command.parts, reason: command.reason } });
}

function assignEvaluators(
  evaluators: readonly Evaluator[],
  criteria: readonly Criterion[],
  idea: Idea,
): Decision<IdeaEvent> {
  const rejected =
    requireSubmitted(idea, 'assign evaluators') ??
    requireUndecided(idea, 'assign evaluators') ??
    requireNotPromoted(idea, 'assign evaluators');
  if (rejected) return rejected;
  if (evaluators.length === 0) return ruleViolation('evaluator-required', 'Name at least one evaluator.');
  const repeated = firstRepeated(evaluators.map((evaluator) => evaluator.id));
  if (repeated) return ruleViolation('evaluator-duplicate', `The evaluator ${repeated} is named twice.`);
  const authors = authorsOf(idea);
  const conflicted = evaluators.find((evaluator) => authors.some((author) => author.id === evaluator.id));
  if (conflicted)
    return ruleViolation(
      'evaluator-conflict',
      `${conflicted.id} submitted this idea (or one merged into it) and cannot evaluate it: conflict of interest.`,
    );
  const assigned = idea.evaluation?.evaluators ?? [];
  const added = evaluators.filter((evaluator) => !assigned.some((other) => other.id === evaluator.id));
  if (added.length === 0)
    return invalidTransition('evaluators-already-assigned', 'Every evaluator named is assigned already.');
  if (!idea.evaluation && criteria.length === 0)
    return ruleViolation('criteria-required', 'An evaluation needs at least one criterion.');
  return accept({
    type: 'EvaluatorsAssigned',
    data: { evaluators: added, criteria: idea.evaluation?.criteria ?? criteria },
  });
}

function submitEvaluation(command: CommandOf<'SubmitEvaluation'>, idea: Idea): Decision<IdeaEvent> {
  const rejected = requireSubmitted(idea, 'evaluate the idea') ?? requireUndecided(idea, 'evaluate the idea');
  if (rejected) return rejected;
  const evaluation = idea.evaluation;
  if (!evaluation?.evaluators.some((evaluator) => evaluator.id === command.evaluatorId))
    return ruleViolation('not-an-evaluator', `${command.evaluatorId} is not assigned to evaluate this idea.`);
  const unknown = command.scores.find(
    (score) => !evaluation.criteria.some((criterion) => criterion.key === score.criterionKey),
  );
  if (unknown)
    return ruleViolation('criterion-unknown', `This idea is not evaluated on the criterion ${unknown.criterionKey}.`);
  const repeated = firstRepeated(command.scores.map((score) => score.criterionKey));
  if (repeated) return ruleViolation('criterion-scored-twice', `The criterion ${repeated} is scored twice.`);
  const missing = evaluation.criteria.filter(
    (criterion) => !command.scores.some((score) => score.criterionKey === criterion.key),
  );
  if (missing.length > 0)
    return ruleViolation(
      'criterion-not-scored',
      `Score every criterion; missing: ${missing.map((criterion) => criterion.label).join(', ')}.`,
    );
  const outOfScale = command.scores.find(
    (score) => !Number.isInteger(score.score) || score.score < SCORE_MIN || score.score > SCORE_MAX,
  );
  if (outOfScale)
    return ruleViolation(
      'score-out-of-scale',
      `Scores are whole numbers from ${SCORE_MIN} to ${SCORE_MAX}; ${outOfScale.criterionKey} has ${outOfScale.score}.`,
    );
  const unjustified = command.scores.find((score) => score.justification.trim() === '');
  if (unjustified)
    return ruleViolation('justification-required', `Justify the score for ${unjustified.criterionKey} in a sentence.`);
  const { type: _type, ...data } = command;
  return accept({ type: 'EvaluationSubmitted', data });
}

function decide(command: CommandOf<'DecideIdea'>, idea: Idea): Decision<IdeaEvent> {
  const rejected =
    requireSubmitted(idea, 'decide on the idea') ??
    requireNotPromoted(idea, 'decide on the idea again') ??
    requireText(command.authority, 'authority-required', 'Name the authority of the decision, e.g. the committee.');
  if (rejected) return rejected;
  if (command.outcome === 'rejected' && command.reason.trim() === '')
    return ruleViolation('reason-required', 'Say why the idea is rejected; its authors read the reason.');
  if (idea.decision?.outcome === command.outcome)
    return invalidTransition('already-decided', `The idea is ${command.outcome} already.`);
  const { type: _type, ...decision } = command;
  return accept({ type: 'IdeaDecided', data: decision });
}

function promote(command: CommandOf<'PromoteIdea'>, idea: Idea): Decision<IdeaEvent> {
  const rejected = requireSubmitted(idea, 'promote the idea');
  if (rejected) return rejected;
  if (idea.decision?.outcome !== 'accepted')
    return invalidTransition('idea-not-accepted', 'Only an accepted idea is promoted; decide on it first.');
  if (idea.promotions.some((promotion) => promotion.target === command.target))
    return invalidTransition('already-promoted', `The idea was promoted to a ${command.target} already.`);
  return accept({
    type: 'IdeaPromoted',
    data: { promotionId: command.promotionId, target: command.target, content: idea.content as IdeaContent },
  });
}

function recordPromotionResult(command: CommandOf<'RecordPromotionResult'>, idea: Idea): Decision<IdeaEvent> {
  const promotion = idea.promotions.find((candidate) => candidate.promotionId === command.promotionId);
  if (!promotion) return invalidTransition('promotion-unknown', `The idea has no promotion ${command.promotionId}.`);
  if (promotion.resultId === command.resultId) return accept();
  return accept({ type: 'PromotionRealised', data: { promotionId: command.promotionId, resultId: command.resultId } });
}

export function decideIdea(district: District): (command: IdeaCommand, idea: Idea) => Decision<IdeaEvent> {
  return (command, idea) => {
    switch (command.type) {
      case 'SubmitIdea':
        return submit(district, command, idea);
      case 'ReviseIdea':
        return revise(district, command.changes, idea);
      case 'WithdrawIdea':
        return withdraw(command.withdrawal, idea);
      case 'PostComment':
        return postComment(command, idea);
      case 'EditComment':
        return editComment(command, idea);
      case 'EndorseIdea':
        return endorse(command.actorId, idea);
      case 'WithdrawEndorsement':
        return withdrawEndorsement(command.actorId, idea);
      case 'FormBundle':
        return formBundle(district, command, idea);
      case 'JoinBundle':
        return joinBundle(command.bundleId, idea);
      case 'UndoBundle':
        return undoBundle(command.reason, idea);
      case 'LeaveBundle':
        return leaveBundle(command.bundleId, idea);
      case 'SplitIdea':
        return split(command, idea);
      case 'AssignEvaluators':
        return assignEvaluators(command.evaluators, command.criteria, idea);
      case 'SubmitEvaluation':
        return submitEvaluation(command, idea);
      case 'DecideIdea':
        return decide(command, idea);
      case 'PromoteIdea':
        return promote(command, idea);
      case 'RecordPromotionResult':
        return recordPromotionResult(command, idea);
      default:
        return unknownCommand(command);
    }
  };
}

export function evolveIdea(idea: Idea, event: IdeaEvent): Idea {
  switch (event.type) {
    case 'IdeaSubmitted': {
      const { ideaId, content, submitter, callId, splitFrom, coAuthors } = event.data;
      return {
        ...initialIdea,
        status: 'submitted',
        ideaId,
        content,
        submitter,
        coAuthors: coAuthors ?? [],
        ...(callId ? { callId } : {}),
        ...(splitFrom ? { splitFrom } : {}),
      };
    }
    case 'BundleFormed': {
      const { ideaId, content, submitter, sourceIds, reason, coAuthors } = event.data;
      return {
        ...initialIdea,
        status: 'submitted',
        ideaId,
        content,
        submitter,
        coAuthors,
        bundle: { sourceIds, reason },
      };
    }
    case 'IdeaBundled':
      return { ...idea, status: 'bundled', bundledInto: event.data.bundleId };
    case 'BundleUndone':
      return { ...idea, status: 'dissolved' };
    case 'IdeaUnbundled': {
      const { bundledInto: _bundle, ...rest } = idea;
      return { ...rest, status: 'submitted' };
    }
    case 'IdeaSplit':
      return { ...idea, status: 'split', splitInto: event.data.parts };
    case 'EvaluatorsAssigned': {
      const { evaluators, criteria } = event.data;
      const current = idea.evaluation ?? { criteria, evaluators: [], evaluations: [] };
      return { ...idea, evaluation: { ...current, evaluators: [...current.evaluators, ...evaluators] } };
    }
    case 'EvaluationSubmitted': {
      const current = idea.evaluation as NonNullable<Idea['evaluation']>;
      const others = current.evaluations.filter((entry) => entry.evaluatorId !== event.data.evaluatorId);
      return { ...idea, evaluation: { ...current, evaluations: [...others, event.data] } };
    }
    case 'IdeaDecided':
      return { ...idea, decision: event.data };
    case 'IdeaPromoted': {
      const { promotionId, target } = event.data;
      return { ...idea, promotions: [...idea.promotions, { promotionId, target }] };
    }
    case 'PromotionRealised':
      return {
        ...idea,
        promotions: idea.promotions.map((promotion) =>
          promotion.promotionId === event.data.promotionId
            ? { ...promotion, resultId: event.data.resultId }
            : promotion,
        ),
      };
    case 'IdeaRevised':
      return {
        ...idea,
        content: { ...(idea.content as IdeaContent), ...event.data.changes },
        revisions: idea.revisions + 1,
      };
    case 'IdeaWithdrawn':
      return { ...idea, status: 'withdrawn', withdrawal: event.data };
    case 'CommentPosted':
      return { ...idea, comments: [...idea.comments, event.data] };
    case 'CommentEdited': {
      const { commentId, text, editedAt } = event.data;
      return {
        ...idea,
        comments: idea.comments.map((comment) =>
          comment.commentId === commentId ? { ...comment, text, editedAt } : comment,
        ),
      };
    }
    case 'IdeaEndorsed':
      return { ...idea, endorsements: [...idea.endorsements, event.data.actorId] };
    case 'EndorsementWithdrawn':
      return { ...idea, endorsements: idea.endorsements.filter((actorId) => actorId !== event.data.actorId) };
  }
}

export function ideaDecider(district: District): Decider<IdeaCommand, Idea, IdeaEvent> {
  return { initialState: initialIdea, decide: decideIdea(district), evolve: evolveIdea };
}
