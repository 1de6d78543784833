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
        ...IngestedOficioFields
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
