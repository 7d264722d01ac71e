//! What proves a piece beyond its own fingerprint, as the UI and the dossier show it: the
//! RFC 3161 timestamp of its SHA-256 (which authority, what time it states) and, for an
//! imported e-mail, the verdict of its DKIM signatures. The tokens and the checks themselves
//! are made by `carnet-proof` and kept in the vault by the store; this is their summary.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::format::long_date;
use crate::locale::Locale;

/// A piece's proofs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PieceProof {
    /// The verified timestamp of the piece's fingerprint, once one is stored.
    pub timestamp: Option<Stamp>,
    /// A timestamp request waits for the network (or for the owner to turn proofs on).
    pub stamp_waiting: bool,
    /// The DKIM check of an imported e-mail (`.eml` pieces only).
    pub email: Option<EmailCheck>,
}

/// A verified RFC 3161 timestamp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Stamp {
    /// The authority's name, from its certificate.
    pub tsa_name: String,
    /// The time the token states (UTC, RFC 3339).
    #[ts(type = "string")]
    pub gen_time: DateTime<Utc>,
}

/// The verdict on an e-mail's DKIM signatures (the best of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DkimVerdict {
    /// A signature verifies with the key its domain publishes.
    Valid,
    /// A signature does not verify: the message changed after it was signed.
    SignatureBroken,
    /// The domain no longer publishes the key: nothing could be checked, nothing is forged.
    KeyNoLongerPublished,
    /// The message carries no DKIM signature.
    NoSignature,
    /// Not checked yet (proofs off, or offline).
    NotChecked,
}

/// The DKIM check of an imported e-mail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct EmailCheck {
    /// The overall verdict.
    pub verdict: DkimVerdict,
    /// The signing domain (`d=`) of the signature the verdict comes from; empty without one.
    pub domain: String,
    /// Its selector (`s=`).
    pub selector: String,
    /// Whether `d=` is the `From:` domain (or one of its parents or children).
    pub aligned: bool,
    /// The domain of `From:`.
    pub from_domain: Option<String>,
    /// The verdict of the ARC chain, when the message was forwarded with one.
    pub arc: Option<DkimVerdict>,
    /// When the keys were fetched and the check made (UTC, RFC 3339).
    #[ts(type = "string")]
    pub checked_at: DateTime<Utc>,
    /// The check's result is itself timestamped (the key's publication survives its rotation).
    pub stamped: bool,
}

/// `3 décembre 2026 à 14:02:11 UTC` / `3 December 2026 at 14:02:11 UTC`.
pub fn utc_time(at: DateTime<Utc>, locale: Locale) -> String {
    let date = long_date(at.date_naive(), locale);
    let time = at.format("%H:%M:%S");
    match locale {
        Locale::Fr => format!("{date} à {time} UTC"),
        Locale::En => format!("{date} at {time} UTC"),
    }
}

impl Stamp {
    /// `Horodaté le 3 décembre 2026 à 14:02:11 UTC par <TSA> (RFC 3161)`.
    pub fn sentence(&self, locale: Locale) -> String {
        let at = utc_time(self.gen_time, locale);
        match locale {
            Locale::Fr => format!("Horodaté le {at} par {} (RFC 3161)", self.tsa_name),
            Locale::En => format!("Timestamped on {at} by {} (RFC 3161)", self.tsa_name),
        }
    }
}

impl DkimVerdict {
    /// The verdict in words.
    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (DkimVerdict::Valid, Locale::Fr) => "signature DKIM valide",
            (DkimVerdict::Valid, Locale::En) => "valid DKIM signature",
            (DkimVerdict::SignatureBroken, Locale::Fr) => {
                "signature DKIM rompue (le message a été modifié après sa signature)"
            }
            (DkimVerdict::SignatureBroken, Locale::En) => {
                "DKIM signature broken (the message was changed after it was signed)"
            }
            (DkimVerdict::KeyNoLongerPublished, Locale::Fr) => {
                "clé plus publiée (la signature n'a pas pu être vérifiée, l'e-mail n'est pas présenté comme falsifié)"
            }
            (DkimVerdict::KeyNoLongerPublished, Locale::En) => {
                "key no longer published (the signature could not be checked, the e-mail is not shown as forged)"
            }
            (DkimVerdict::NoSignature, Locale::Fr) => "aucune signature DKIM",
            (DkimVerdict::NoSignature, Locale::En) => "no DKIM signature",
            (DkimVerdict::NotChecked, Locale::Fr) => "signature pas encore vérifiée",
            (DkimVerdict::NotChecked, Locale::En) => "signature not checked yet",
        }
    }
}

