import { graphql } from './gql';

// Every operation of the console, typed from apps/gateway/schema.gql by GraphQL Code Generator.

export const DocumentFieldsFragment = graphql(`
  fragment DocumentFields on Document {
    id
    ople
    deliverable
    versionKind
    title
    status
    ballInCourt
    overdue
    escalationLevel
    openObservations
    submissions
    lastOficioNumber
    lastSubmittedOn
    resolution
    rounds {
      submittedBy
      answeredBy
    }
    deadline {
      dueDate
      dueAt
      kind
      party
    }
  }
`);

export const DocumentsQuery = graphql(`
  query Documents($filter: DocumentsFilter, $orderBy: DocumentOrder!, $first: Int!, $after: String, $asOf: String) {
    documents(filter: $filter, orderBy: $orderBy, first: $first, after: $after, asOf: $asOf) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          ...DocumentFields
        }
      }
    }
  }
`);

export const DocumentMatrixQuery = graphql(`
  query DocumentMatrix($asOf: String) {
    documentMatrix(asOf: $asOf) {
      ople
      deliverable
      versionKind
      documents
      status
      overdue
      escalationLevel
      documentId
    }
  }
`);

export const DashboardQuery = graphql(`
  query OpleDashboard($ople: String!, $asOf: String) {
    dashboard(ople: $ople, asOf: $asOf) {
      overdueCount
      byStatus {
        key
        count
      }
      byBallInCourt {
        key
        count
      }
      oldestOverdue {
        id
        title
        dueDate
        kind
        party
      }
    }
    obligations(ople: $ople, asOf: $asOf) {
      id
      kind
      subject
      dueDate
      overdue
      status
      sourceOficio
      deliverable
    }
    escalations(ople: $ople, open: true, asOf: $asOf) {
      key
      streamId
      step
      recipient
      firedAt
      dueAt
      acknowledgedAt
      acknowledgedBy
      open
    }
  }
`);

export const AcknowledgeMutation = graphql(`
  mutation Acknowledge($input: AcknowledgeEscalationInput!) {
    acknowledgeEscalation(input: $input) {
      key
      acknowledgedAt
      acknowledgedBy
    }
  }
`);

export const DocumentDetailFieldsFragment = graphql(`
  fragment DocumentDetailFields on Document {
    ...DocumentFields
    version
    rounds {
      number
      submittedBy
      submittedOn
      answeredBy
      answeredOn
      outcome
      additionalObservations
    }
    observations {
      id
      text
      raisedBy
      raisedInRound
      status
      lastJudgedBy
      inferred
    }
    escalations {
      key
      step
      recipient
      firedAt
      dueToFireAt
      acknowledgedAt
      acknowledgedBy
      deadline {
        dueDate
        kind
        party
      }
    }
    timeline {
      position
      version
      type
      summary
      oficioNumber
      actor
      effectiveAt
      recordedAt
    }
  }
`);

export const DocumentQuery = graphql(`
  query DocumentPage($id: ID!) {
    document(id: $id) {
      ...DocumentDetailFields
      live {
        running
        nextEscalationStep
        nextEscalationAt
      }
    }
  }
`);

export const DocumentAsOfQuery = graphql(`
  query DocumentPageAsOf($ople: String!, $search: String!, $asOf: String!) {
    documents(filter: { ople: $ople, search: $search }, first: 10, orderBy: ID, asOf: $asOf) {
      edges {
        node {
          ...DocumentDetailFields
        }
      }
    }
  }
`);

export const CorrespondenceQuery = graphql(`
  query Correspondence($ople: String, $direction: String, $from: String, $to: String, $asOf: String) {
    correspondence(ople: $ople, direction: $direction, from: $from, to: $to, asOf: $asOf) {
      oficioNumber
      ople
      date
      direction
      role
      streamId
      subject
      cites
      meetingAt
    }
  }
`);

export const OficioQuery = graphql(`
  query OficioPage($number: String!) {
    oficio(number: $number) {
      number
      cites
      citedBy
      entries {
        streamId
        ople
        date
        direction
        role
        subject
        meetingAt
      }
    }
  }
`);

export const ReportQuery = graphql(`
  query Report($ople: String!, $from: String!, $to: String!, $format: ReportFormat!) {
    correspondenceReport(ople: $ople, from: $from, to: $to, format: $format) {
      fileName
      contentType
      encoding
      content
      format
    }
  }
`);

export const DocumentChangedSubscription = graphql(`
  subscription DocumentChanged($ople: String) {
    documentChanged(ople: $ople) {
      id
      ople
      deliverable
      versionKind
      title
      status
    }
  }
`);

export const EscalationRaisedSubscription = graphql(`
  subscription EscalationRaised($ople: String) {
    escalationRaised(ople: $ople) {
      streamId
      ople
      step
      firedAt
    }
  }
`);

export const ExtendDeadlineMutation = graphql(`
  mutation ExtendDeadline($input: ExtendDeadlineInput!) {
    extendDeadline(input: $input) {
      alreadyRecorded
      document {
        id
        deadline {
          dueDate
        }
      }
    }
  }
`);

export const WithdrawDocumentMutation = graphql(`
  mutation WithdrawDocument($input: WithdrawDocumentInput!) {
    withdrawDocument(input: $input) {
      alreadyRecorded
      document {
        id
        status
      }
    }
  }
`);

export const RequestSubjectQuery = graphql(`
  query RequestSubject($id: ID!) {
    request(id: $id) {
      id
      subject
    }
  }
`);

export const NoticeSubjectQuery = graphql(`
  query NoticeSubject($id: String!) {
    notice(id: $id) {
      id
      kind
      subject
    }
  }
`);

/** What the recording page shows of each oficio an ingest read (pasted text or a file). */
export const IngestedOficioFieldsFragment = graphql(`
  fragment IngestedOficioFields on IngestedOficio {
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
    spanStart
    spanEnd
    reviewIds
  }
`);

export const IngestMutation = graphql(`
  mutation Ingest($text: String!, $ople: String!, $dryRun: Boolean!) {
    ingestCorrespondence(text: $text, ople: $ople, dryRun: $dryRun) {
      created
      alreadyRecorded
      needsReview
      failed
      warnings
      oficios {
        ...IngestedOficioFields
      }
    }
  }
`);

export const SavedViewsQuery = graphql(`
  query SavedViews {
    savedViews {
      id
      name
      path
      createdBy
    }
  }
`);

export const SaveViewMutation = graphql(`
  mutation SaveView($input: SaveViewInput!) {
    saveView(input: $input) {
      id
      name
      path
    }
  }
`);

export const DeleteViewMutation = graphql(`
  mutation DeleteView($input: DeleteViewInput!) {
    deleteView(input: $input)
  }
`);
