import { useEffect, useMemo, useState } from 'react';
import { useClient } from 'urql';
import type { CaseAbout } from './cases';
import { NoticeSubjectQuery, RequestSubjectQuery } from './operations';

/** Subjects already read in this tab (a request's or notice's subject never changes). */
const known = new Map<string, CaseAbout>();

/**
 * The subjects of the requests and notices among `streamIds` (documents are named from the
 * catalogue), read once each through `request(id)` / `notice(id)`; `given` are subjects the page
 * already has (the register's notices carry theirs).
 */
export function useCaseSubjects(streamIds: readonly string[], given?: ReadonlyMap<string, CaseAbout>) {
  const client = useClient();
  const [version, setVersion] = useState(0);
  const wanted = useMemo(
    () =>
      [...new Set(streamIds)].filter(
        (id) => (id.startsWith('request:') || id.startsWith('notice:')) && !known.has(id) && !given?.has(id),
      ),
    [streamIds, given],
  );
  const key = wanted.join('|');
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    void Promise.all(
      key.split('|').map(async (id) => {
        const answer: CaseAbout | undefined = id.startsWith('request:')
          ? (await client.query(RequestSubjectQuery, { id }).toPromise()).data?.request
          : (await client.query(NoticeSubjectQuery, { id }).toPromise()).data?.notice;
        if (answer?.subject) known.set(id, { subject: answer.subject, kind: answer.kind });
      }),
    ).then(() => !cancelled && setVersion((v) => v + 1));
    return () => {
      cancelled = true;
    };
  }, [client, key]);
  return useMemo(() => {
    void version;
    return new Map([...known, ...(given ?? [])]);
  }, [version, given]);
}
