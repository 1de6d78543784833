import { graphql } from './gql';

// The review queue's operations (issue 15), typed from apps/gateway/schema.gql.

export const ReviewItemFieldsFragment = graphql(`
  fragment ReviewItemFields on ReviewItem {
    id
    ople
    oficioNumber
    oficioDate
    status
    reasons
    text
    read
    queuedAt
    queuedBy
    actor
    at
    span {
      start
      end
    }
    resolution {
      target
      deliverable
      versionKind
      documentId
      recordedOn
      note
    }
  }
`);

export const ReviewQueueQuery = graphql(`
  query ReviewQueue($ople: String, $status: ReviewStatus) {
    reviewQueue(ople: $ople, status: $status) {
      ...ReviewItemFields
    }
  }
`);

export const ReviewItemQuery = graphql(`
  query ReviewItem($id: ID!) {
    reviewItem(id: $id) {
      ...ReviewItemFields
    }
  }
`);

export const ResolveReviewMutation = graphql(`
  mutation ResolveReview($input: ResolveReviewInput!) {
    resolveReview(input: $input) {
      ...ReviewItemFields
    }
  }
`);

export const DismissReviewMutation = graphql(`
  mutation DismissReview($input: DismissReviewInput!) {
    dismissReview(input: $input) {
      ...ReviewItemFields
    }
  }
`);

export const PendingReviewCountQuery = graphql(`
  query PendingReviewCount($ople: String!) {
    dashboard(ople: $ople) {
      pendingReviewCount
    }
  }
`);

export const OficioSourceFilesQuery = graphql(`
  query OficioSourceFiles($number: String!) {
    oficio(number: $number) {
      number
      sourceFiles {
        sha256
        name
        size
        mediaType
        downloadUrl
      }
    }
  }
`);
