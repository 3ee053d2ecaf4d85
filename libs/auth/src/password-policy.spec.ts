import { PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy();
  const about = { email: 'jan.jansen@example.org', displayName: 'Jan Jansen' };
  const problem = (password: string) => {
    try {
      policy.assertAcceptable(password, about, 'newPassword');
      return undefined;
    } catch (error) {
      return (error as { code: string; errors: Array<{ path: string; message: string }> })
        .errors[0];
    }
  };

  it.each([
    'a long enough password',
    'correct horse battery staple',
    'tram 7 naar de Dam, twee keer',
  ])('accepts %s', (password) => {
    expect(problem(password)).toBeUndefined();
  });

  it.each([
    ['short1!', 'must be at least 12 characters'],
    ['jan.jansen@example.org', 'must not be your e-mail address'],
    ['password1234', 'is too common or too easy to guess'],
    ['qwertyuiop123', 'is too common or too easy to guess'],
    ['Welkom2026!!', 'is too common or too easy to guess'],
    ['janjansen2026', 'is too common or too easy to guess'],
  ])('refuses %s: %s', (password, message) => {
    expect(problem(password)).toEqual({ path: 'newPassword', message });
  });
});
