import { isPrivateAddress, urlProblem } from './endpoint-address';

const strict = { allowHttp: false, allowPrivateAddresses: false };
const dev = { allowHttp: true, allowPrivateAddresses: true };

describe('webhook endpoint addresses', () => {
  it.each([
    ['https://hooks.example.com/overleg', strict, null],
    ['http://hooks.example.com/overleg', strict, 'must start with https://'],
    ['http://hooks.example.com/overleg', dev, null],
    ['ftp://hooks.example.com/', dev, 'must start with https:// or http://'],
    ['https://127.0.0.1/hook', strict, 'must not point at a private or loopback address'],
    ['https://localhost/hook', strict, 'must not point at a private or loopback address'],
    ['https://[::1]/hook', strict, 'must not point at a private or loopback address'],
    ['https://169.254.169.254/latest', strict, 'must not point at a private or loopback address'],
    ['https://10.1.2.3/hook', strict, 'must not point at a private or loopback address'],
    ['http://127.0.0.1:8080/hook', dev, null],
    ['https://user:pw@hooks.example.com/', strict, 'must not contain a user name or password'],
    ['not a url', strict, 'is not a URL'],
  ])('%s → %s', (url, policy, problem) => {
    expect(urlProblem(url, policy)).toBe(problem);
  });

  it.each([
    ['127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['fd12::1', true],
    ['192.168.1.10', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
  ])('%s private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
