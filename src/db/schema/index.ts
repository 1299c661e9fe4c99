export * from './users';
export * from './store-profile';
export * from './catalog';
export * from './accounts';
export * from './cart';
export * from './orders';
export * from './restock';
export * from './audit';
