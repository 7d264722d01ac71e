//! The company profile, reused by every dossier: who the company is (legal name, SIREN and
//! SIRET, legal form, NAF code, size), where it is, who speaks for it, and whether it is in
//! insolvency proceedings — a case the Médiateur des entreprises cannot take.
//!
//! [`CompanyInput`] is the form as typed; [`CompanyInput::check`] turns it into a
//! [`CompanyProfile`] of checked, normalised values or names the first field that is wrong.
//! Only the legal name is needed to save: what each destination requires on top is checked
//! when a dossier is prepared.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Field};
use crate::identifiers::{Naf, Siren, Siret, siret_matches_siren};
use crate::journal::{contact, text};

/// The longest legal name, in characters.
pub const LEGAL_NAME_MAX: usize = 200;
/// The longest legal form, in characters.
pub const LEGAL_FORM_MAX: usize = 100;
/// The longest street line, in characters.
pub const STREET_MAX: usize = 200;
/// The longest city name, in characters.
pub const CITY_MAX: usize = 100;
/// The longest contact name, in characters.
pub const CONTACT_NAME_MAX: usize = 100;
/// The longest contact role, in characters.
pub const CONTACT_ROLE_MAX: usize = 100;
/// The largest headcount accepted.
pub const HEADCOUNT_MAX: u32 = 100_000;
/// The country of a company whose form leaves it empty.
pub const DEFAULT_COUNTRY: &str = "FR";

/// The size class of the European definition of SMEs (recommendation 2003/361/EC): micro
/// (under 10 people), small (under 50), medium (under 250), large. Turnover and balance sheet
/// count too, so the owner chooses it; it is not deduced from the headcount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum SizeClass {
    /// Under 10 people.
    Micro,
    /// Under 50 people.
    Small,
    /// Under 250 people.
    Medium,
    /// Larger than a medium enterprise.
    Large,
}

impl SizeClass {
    /// Every class, smallest first.
    pub const ALL: [SizeClass; 4] = [
        SizeClass::Micro,
        SizeClass::Small,
        SizeClass::Medium,
        SizeClass::Large,
    ];

    /// The name stored and used over IPC.
    pub fn code(self) -> &'static str {
        match self {
            SizeClass::Micro => "micro",
            SizeClass::Small => "small",
            SizeClass::Medium => "medium",
            SizeClass::Large => "large",
        }
    }

    /// Reads a code as [`SizeClass::code`] writes it; empty is `None`.
    pub fn parse(input: &str) -> Result<Option<SizeClass>, CoreError> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(None);
        }
        SizeClass::ALL
            .into_iter()
            .find(|c| c.code() == s)
            .map(Some)
            .ok_or(CoreError::Invalid(Field::CompanySizeClass))
    }
}

/// The company form as the owner filled it in: every value a string as typed (the headcount
/// too), so that a wrong value is refused by a coded error rather than by the transport.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(export)]
pub struct CompanyInput {
    /// Required.
    pub legal_name: String,
    /// 9 digits; may be left empty when the SIRET is given (it is its first 9 digits).
    pub siren: String,
    /// 14 digits, of the establishment dealing with the platforms.
    pub siret: String,
    /// `SAS`, `SARL`…; may be empty.
    pub legal_form: String,
    /// `47.91B`.
    pub naf: String,
    /// `micro`, `small`, `medium`, `large` or empty.
    pub size_class: String,
    /// A whole number of people, 0 to 100 000, or empty.
    pub headcount: String,
    /// The street address, one line.
    pub street: String,
    /// Five digits in France; checked against the country.
    pub postcode: String,
    /// The city.
    pub city: String,
    /// ISO 3166-1 alpha-2; empty means France.
    pub country: String,
    /// The person the recipient may contact.
    pub contact_name: String,
    /// That person's role in the company.
    pub contact_role: String,
    /// The contact's own address (the Médiateur asks for a personal one).
    pub contact_email: String,
    /// The contact's mobile number; French numbers may be typed the French way.
    pub contact_phone: String,
    /// In safeguard, receivership or liquidation proceedings.
    pub insolvency: bool,
}

