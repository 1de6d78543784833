import { useEffect, useState } from 'react';
import { useClient } from 'urql';
import type { DocumentFieldsFragment, DocumentsFilter, DocumentsQuery as DocumentsAnswer } from './gql/graphql';
import { DocumentsQuery } from './operations';
import { useAsOf, useLive } from './state';

export type DocumentRow = DocumentFieldsFragment;

/**
 * Every document matching `filter` (all pages of `documents`, 200 at a time), re-read when the
 * live feed announces a change, and when time travel changes.
 */
export function useAllDocuments(filter: DocumentsFilter, pause = false) {
  const client = useClient();
  const asOf = useAsOf();
  const { version } = useLive();
  const [state, setState] = useState<{
    docs: DocumentRow[] | null;
    error: Error | null;
    fetchedAt: number | null;
    fetching: boolean;
  }>({ docs: null, error: null, fetchedAt: null, fetching: true });
  const key = JSON.stringify(filter);
  const liveVersion = asOf ? 0 : version;
  useEffect(() => {
    if (pause) return;
    let cancelled = false;
    setState((s) => ({ ...s, fetching: true }));
    (async () => {
      const docs: DocumentRow[] = [];
      let after: string | null = null;
      for (;;) {
        const answer: { data?: DocumentsAnswer; error?: Error } = await client
          .query(
            DocumentsQuery,
            { filter: JSON.parse(key) as DocumentsFilter, orderBy: 'ID', first: 200, after, asOf },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (answer.error) throw answer.error;
        const page: DocumentsAnswer['documents'] = answer.data!.documents;
        docs.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
        after = page.pageInfo.endCursor;
      }
      return docs;
    })().then(
      (docs) => !cancelled && setState({ docs, error: null, fetchedAt: Date.now(), fetching: false }),
      (error: Error) => !cancelled && setState((s) => ({ ...s, error, fetching: false })),
    );
    return () => {
      cancelled = true;
    };
  }, [client, key, asOf, liveVersion, pause]);
  return state;
}
