import { accept, Decider, Decision, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import {
  COMMENT_EDIT_MINUTES,
  ContentChanges,
  Idea,
  IdeaCommand,
  IdeaContent,
  IdeaEvent,
  initialIdea,
  Withdrawal,
} from './idea';

type Rejected = Decision<never>;
type CommandOf<Type extends IdeaCommand['type']> = Extract<IdeaCommand, { type: Type }>;

function requireSubmitted(idea: Idea, action: string): Rejected | undefined {
  if (idea.status === 'none')
    return invalidTransition('idea-not-found', 'There is no idea with this id; submit it first.');
  return idea.status === 'withdrawn'
    ? invalidTransition('idea-withdrawn', `Cannot ${action}: the idea was withdrawn by its author.`)
    : undefined;
}

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
  const rejected = requireSubmitted(idea, 'withdraw the idea');
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
  if (idea.submitter?.id === actorId)
    return ruleViolation('own-idea', `${actorId} submitted this idea; an organisation does not endorse its own idea.`);
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
      default:
        return unknownCommand(command);
    }
  };
}

export function evolveIdea(idea: Idea, event: IdeaEvent): Idea {
  switch (event.type) {
    case 'IdeaSubmitted': {
      const { ideaId, content, submitter, callId } = event.data;
      return { ...initialIdea, status: 'submitted', ideaId, content, submitter, ...(callId ? { callId } : {}) };
    }
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
