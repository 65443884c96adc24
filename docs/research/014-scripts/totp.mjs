// Proves: otpauth TOTP secret, otpauth:// URI, QR code (SVG for the page, no canvas), code verification with a
// ±1 step window and replay protection by remembering the last accepted time step; recovery codes hashed.
// Run: node totp.mjs
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

let ok = 0, failed = 0;
const check = (name, cond) => { if (cond) ok++; else failed++; console.log(cond ? 'ok  ' : 'FAIL', name); };

// enrolment: a 20-byte (160-bit) secret, stored encrypted server-side until confirmed
const secret = new OTPAuth.Secret({ size: 20 });
const totp = new OTPAuth.TOTP({ issuer: 'Extent', label: 'teacher@school.example', algorithm: 'SHA1', digits: 6, period: 30, secret });
const uri = totp.toString(); // otpauth://totp/Extent:teacher%40school.example?issuer=Extent&secret=...&algorithm=SHA1&digits=6&period=30
console.log(uri);
check('base32 secret round-trips', OTPAuth.Secret.fromBase32(secret.base32).base32 === secret.base32);

const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
check('QR SVG rendered', svg.startsWith('<svg') && svg.length > 1000);
const dataUrl = await QRCode.toDataURL(uri); // PNG data URL also works (pngjs, pure JS)
check('QR PNG data URL', dataUrl.startsWith('data:image/png;base64,'));

// verification: the authenticator app's code, now
const code = totp.generate();
// re-create from the stored base32, as the server would
const server = new OTPAuth.TOTP({ issuer: 'Extent', label: 'x', secret: OTPAuth.Secret.fromBase32(secret.base32) });
const delta = server.validate({ token: code, window: 1 });
check('current code accepted (delta 0)', delta === 0);
const prev = server.generate({ timestamp: Date.now() - 30_000 });
check('previous step accepted within window 1', server.validate({ token: prev, window: 1 }) === -1);
const old = server.generate({ timestamp: Date.now() - 120_000 });
check('4 steps old refused', server.validate({ token: old, window: 1 }) === null);
check('wrong code refused', server.validate({ token: code === '000000' ? '111111' : '000000', window: 1 }) === null);
check('non-numeric refused', server.validate({ token: 'abcdef', window: 1 }) === null);

// replay protection: store the last accepted counter (time step) per user; refuse counter <= last
const stepOf = (d) => server.counter() + d;
let lastAcceptedStep = stepOf(delta);
const replayDelta = server.validate({ token: code, window: 1 });
check('same code again is refused by last-step rule', replayDelta !== null && stepOf(replayDelta) <= lastAcceptedStep);

// recovery codes: 10 x 10 chars from a 32-letter alphabet, only SHA-256 hashes stored (high entropy -> no slow hash needed)
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'; // no i l o 0 1
const recovery = Array.from({ length: 10 }, () => Array.from(randomBytes(10), (b) => alphabet[b % alphabet.length]).join(''));
const hashes = new Set(recovery.map((c) => createHash('sha256').update(c).digest('hex')));
function redeemRecoveryCode(input) {
  const h = createHash('sha256').update(input.trim().toLowerCase().replace(/[\s-]/g, '')).digest('hex');
  for (const stored of hashes) if (timingSafeEqual(Buffer.from(stored), Buffer.from(h))) { hashes.delete(stored); return true; }
  return false; // in the DB: DELETE ... WHERE user_id = $1 AND hash = $2 RETURNING 1  (single use under concurrency)
}
check('recovery code accepted once', redeemRecoveryCode(recovery[3]));
check('recovery code refused the second time', !redeemRecoveryCode(recovery[3]));
console.log(`${ok} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
