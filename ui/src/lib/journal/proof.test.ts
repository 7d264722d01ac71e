import { describe, expect, it } from 'vitest';
import type { EmailCheck } from '../bindings/EmailCheck';
import type { PieceProof } from '../bindings/PieceProof';
import { translate } from '../i18n/index.svelte';
import type { Translate } from './checks';
import { emailText, stampText } from './proof';

const trFr: Translate = (key, params) => translate('fr', key, params);
const trEn: Translate = (key, params) => translate('en', key, params);
const NNBSP = '\u202f';

const stamped: PieceProof = {
  timestamp: { tsaName: 'DigiCert', genTime: '2026-12-03T14:02:11Z' },
  stampWaiting: false,
  email: null,
};

const check = (over: Partial<EmailCheck>): EmailCheck => ({
  verdict: 'valid',
  domain: 'amazon.fr',
  selector: 's1',
  aligned: true,
  fromDomain: 'amazon.fr',
  arc: null,
  checkedAt: '2026-12-03T23:30:00Z',
  stamped: true,
  ...over,
});

describe('proof sentences', () => {
  it('say when and by whom a piece was timestamped, as the PDF does (UTC)', () => {
    expect(stampText(stamped, true, 'fr', trFr)).toBe(
      'Horodaté le 3 décembre 2026 à 14:02:11 UTC par DigiCert (RFC 3161)',
    );
    expect(stampText(stamped, true, 'en', trEn)).toBe(
      'Timestamped on 3 December 2026 at 14:02:11 UTC by DigiCert (RFC 3161)',
    );
  });

  it('say why a piece is not timestamped', () => {
    const none: PieceProof = { timestamp: null, stampWaiting: true, email: null };
    expect(stampText(none, true, 'fr', trFr)).toContain(`Pas encore horodaté${NNBSP}:`);
    expect(stampText(none, false, 'fr', trFr)).toContain('désactivé');
    expect(stampText(none, false, 'en', trEn)).toContain('turned off');
  });

  it('show every DKIM verdict plainly, on the UTC day of the check', () => {
    expect(emailText(check({}), 'fr', trFr)).toBe(
      `E-mail authentique${NNBSP}: signature DKIM valide de amazon.fr, vérifiée le 3 décembre 2026`,
    );
    const foreign = emailText(check({ aligned: false, domain: 'mailer.example' }), 'fr', trFr);
    expect(foreign).toContain('signé par mailer.example et non par le domaine de l’expéditeur (amazon.fr)');
    const gone = emailText(check({ verdict: 'key_no_longer_published' }), 'en', trEn);
    expect(gone).toContain('not shown as forged');
    expect(gone).not.toContain('Authentic');
    expect(emailText(check({ verdict: 'signature_broken' }), 'fr', trFr)).toContain('rompue');
    expect(emailText(check({ verdict: 'no_signature' }), 'en', trEn)).toContain('no DKIM signature');
    expect(emailText(check({ arc: 'valid' }), 'en', trEn)).toContain('valid ARC chain');
  });
});
