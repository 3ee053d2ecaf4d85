import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const appSecret = 'a-test-app-secret-that-is-long-enough-for-this';

  it('opens what it sealed, with a fresh IV each time', () => {
    const box = new SecretBox(appSecret, 'webhook-secret');
    const a = box.seal('whsec_abc');
    const b = box.seal('whsec_abc');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:/);
    expect(box.open(a)).toBe('whsec_abc');
    expect(box.open(b)).toBe('whsec_abc');
  });

  it('does not open with another purpose or app secret, nor a tampered value', () => {
    const sealed = new SecretBox(appSecret, 'webhook-secret').seal('whsec_abc');
    expect(() => new SecretBox(appSecret, 'totp-secret').open(sealed)).toThrow();
    expect(() => new SecretBox(`${appSecret}!`, 'webhook-secret').open(sealed)).toThrow();
    const [v, iv, tag, data] = sealed.split(':');
    const flipped = `${data[0] === 'A' ? 'B' : 'A'}${data.slice(1)}`;
    expect(() =>
      new SecretBox(appSecret, 'webhook-secret').open([v, iv, tag, flipped].join(':')),
    ).toThrow();
  });
});
