export * from './schemas/enums';
