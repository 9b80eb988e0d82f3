// Currents delivery health: the keys' layout, the summariser, the bounded listing and its report.
export * from './keys';
export * from './summary';
export * from './listing';
export * from './report';
