import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../auth/session';
import { formatTimestamp } from '../lib/format';
import { CommandProblem, useCommandErrors } from '../shell/CommandProblem';
import { TextField } from '../shell/ui';
import { commentStillEditable } from './idea-form';
import { COMMENT_EDIT_MINUTES, IdeaComment, IdeaView, useIdea, useIdeaStep } from './idea-queries';

type Idea = IdeaView['idea'];

/** A comment box: a new comment, a reply, or a comment's new text. */
function CommentForm({
  ideaId,
  label,
  button,
  initial = '',
  send,
  onDone,
}: {
  ideaId: string;
  label: string;
  button: string;
  initial?: string;
  send: (text: string) => Promise<unknown>;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const reload = useIdea(ideaId).refetch;
  const [text, setText] = useState(initial);
  const [pending, setPending] = useState(false);
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (!text.trim()) return setFieldErrors({ text: t('ideas.submit.problem.required') });
    setPending(true);
    try {
      await send(text.trim());
      setText('');
      onDone?.();
    } catch (error) {
      fail(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="step-form">
      {problem ? <CommandProblem problem={problem} onReload={() => void reload()} staleText={t('idea.stale')} /> : null}
      <TextField
        multiline
        label={label}
        name="text"
        value={text}
        onChange={setText}
        required
        {...(fieldErrors['text'] ? { error: fieldErrors['text'] } : {})}
      />
      <button type="submit" className="kern-btn kern-btn--secondary" disabled={pending}>
        <span className="kern-label">{button}</span>
      </button>
    </form>
  );
}

function Comment({
  ideaId,
  comment,
  replies,
  person,
  open,
}: {
  ideaId: string;
  comment: IdeaComment;
  replies: readonly IdeaComment[];
  person: Person;
  open: boolean;
}) {
  const { t } = useTranslation();
  const step = useIdeaStep(ideaId);
  const [mode, setMode] = useState<'read' | 'reply' | 'edit'>('read');
  const mine = comment.authorId === person.id;
  const editable = open && mine && commentStillEditable(comment.postedAt, COMMENT_EDIT_MINUTES);
  return (
    <li className="idea-comment">
      <article aria-label={t('idea.comment.by', { author: comment.authorId })}>
        <p className="kern-body kern-body--muted">
          {t('idea.comment.meta', { author: comment.authorId, at: formatTimestamp(comment.postedAt) })}
          {comment.editedAt ? ` · ${t('idea.comment.edited', { at: formatTimestamp(comment.editedAt) })}` : ''}
        </p>
        {mode === 'edit' ? (
          <CommentForm
            ideaId={ideaId}
            label={t('idea.comment.editLabel')}
            button={t('idea.comment.save')}
            initial={comment.text}
            send={(text) => step.mutateAsync({ kind: 'editComment', commentId: comment.commentId, text })}
            onDone={() => setMode('read')}
          />
        ) : (
          <p className="kern-body idea-comment__text">{comment.text}</p>
        )}
        <div className="idea-comment__actions">
          {open && comment.replyTo === undefined && mode !== 'reply' ? (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setMode('reply')}>
              <span className="kern-label">{t('idea.comment.reply')}</span>
            </button>
          ) : null}
          {editable && mode !== 'edit' ? (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setMode('edit')}>
              <span className="kern-label">{t('idea.comment.edit')}</span>
            </button>
          ) : null}
        </div>
      </article>
      {replies.length > 0 ? (
        <ul
          className="kern-list idea-comment__replies"
          aria-label={t('idea.comment.replies', { count: replies.length })}
        >
          {replies.map((reply) => (
            <Comment key={reply.commentId} ideaId={ideaId} comment={reply} replies={[]} person={person} open={open} />
          ))}
        </ul>
      ) : null}
      {mode === 'reply' ? (
        <CommentForm
          ideaId={ideaId}
          label={t('idea.comment.replyLabel', { author: comment.authorId })}
          button={t('idea.comment.sendReply')}
          send={(text) => step.mutateAsync({ kind: 'comment', text, replyTo: comment.commentId })}
          onDone={() => setMode('read')}
        />
      ) : null}
    </li>
  );
}

/** Kommentare with one level of replies; auditors read, everyone else takes part while the idea is open. */
export function IdeaComments({ ideaId, idea, person }: { ideaId: string; idea: Idea; person: Person }) {
  const { t } = useTranslation();
  const step = useIdeaStep(ideaId);
  const open = idea.status === 'submitted' && person.role !== 'auditor';
  const topLevel = idea.comments.filter((comment) => comment.replyTo === undefined);
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="kern-heading-medium">
        {t('idea.commentsTitle', { count: idea.comments.length })}
      </h2>
      {topLevel.length > 0 ? (
        <ul className="kern-list idea-comments">
          {topLevel.map((comment) => (
            <Comment
              key={comment.commentId}
              ideaId={ideaId}
              comment={comment}
              replies={idea.comments.filter((reply) => reply.replyTo === comment.commentId)}
              person={person}
              open={open}
            />
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('idea.noComments')}</p>
      )}
      {open ? (
        <CommentForm
          ideaId={ideaId}
          label={t('idea.comment.newLabel')}
          button={t('idea.comment.send')}
          send={(text) => step.mutateAsync({ kind: 'comment', text })}
        />
      ) : null}
    </section>
  );
}
