// Each read model's columns (schema), how the projector writes it (projection) and how it is read
// (queries), side by side; `projections/read-models.ts` runs the projections over a batch.
export * from './sql';
export * from './documents/schema';
export * from './documents/projection';
export * from './documents/query';
export * from './documents/queries';
export * from './documents/matrix';
export * from './obligations/schema';
export * from './obligations/projection';
export * from './obligations/queries';
export * from './escalations/schema';
export * from './escalations/projection';
export * from './escalations/queries';
export * from './correspondence/schema';
export * from './correspondence/projection';
export * from './correspondence/queries';
export * from './dashboard/queries';
export * from './reviews/schema';
export * from './reviews/projection';
export * from './reviews/queries';
