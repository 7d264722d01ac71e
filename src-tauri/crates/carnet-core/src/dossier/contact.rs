//! What the Médiateur asks of a contact: a person's own e-mail, not a shared mailbox, and a
//! mobile number.

/// The local parts of shared mailboxes the Médiateur refuses for a saisine: it asks for the
/// contact's own address (domain notes §4).
pub(super) const GENERIC_MAILBOXES: &[&str] = &[
    "accueil",
    "admin",
    "administration",
    "bonjour",
    "boutique",
    "commercial",
    "compta",
    "comptabilite",
    "contact",
    "contacts",
    "direction",
    "email",
    "facturation",
    "hello",
    "info",
    "infos",
    "information",
    "informations",
    "mail",
    "noreply",
    "no-reply",
    "office",
    "postmaster",
    "sales",
    "sav",
    "secretariat",
    "service",
    "service-client",
    "serviceclient",
    "shop",
    "support",
    "team",
    "vente",
    "ventes",
    "webmaster",
];

/// Whether `email` is a shared mailbox (`contact@`, `info@`, `Contact+shop@`…) rather than
/// a person's address. Case and a `+tag` are ignored.
pub fn generic_email(email: &str) -> bool {
    let Some((local, _)) = email.trim().rsplit_once('@') else {
        return false;
    };
    let local = local.to_lowercase();
    let local = local.split('+').next().unwrap_or("");
    GENERIC_MAILBOXES.contains(&local)
}

/// Whether `phone` looks like a mobile number: a French one (06, 07, +33 6, +33 7, 0033 6…)
/// or any foreign number in international form (its plan is not checked).
pub fn mobile_phone(phone: &str) -> bool {
    let t = phone.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let intl = t.starts_with('+') || digits.starts_with("00");
    let national = if let Some(rest) = digits.strip_prefix("0033") {
        format!("0{rest}")
    } else if t.starts_with('+') && digits.starts_with("33") {
        format!("0{}", &digits[2..])
    } else if intl {
        // A foreign number: accepted as it is.
        return digits.len() >= 8;
    } else {
        digits
    };
    national.len() == 10 && (national.starts_with("06") || national.starts_with("07"))
}
