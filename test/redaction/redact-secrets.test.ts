import { describe, expect, test } from 'vitest';
import { redactSecrets } from '../../src/redaction/redact.js';

const r = (text: string) => redactSecrets(text);
const kinds = (text: string) => r(text).redactions.map((x) => x.kind);

describe('passwords', () => {
  test.each([
    ['my password is hunter2', 'my password is [redacted password]'],
    ['My password is Hunter2.', 'My password is [redacted password].'],
    ['pwd: X9s!kd', 'pwd: [redacted password]'],
    ['password=Tr0ub4dor&3 and then', 'password=[redacted password] and then'],
    ['login jdoe password: correcthorse', 'login jdoe password: [redacted password]'],
    ['user jdoe pw Secret123 please reset', 'user jdoe pw [redacted password] please reset'],
    ['new password Summer2024!', 'new password [redacted password]'],
    ['is my password hunter2?', 'is my password [redacted password]'],
    ['Guest wifi password is CoffeeTime99', 'Guest wifi password is [redacted password]'],
    ['I changed my password to Spring2025! yesterday', 'I changed my password to [redacted password] yesterday'],
    ['temporary password "two words!"', 'temporary password [redacted password]'],
    ['my password for the vpn is Winter#2025', 'my password for the vpn is [redacted password]'],
    ['my password is now P@ssw0rd', 'my password is now [redacted password]'],
    ['the password was hunter', 'the password was [redacted password]'],
    ['PASSWORD: 12345678', 'PASSWORD: [redacted password]'],
    ['pass: letmein', 'pass: [redacted password]'],
    ['passphrase = "correct horse battery staple"', 'passphrase = [redacted password]'],
    ['my password is CorrectHorse and it fails', 'my password is [redacted password] and it fails'],
    ['Server=db;User Id=sa;Password=Xy12zz;', 'Server=db;User Id=sa;Password=[redacted password];'],
  ])('%s', (input, expected) => {
    expect(r(input).text).toBe(expected);
    expect(kinds(input)).toEqual(['password']);
  });

  test.each([
    'I forgot my password',
    'password reset please',
    'Password reset please, I am locked out',
    'my password is expired',
    'My password is not working since Monday',
    'my password is wrong.',
    'Password: reset',
    'my password is 12 characters long',
    'password expires in 14 days',
    'I need a password manager',
    'the password policy requires 12 characters',
    'can you pass the message on',
    'pwned passwords check',
    'my password is somehow broken again',
    'Your password will expire tomorrow',
    'forgot password for INC0001001',
    'password INC0001001 still open',
    'Passwords must be changed every 90 days',
    'you shall not pass: the bridge is closed',
    'What is the password policy?',
    'Is my password expired?',
    'reset password for jdoe@example.com',
    'The password Summer is too short',
  ])('keeps ordinary text: %s', (input) => {
    expect(r(input)).toEqual({ text: input, redactions: [] });
  });
});

