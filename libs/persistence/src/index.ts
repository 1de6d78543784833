export * from './entities/stored-event.entity';
export * from './data-source';
export * from './event-store/event-store';
export * from './projections/read-models';
export * from './projections/projector';
export * from './time-travel/as-of';
export * from './notifications/pg-listener';
export * from './notifications/position-watcher';
