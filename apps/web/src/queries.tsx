import {
  QueryClient,
  QueryClientProvider,
  type QueryKey,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';

import type { EventType, RealtimeEvent } from '@wc/contracts';

import type { Page } from './api/client';
import { useRealtimeEvents } from './realtime';

/**
 * The one cache of server data (house style B.20). Every screen reads through `useQuery` with a
 * key from `keys`; socket events invalidate keys (`keysForEvent`), and the screens that show them
 * refetch over HTTP (notify, don't ship).
 */
export const keys = {
  /** Everything about one case: its detail and every tab (`['case', id, 'documents']`, ...). */
  case: (caseId: string, ...rest: readonly unknown[]) => ['case', caseId, ...rest] as const,
  /** Case lists and counts across cases. */
  cases: (...rest: readonly unknown[]) => ['cases', ...rest] as const,
  /** The home screens' dashboards and overviews. */
  home: (...rest: readonly unknown[]) => ['home', ...rest] as const,
  agenda: () => ['agenda'] as const,
  notifications: (...rest: readonly unknown[]) => ['notifications', ...rest] as const,
  meetings: (...rest: readonly unknown[]) => ['meetings', ...rest] as const,
  /** A council's members, roles, committees and expert engagements. */
  council: (...rest: readonly unknown[]) => ['council', ...rest] as const,
  /** Organisation administration (members, invitations). */
  admin: (...rest: readonly unknown[]) => ['admin', ...rest] as const,
  aiSystems: (...rest: readonly unknown[]) => ['ai-systems', ...rest] as const,
  unions: () => ['unions'] as const,
  /** A council's signals and its requests outside any case (issue #19). */
  intake: (...rest: readonly unknown[]) => ['intake', ...rest] as const,
  search: (q: string) => ['search', q] as const,
  settings: (...rest: readonly unknown[]) => ['settings', ...rest] as const,
};

type Topic =
  | 'cases'
  | 'home'
  | 'agenda'
  | 'notifications'
  | 'meetings'
  | 'council'
  | 'admin'
  | 'ai-systems'
  | 'intake';

/** The aggregate an event type belongs to: the part before the dot. */
type Aggregate = EventType extends `${infer A}.${string}` ? A : never;

/**
 * What each aggregate's events may change beyond their own case (the case's keys are always
 * invalidated). A `Record`, so an aggregate added to @wc/contracts does not compile until listed.
 */
const TOPICS: Record<Aggregate, readonly Topic[]> = {
  case: ['cases', 'home', 'agenda', 'meetings'],
  assessment: ['home'],
  oversight: [],
  training_plan: [],
  document: ['home'],
  comment: [],
  internal: ['home', 'agenda', 'meetings'],
  // Attached to the council's position: only the case's own keys (its surveys tab) change.
  survey: [],
  meeting: ['meetings', 'agenda', 'home'],
  union_share: ['cases', 'home', 'agenda', 'council'],
  session: [],
  membership: ['council', 'admin', 'home'],
  expert_engagement: ['council'],
  // A confirmed convenant sets the terms of new cases.
  convenant: ['council', 'cases'],
  ai_system: ['ai-systems', 'home'],
  // A received letter starts a term: the case lists and dashboards show it.
  letter: ['cases', 'home', 'agenda'],
  notification: ['notifications', 'agenda', 'home'],
  // Issue #19: the council's intake, and the commitments on a case (its own keys) and the agenda.
  council_signal: ['intake'],
  council_request: ['intake', 'agenda', 'cases'],
  commitment: ['agenda', 'home'],
  // Monitoring after go-live (issue #19): the case's own keys only; a follow-up adds a case.
  monitoring_plan: [],
  evaluation: ['home'],
  monitoring_incident: [],
  case_follow_up: ['cases', 'home'],
};

/** The query keys an event makes stale: its topics, and the case it is about. */
export function keysForEvent(event: RealtimeEvent): QueryKey[] {
  const aggregate = event.type.slice(0, event.type.indexOf('.')) as Aggregate;
  const caseId =
    event.caseId ?? (typeof event.subjectCaseId === 'string' ? event.subjectCaseId : null);
  return [...TOPICS[aggregate].map((topic) => [topic]), ...(caseId ? [keys.case(caseId)] : [])];
}

/**
 * A long list shown page by page (the API's `?limit=&cursor=`): the pages fetched so far, and
 * `more()` for the next one while `nextCursor` says there is one. A socket event invalidating
 * the key refetches the pages shown.
 */
export function usePagedList<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return {
    items: query.data?.pages.flatMap((page) => page.items),
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    more: () => void query.fetchNextPage(),
    refetch: () => query.refetch(),
  };
}

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The socket says when data changed; a failed answer is shown at once, not retried blindly.
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** Bursts of events (one action writes several) refetch once, after this quiet time. */
const DEBOUNCE_MS = 60;

/** Invalidates the keys of every socket event, and everything after a reconnect (missed events). */
function LiveInvalidation() {
  const client = useQueryClient();
  const pending = useRef<QueryKey[]>([]);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  useRealtimeEvents((event) => {
    if (event === 'resync') {
      void client.invalidateQueries();
      return;
    }
    pending.current.push(...keysForEvent(event));
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const stale = new Map(pending.current.splice(0).map((key) => [JSON.stringify(key), key]));
      for (const queryKey of stale.values()) {
        void client.invalidateQueries({ queryKey });
      }
    }, DEBOUNCE_MS);
  });
  return null;
}

/** One cache; signing out drops everything the last user could read. */
export function QueryProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [client] = useState(newQueryClient);
  useEffect(() => {
    if (!signedIn) {
      client.clear();
    }
  }, [client, signedIn]);
  return (
    <QueryClientProvider client={client}>
      <LiveInvalidation />
      {children}
    </QueryClientProvider>
  );
}
