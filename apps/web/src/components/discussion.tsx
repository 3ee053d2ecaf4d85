import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import type { Side } from '../domain';
import { useI18n } from '../i18n';
import { Badge, Empty, ErrorAlert, Loading, TextArea, useMutation } from './ui';
import { keys } from '../queries';

type CaseResponse = Schemas['CaseResponse'];
type Comment = Schemas['CommentResponse'];

/** The threads a side may use: the case thread for all, the union thread for the council and the union. */
function threadsFor(side: Side): Array<'case' | 'union'> {
  switch (side) {
    case 'council_board':
    case 'council_member':
      return ['case', 'union'];
    case 'union':
      return ['union'];
    default:
      return ['case'];
  }
}

/** The case discussion, updated live: a change by one person shows for the others without reload. */
export function Discussion({
  aiCase,
  names,
}: {
  aiCase: CaseResponse;
  names: Map<string, string>;
}) {
  const { t } = useI18n();
  const threads = threadsFor(aiCase.yourSide);
  const [thread, setThread] = useState<'case' | 'union'>(threads[0]);
  return (
    <section aria-labelledby="discussion-title">
      <h2 id="discussion-title">{t('discussion.title')}</h2>
      {threads.length > 1 && (
        <div className="segmented" role="group" aria-label={t('discussion.threads')}>
          {threads.map((x) => (
            <button
              key={x}
              type="button"
              className={`button ${thread === x ? 'button-primary' : 'button-secondary'}`}
              aria-pressed={thread === x}
              onClick={() => setThread(x)}
            >
              {t(`discussion.thread.${x}`)}
            </button>
          ))}
        </div>
      )}
      <p className="hint">{t(`discussion.lead.${thread}`)}</p>
      <Thread key={thread} caseId={aiCase.id} thread={thread} names={names} />
    </section>
  );
}

function Thread({
  caseId,
  thread,
  names,
}: {
  caseId: string;
  thread: 'case' | 'union';
  names: Map<string, string>;
}) {
  const { t, dateTime } = useI18n();
  const comments = useQuery({
    queryKey: keys.case(caseId, 'comments', thread),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/comments', {
            params: { path: { caseId }, query: { limit: 200, cursor, thread } },
          }),
        ),
      ),
  });
  const [body, setBody] = useState('');
  const post = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/comments', {
        params: { path: { caseId }, query: { thread } },
        body: { body: body.trim() },
      }),
    );
    setBody('');
    await comments.refetch();
  });
  return (
    <>
      <ErrorAlert error={comments.error} />
      {!comments.data ? (
        <Loading />
      ) : comments.data.length === 0 ? (
        <Empty>{t('discussion.none')}</Empty>
      ) : (
        <ol className="comment-list" aria-label={t('discussion.comments')}>
          {comments.data.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              author={names.get(c.authorId)}
              when={dateTime(c.createdAt)}
            />
          ))}
        </ol>
      )}
      <form
        className="card"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void post.submit();
        }}
      >
        <TextArea
          label={t('discussion.write')}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          required
        />
        <MentionSuggestions caseId={caseId} thread={thread} body={body} onPick={setBody} />
        <ErrorAlert error={post.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={post.busy || !body.trim()}
        >
          {t('discussion.post')}
        </button>
      </form>
    </>
  );
}

function CommentItem({
  comment: c,
  author,
  when,
}: {
  comment: Comment;
  author: string | undefined;
  when: string;
}) {
  const { t } = useI18n();
  return (
    <li className="comment card" data-comment={c.id}>
      {c.deletedAt || c.body === null ? (
        <p className="muted">{t('discussion.deleted')}</p>
      ) : (
        <p className="comment-body">
          {c.body.replace(/@\[([^\]]+)\]\([0-9a-fA-F-]{36}\)/g, '@$1')}
        </p>
      )}
      <p className="muted small">
        {author ?? t('common.someone')} · {when}{' '}
        {c.editedAt && <Badge>{t('discussion.edited')}</Badge>}
      </p>
    </li>
  );
}

/**
 * Typing `@` offers the people who can read the thread (the server's list); picking one writes a
 * plain `@Name`, which the server turns into a mention of that person.
 */
function MentionSuggestions({
  caseId,
  thread,
  body,
  onPick,
}: {
  caseId: string;
  thread: 'case' | 'union';
  body: string;
  onPick: (body: string) => void;
}) {
  const { t } = useI18n();
  const query = /(^|\s)@([^@\n]{0,40})$/.exec(body);
  const people = useQuery({
    queryKey: keys.case(caseId, 'people', thread, query !== null),
    queryFn: () =>
      query
        ? allPages((cursor) =>
            unwrap(
              api.GET('/cases/{caseId}/comments/mentionable', {
                params: { path: { caseId }, query: { limit: 200, cursor, thread } },
              }),
            ),
          )
        : Promise.resolve(null),
  });
  if (!query || !people.data) {
    return null;
  }
  const typed = query[2].toLowerCase();
  const matches = people.data
    .filter((p) => p.displayName.toLowerCase().startsWith(typed))
    .slice(0, 8);
  if (matches.length === 0) {
    return null;
  }
  return (
    <ul className="mention-suggestions" aria-label={t('discussion.mentionable')}>
      {matches.map((p) => (
        <li key={p.userId}>
          <button
            type="button"
            className="button button-link"
            onClick={() =>
              onPick(`${body.slice(0, body.length - query[2].length)}${p.displayName} `)
            }
          >
            @{p.displayName}
          </button>
        </li>
      ))}
    </ul>
  );
}