describe('API tokens', () => {
  const slackBot = 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
  test.each([
    [`token is ${slackBot} ok`, 'token is [redacted api_token] ok'],
    ['xoxp-1111111111-2222222222-abcdefabcdef', '[redacted api_token]'],
    ['app token xapp-1-A01234ABCDE-1234567890123-abcdef0123456789', 'app token [redacted api_token]'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789', '[redacted api_token]'],
    ['gho_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ab', '[redacted api_token]'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ', '[redacted api_token]'],
    ['key AKIAIOSFODNN7EXAMPLE here', 'key [redacted api_token] here'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key = [redacted api_token]'],
    ['OPENAI sk-proj-Abcdefghijklmnopqrstuvwxyz0123456789', 'OPENAI [redacted api_token]'],
    ['sk-abcdefghijklmnopqrstuvwxyz012345', '[redacted api_token]'],
    ['maps key AIzaSyA1234567890abcdefghijklmnopqrstuv', 'maps key [redacted api_token]'],
    ['stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'stripe [redacted api_token]'],
    ['Authorization: Bearer abc123def456ghi789jkl', 'Authorization: Bearer [redacted api_token]'],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: Basic [redacted api_token]'],
    ['api_key=abcd1234efgh', 'api_key=[redacted api_token]'],
    ['"apiKey": "Zm9vYmFyYmF6cXV4"', '"apiKey": "[redacted api_token]"'],
    ['token: 9f8e7d6c5b4a', 'token: [redacted api_token]'],
    ['client_secret=s3cr3tValue', 'client_secret=[redacted api_token]'],
    ['https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/[redacted api_token]'],
  ])('%s', (input, expected) => {
    expect(r(input).text).toBe(expected);
    expect(kinds(input)).toEqual(['api_token']);
  });

  test.each([
    'token: expired',
    'the bearer of bad news',
    'Bearer short',
    'max_tokens=4000',
    'the task-force report',
    'sk-short',
    'I asked for a token: please send one',
    'xoxb-short',
  ])('keeps ordinary text: %s', (input) => {
    expect(r(input)).toEqual({ text: input, redactions: [] });
  });
});

describe('JWTs', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
  test('a bare JWT', () => {
    expect(r(`here: ${jwt} thanks`)).toEqual({ text: 'here: [redacted jwt] thanks', redactions: [{ kind: 'jwt' }] });
  });
  test('a JWT after Bearer is hidden once', () => {
    expect(r(`Authorization: Bearer ${jwt}`)).toEqual({ text: 'Authorization: Bearer [redacted jwt]', redactions: [{ kind: 'jwt' }] });
  });
  test('a token inside quotes after password is hidden once', () => {
    expect(r(`password: "${jwt}"`)).toEqual({ text: 'password: "[redacted jwt]"', redactions: [{ kind: 'jwt' }] });
  });
});

describe('secrets in other words', () => {
  test.each([
    ['AWS key AKIAIOSFODNN7EXAMPLE secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS key [redacted api_token] secret [redacted api_token]'],
    ['Passwort ist Hunter2!', 'Passwort ist [redacted password]'],
    ['mon mot de passe est Soleil2024', 'mon mot de passe est [redacted password]'],
    ['mi contraseña es Gato1234', 'mi contraseña es [redacted password]'],
    ['mijn wachtwoord is Fiets2024', 'mijn wachtwoord is [redacted password]'],
  ])('%s', (input, expected) => {
    expect(r(input).text).toBe(expected);
  });
  test.each([
    'commit 3f786850e387550fdab836ed7e6dc881de23001b please',
    'see /usr/local/share/applications/some-long-path-here',
    'ich habe mein Passwort vergessen',
  ])('stays: %s', (input) => {
    expect(r(input).text).toBe(input);
  });
});

describe('card numbers', () => {
  test('a card\'s expiry and CVV go with it; an expiry date with no card beside it stays', () => {
    expect(r('card 4111 1111 1111 1111 exp 12/27 cvv 123').text).toBe('card [redacted card_number] exp [redacted card_number] cvv [redacted card_number]');
    expect(r('CVC: 4567').text).toBe('CVC: [redacted card_number]');
    expect(r('my licence expires 12/27').text).toBe('my licence expires 12/27');
  });

  test.each([
    ['4111-1111-1111-1111', '[redacted card_number]'],
    ['4111111111111111', '[redacted card_number]'],
    ['amex 3782 822463 10005', 'amex [redacted card_number]'],
    ['mc 5555555555554444.', 'mc [redacted card_number].'],
    ['4111 1111 1111 1111 2024', '[redacted card_number] 2024'],
  ])('%s', (input, expected) => {
    expect(r(input).text).toBe(expected);
    expect(kinds(input)).toEqual(['card_number']);
  });

  test.each([
    'card 4111 1111 1111 1112',
    '4111111111111112',
    'INC0001001',
    'REQ0001234 and INC0009999',
    'call 555-123-4567',
    'call +1 (555) 123-4567 ext 89',
    'order 0000000000000000',
    '41111111111111111111111',
    'serial SN4111111111111111',
    'ts 1700000000000 ms',
  ])('keeps: %s', (input) => {
    expect(r(input)).toEqual({ text: input, redactions: [] });
  });
});

describe('private keys', () => {
  const pem = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA7bq', 'AKIAIOSFODNN7EXAMPLE0', '-----END RSA PRIVATE KEY-----'].join('\n');
  test('a whole PEM block becomes one redaction', () => {
    expect(r(`my key:\n${pem}\nplease check`)).toEqual({ text: 'my key:\n[redacted private_key]\nplease check', redactions: [{ kind: 'private_key' }] });
  });
  test('OpenSSH and PKCS#8 keys', () => {
    const ssh = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    const p8 = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    expect(r(`${ssh} and ${p8}`).text).toBe('[redacted private_key] and [redacted private_key]');
  });
  test('a block cut off before its END line hides the rest', () => {
    expect(r('key\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBYr').text).toBe('key\n[redacted private_key]');
  });
  test('public keys and certificates stay', () => {
    const pub = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----';
    expect(r(pub)).toEqual({ text: pub, redactions: [] });
  });
});

describe('connection strings', () => {
  test.each([
    ['DATABASE_URL=postgres://app:s3cret@db.internal:5432/desk', 'DATABASE_URL=postgres://app:[redacted connection_string]@db.internal:5432/desk'],
    ['mongodb+srv://admin:p@ss:w0rd@cluster0.example.net/test', 'mongodb+srv://admin:[redacted connection_string]@cluster0.example.net/test'],
    ['redis://:hunter2@cache:6379', 'redis://:[redacted connection_string]@cache:6379'],
    ['see https://bob:pa55@intranet.example.com/wiki', 'see https://bob:[redacted connection_string]@intranet.example.com/wiki'],
  ])('%s', (input, expected) => {
    expect(r(input).text).toBe(expected);
    expect(kinds(input)).toEqual(['connection_string']);
  });
  test.each(['https://intranet.example.com:8443/wiki', 'postgres://db.internal:5432/desk', 'mailto:bob@example.com'])('keeps %s', (input) => {
    expect(r(input)).toEqual({ text: input, redactions: [] });
  });
});

test('several secrets in one message are all reported', () => {
  const out = r('pw: Hunter22, card 4111111111111111, token ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  expect(out.text).toBe('pw: [redacted password], card [redacted card_number], token [redacted api_token]');
  expect(out.redactions.map((x) => x.kind).sort()).toEqual(['api_token', 'card_number', 'password']);
});

test('ordinary service desk messages pass unchanged', () => {
  const text = [
    'Hi, my laptop will not boot since this morning. Ticket INC0001001 was closed but it is not fixed.',
    'Call me at 555-123-4567 or +44 20 7946 0958. I need access to the Finance share by Friday.',
    'Error 0x80070005 when installing; KB5034441 failed. Order #123456789 shipped.',
    'https://intranet.example.com/wiki/VPN?x=1 says to reset my password first.',
  ].join('\n');
  expect(r(text)).toEqual({ text, redactions: [] });
});

test('redacting twice changes nothing more', () => {
  const once = r('password: Hunter22 and sk-abcdefghijklmnopqrstuvwxyz012345 and postgres://u:pw12@h/db').text;
  expect(r(once)).toEqual({ text: once, redactions: [] });
});
