export * from './principal';
export * from './roles.decorator';
export * from './token.service';
export * from './auth.guard';
export * from './auth.module';
export * from './token-cli';