impl EmailCheck {
    /// `E-mail authentique : signature DKIM valide de amazon.fr, vérifiée le …`, or the
    /// plain statement of what is not proven.
    pub fn sentence(&self, locale: Locale) -> String {
        let at = long_date(self.checked_at.date_naive(), locale);
        let label = self.verdict.label(locale);
        let mut s = match (self.verdict, locale) {
            (DkimVerdict::Valid, Locale::Fr) => {
                format!(
                    "E-mail authentique\u{a0}: {label} de {}, vérifiée le {at}",
                    self.domain
                )
            }
            (DkimVerdict::Valid, Locale::En) => {
                format!(
                    "Authentic e-mail: {label} from {}, checked on {at}",
                    self.domain
                )
            }
            (DkimVerdict::NotChecked, Locale::Fr) => format!("E-mail\u{a0}: {label}"),
            (DkimVerdict::NotChecked, Locale::En) => format!("E-mail: {label}"),
            (_, Locale::Fr) => format!("E-mail\u{a0}: {label}, constaté le {at}"),
            (_, Locale::En) => format!("E-mail: {label}, found on {at}"),
        };
        if self.verdict == DkimVerdict::Valid && !self.aligned {
            let from = self.from_domain.as_deref().unwrap_or("?");
            s.push_str(&match locale {
                Locale::Fr => format!(
                    " — attention\u{a0}: signé par {} et non par le domaine de l'expéditeur ({from})",
                    self.domain
                ),
                Locale::En => format!(
                    " — note: signed by {} and not by the sender's domain ({from})",
                    self.domain
                ),
            });
        }
        if let Some(arc) = self.arc {
            s.push_str(&match locale {
                Locale::Fr => format!(
                    " ; chaîne ARC (message transféré)\u{a0}: {}",
                    arc.label(locale)
                ),
                Locale::En => format!("; ARC chain (forwarded message): {}", arc.label(locale)),
            });
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn check(verdict: DkimVerdict, aligned: bool) -> EmailCheck {
        EmailCheck {
            verdict,
            domain: "amazon.fr".into(),
            selector: "s1".into(),
            aligned,
            from_domain: Some("amazon.fr".into()),
            arc: None,
            checked_at: Utc.with_ymd_and_hms(2026, 12, 3, 14, 2, 11).unwrap(),
            stamped: false,
        }
    }

    #[test]
    fn a_stamp_reads_as_the_issue_writes_it() {
        let s = Stamp {
            tsa_name: "DigiCert".into(),
            gen_time: Utc.with_ymd_and_hms(2026, 12, 3, 14, 2, 11).unwrap(),
        };
        assert_eq!(
            s.sentence(Locale::Fr),
            "Horodaté le 3 décembre 2026 à 14:02:11 UTC par DigiCert (RFC 3161)"
        );
        assert_eq!(
            s.sentence(Locale::En),
            "Timestamped on 3 December 2026 at 14:02:11 UTC by DigiCert (RFC 3161)"
        );
    }

    #[test]
    fn an_email_verdict_says_what_it_proves_and_what_not() {
        assert_eq!(
            check(DkimVerdict::Valid, true).sentence(Locale::Fr),
            "E-mail authentique\u{a0}: signature DKIM valide de amazon.fr, vérifiée le 3 décembre 2026"
        );
        let foreign = check(DkimVerdict::Valid, false).sentence(Locale::Fr);
        assert!(
            foreign.contains("non par le domaine de l'expéditeur"),
            "{foreign}"
        );
        let gone = check(DkimVerdict::KeyNoLongerPublished, false).sentence(Locale::Fr);
        assert!(gone.contains("n'est pas présenté comme falsifié"), "{gone}");
        assert!(!gone.contains("authentique"));
        let broken = check(DkimVerdict::SignatureBroken, true).sentence(Locale::En);
        assert!(
            broken.starts_with("E-mail: DKIM signature broken"),
            "{broken}"
        );
    }
}
