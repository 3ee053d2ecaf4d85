// The package exports `./plugin` with types that "node10" module resolution cannot see.
declare module '@nestjs/swagger/plugin' {
  export * from '@nestjs/swagger/dist/plugin';
}