/// The company profile, checked and normalised: SIREN and SIRET as digits, NAF as `NN.NNL`,
/// country in capitals, phone in international form. Empty text means not given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    /// The company's registered name; never empty.
    pub legal_name: String,
    /// Its SIREN, when given or taken from the SIRET.
    #[ts(as = "Option<String>")]
    pub siren: Option<Siren>,
    /// The SIRET of the establishment dealing with the platforms.
    #[ts(as = "Option<String>")]
    pub siret: Option<Siret>,
    /// `SAS`, `SARL`…; empty when not given.
    pub legal_form: String,
    /// Its NAF/APE activity code.
    #[ts(as = "Option<String>")]
    pub naf: Option<Naf>,
    /// The SME size class the owner chose.
    pub size_class: Option<SizeClass>,
    /// The number of people, 0 to [`HEADCOUNT_MAX`].
    pub headcount: Option<u32>,
    /// The street address.
    pub street: String,
    /// The postcode, checked against the country.
    pub postcode: String,
    /// The city.
    pub city: String,
    /// ISO 3166-1 alpha-2, in capitals (`FR` when the form left it empty).
    pub country: String,
    /// The contact person's name.
    pub contact_name: String,
    /// That person's role.
    pub contact_role: String,
    /// The contact's e-mail address.
    pub contact_email: String,
    /// The contact's phone number, in international form (`+33…`).
    pub contact_phone: String,
    /// In safeguard, receivership or liquidation proceedings.
    pub insolvency: bool,
}

/// The saved profile, as the commands answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Company {
    /// The checked profile.
    #[serde(flatten)]
    #[ts(flatten)]
    pub profile: CompanyProfile,
    /// When it was last changed (RFC 3339).
    pub updated_at: String,
}

impl CompanyInput {
    /// Checks and normalises every field, in the order of the form; the first one wrong is
    /// named. A SIREN left empty is taken from the SIRET; both given, they must agree.
    pub fn check(&self) -> Result<CompanyProfile, CoreError> {
        let legal_name =
            text::required_line(&self.legal_name, LEGAL_NAME_MAX, Field::CompanyLegalName)?;
        let siren = optional(&self.siren, Siren::parse)?;
        let siret = optional(&self.siret, Siret::parse)?;
        let siren = match (siren, &siret) {
            (Some(siren), Some(siret)) if !siret_matches_siren(siret, &siren) => {
                return Err(CoreError::Invalid(Field::SiretOfAnotherSiren));
            }
            (None, Some(siret)) => Some(siret.siren()),
            (siren, _) => siren,
        };
        let legal_form = text::line(&self.legal_form, LEGAL_FORM_MAX, Field::CompanyLegalForm)?;
        let naf = optional(&self.naf, Naf::parse)?;
        let size_class = SizeClass::parse(&self.size_class)?;
        let headcount = headcount(&self.headcount)?;
        let street = text::line(&self.street, STREET_MAX, Field::CompanyStreet)?;
        let country = match contact::country(&self.country)? {
            c if c.is_empty() => DEFAULT_COUNTRY.to_owned(),
            c => c,
        };
        let postcode = contact::postcode(&self.postcode, &country)?;
        let city = text::line(&self.city, CITY_MAX, Field::CompanyCity)?;
        let contact_name = text::line(
            &self.contact_name,
            CONTACT_NAME_MAX,
            Field::CompanyContactName,
        )?;
        let contact_role = text::line(
            &self.contact_role,
            CONTACT_ROLE_MAX,
            Field::CompanyContactRole,
        )?;
        let contact_email = contact::email(&self.contact_email)?;
        let contact_phone = contact::phone(&self.contact_phone)?;
        Ok(CompanyProfile {
            legal_name,
            siren,
            siret,
            legal_form,
            naf,
            size_class,
            headcount,
            street,
            postcode,
            city,
            country,
            contact_name,
            contact_role,
            contact_email,
            contact_phone,
            insolvency: self.insolvency,
        })
    }
}

