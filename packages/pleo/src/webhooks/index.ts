export * from './event';
export { signPleoWebhook } from './signature';
export * from './verification-error';
export * from './verify';
