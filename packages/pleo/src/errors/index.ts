export * from './pleo-api-error';
export * from './pleo-input-error';
