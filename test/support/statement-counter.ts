import { AsyncLocalStorage } from 'node:async_hooks';

import { Client } from 'pg';

/**
 * Counts the SQL statements one call sends, at the pg client, for that call only (an
 * AsyncLocalStorage scope), so the relays' polling and other requests do not count. `install`
 * before the app starts; `uninstall` in `afterAll`.
 */
export class StatementCounter {
  private readonly scope = new AsyncLocalStorage<string[]>();
  // Restored after the test; it is called with the client as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  private readonly originalQuery = Client.prototype.query;

  install(): void {
    const scope = this.scope;
    const originalQuery = this.originalQuery;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const sql = args[0];
      scope
        .getStore()
        ?.push(typeof sql === 'string' ? sql : String((sql as { text?: string }).text));
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  }

  uninstall(): void {
    Client.prototype.query = this.originalQuery;
  }

  async statementsOf<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    const result = await this.scope.run(statements, run);
    return { result, statements };
  }
}