impl CompanyProfile {
    /// Whether the Médiateur des entreprises can take the company's case: not while it is in
    /// insolvency proceedings (the court-appointed bodies handle it then).
    pub fn mediator_can_act(&self) -> bool {
        !self.insolvency
    }

    /// The form that gives this profile back (to edit it, and to test that checking what
    /// was checked changes nothing).
    pub fn to_input(&self) -> CompanyInput {
        fn shown<T: ToString>(v: &Option<T>) -> String {
            v.as_ref().map(T::to_string).unwrap_or_default()
        }
        CompanyInput {
            legal_name: self.legal_name.clone(),
            siren: shown(&self.siren),
            siret: shown(&self.siret),
            legal_form: self.legal_form.clone(),
            naf: shown(&self.naf),
            size_class: self
                .size_class
                .map(SizeClass::code)
                .unwrap_or_default()
                .to_owned(),
            headcount: shown(&self.headcount),
            street: self.street.clone(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            contact_name: self.contact_name.clone(),
            contact_role: self.contact_role.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
            insolvency: self.insolvency,
        }
    }

    /// The names of the fields that differ from `before` (every field given, for a new
    /// profile): what the history records, never the values.
    pub fn changed_fields(&self, before: Option<&CompanyProfile>) -> Vec<&'static str> {
        let empty;
        let before = match before {
            Some(b) => b,
            None => {
                empty = CompanyProfile::empty();
                &empty
            }
        };
        let (a, b) = (before, self);
        let mut out = Vec::new();
        let mut diff = |name, differs: bool| {
            if differs {
                out.push(name);
            }
        };
        diff("legal_name", a.legal_name != b.legal_name);
        diff("siren", a.siren != b.siren);
        diff("siret", a.siret != b.siret);
        diff("legal_form", a.legal_form != b.legal_form);
        diff("naf", a.naf != b.naf);
        diff("size_class", a.size_class != b.size_class);
        diff("headcount", a.headcount != b.headcount);
        diff("street", a.street != b.street);
        diff("postcode", a.postcode != b.postcode);
        diff("city", a.city != b.city);
        diff("country", a.country != b.country);
        diff("contact_name", a.contact_name != b.contact_name);
        diff("contact_role", a.contact_role != b.contact_role);
        diff("contact_email", a.contact_email != b.contact_email);
        diff("contact_phone", a.contact_phone != b.contact_phone);
        diff("insolvency", a.insolvency != b.insolvency);
        out
    }

    /// Nothing given: what a new profile is compared with.
    fn empty() -> CompanyProfile {
        CompanyProfile {
            legal_name: String::new(),
            siren: None,
            siret: None,
            legal_form: String::new(),
            naf: None,
            size_class: None,
            headcount: None,
            street: String::new(),
            postcode: String::new(),
            city: String::new(),
            country: String::new(),
            contact_name: String::new(),
            contact_role: String::new(),
            contact_email: String::new(),
            contact_phone: String::new(),
            insolvency: false,
        }
    }
}

/// An identifier that may be left empty.
fn optional<T>(
    input: &str,
    parse: impl FnOnce(&str) -> Result<T, CoreError>,
) -> Result<Option<T>, CoreError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse(input).map(Some)
    }
}

/// A headcount as typed: digits, possibly grouped by spaces (`1 200`), 0 to 100 000.
fn headcount(input: &str) -> Result<Option<u32>, CoreError> {
    let bad = || CoreError::Invalid(Field::CompanyHeadcount);
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.len() > 32 {
        return Err(bad());
    }
    let digits: String = s
        .chars()
        .filter(|c| !matches!(*c, ' ' | crate::format::NBSP | crate::format::NNBSP))
        .collect();
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    digits
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= HEADCOUNT_MAX)
        .map(Some)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests;
