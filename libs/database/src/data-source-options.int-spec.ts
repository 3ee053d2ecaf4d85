import { DataSource } from 'typeorm';

import { TEST_SERVER_ENV } from '@wc/testing';

import { dataSourceOptions } from './data-source-options';

describe('dataSourceOptions (real PostgreSQL)', () => {
  const show = async (url: string, setting: string): Promise<string> => {
    const db = await new DataSource({
      ...dataSourceOptions({ url, poolSize: 1 }),
      migrations: [],
    }).initialize();
    try {
      return (await db.query<Array<Record<string, string>>>(`SHOW ${setting}`))[0][setting];
    } finally {
      await db.destroy();
    }
  };

  it('opens every session without JIT compilation and with SSD page costs, unless the database URL says otherwise', async () => {
    const url = process.env[TEST_SERVER_ENV]!;
    expect(await show(url, 'jit')).toBe('off');
    expect(await show(url, 'random_page_cost')).toBe('1.1');
    expect(await show(url, 'application_name')).toBe('overleg');
    const withOptions = new URL(url);
    withOptions.searchParams.set('options', '-c jit=on');
    expect(await show(withOptions.toString(), 'jit')).toBe('on');
  });
});
