import { graphql } from './gql';

// Sent mail's operation (issue 18), typed from apps/gateway/schema.gql.

export const MailDeliveriesQuery = graphql(`
  query MailDeliveries($ople: String, $status: String) {
    mailDeliveries(ople: $ople, status: $status) {
      messageId
      recipient
      subject
      kind
      status
      attempts
      createdAt
      sentAt
      lastError
    }
  }
`);
