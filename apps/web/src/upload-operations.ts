import { graphql } from './gql';

// The recording page's file upload (issues 16 and 17), typed from apps/gateway/schema.gql.

export const IngestFileMutation = graphql(`
  mutation IngestFile($input: IngestFileInput!) {
    ingestFile(input: $input) {
      created
      alreadyRecorded
      needsReview
      failed
      skipped
      warnings
      oficios {
        number
        date
        kind
        outcome
        additionalObservations
        deliverable
        references
        deadline
        items {
          deliverable
          dueDate
          title
        }
        meeting
        subject
        summary
        assumptions
        confidence
        needsReview
        reviewReasons
        result
        message
        targets
        reviewIds
        spanStart
        spanEnd
      }
      file {
        sha256
        name
        size
        mediaType
        kind
        alreadyReceived
        firstSeenAt
        firstSeenBy
        pages
        ocr
        notes
        registers {
          file
          mapped {
            field
            header
          }
          unmapped
        }
        downloadUrl
      }
    }
  }
`);
