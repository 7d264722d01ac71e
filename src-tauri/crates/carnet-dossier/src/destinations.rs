//! Each destination's dossier (`data/destinations.toml`, embedded at build time): who
//! receives it, what kind of document it is, its sections in their order, and the titles
//! that differ from the catalogue's usual ones. Kept as data so that a later release can
//! follow a recipient's changed expectations without touching code; validated as a whole
//! when read, and by a test before it ships.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use carnet_core::Locale;
use carnet_core::report::Destination;
use serde::Deserialize;

use crate::texts::T;

const BUILTIN: &str = include_str!("../data/destinations.toml");

/// The parts a dossier can be made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// The cover page: recipient, kind of document, company, number, date.
    Cover,
    /// The table of contents.
    Toc,
    /// The summary and key figures.
    Summary,
    /// The company's identity and contact.
    Company,
    /// The platforms concerned and the relationship with each.
    Platform,
    /// The facts, in chronological order.
    Chronology,
    /// Each incident's category, articles and deadline checks.
    Classification,
    /// The amounts at stake.
    Impact,
    /// The steps already taken.
    Steps,
    /// What is asked.
    Asks,
    /// The intellectual property rights and listings of a counterfeit notice.
    IpRights,
    /// What is asked of the recipient and in which frame: the Médiateur's sollicitation or
    /// saisine, the mediator addressed, the DSA provisions concerned.
    Request,
    /// The statement of reasons' missing elements, as grounds.
    Grounds,
    /// The inventory of the pieces, with their SHA-256 and proofs.
    Inventory,
    /// The owner's declarations and signature.
    Declarations,
    /// The pieces themselves, embedded.
    Annexes,
}

impl Section {
    /// The usual title.
    pub fn title(self) -> T {
        match self {
            Section::Cover => T::SecCover,
            Section::Toc => T::SecToc,
            Section::Summary => T::SecSummary,
            Section::Company => T::SecCompany,
            Section::Platform => T::SecPlatform,
            Section::Chronology => T::SecChronology,
            Section::Classification => T::SecClassification,
            Section::Impact => T::SecImpact,
            Section::Steps => T::SecSteps,
            Section::Asks => T::SecAsks,
            Section::IpRights => T::SecIpRights,
            Section::Request => T::SecRequest,
            Section::Grounds => T::SecGrounds,
            Section::Inventory => T::SecInventory,
            Section::Declarations => T::SecDeclarations,
            Section::Annexes => T::SecAnnexes,
        }
    }
}

/// A text of the data file, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The French text.
    pub fr: String,
    /// The English text.
    pub en: String,
}

impl Text {
    /// The text in `locale`.
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

/// One destination's dossier: its recipient, its sections, its form.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The destination's code ([`Destination::code`]).
    pub code: String,
    /// Who receives it, as the cover names them.
    pub recipient: Text,
    /// What the document is (the cover's first line).
    pub kind: Text,
    /// The Médiateur's kinds, by request (`sollicitation`, `saisine`), when chosen.
    #[serde(default)]
    pub kinds: BTreeMap<String, Text>,
    /// The sections, in their order.
    pub sections: Vec<Section>,
    /// The titles that differ from the sections' usual ones.
    #[serde(default)]
    pub titles: BTreeMap<Section, Text>,
    /// The online form, when the domain notes give its address; empty otherwise.
    #[serde(default)]
    pub url: String,
    /// The upload form's limits, when it has known ones.
    #[serde(default)]
    pub limits: Option<Limits>,
    /// The fields of its form or letter, in order.
    #[serde(default)]
    pub fields: Vec<FieldSpec>,
}

/// An upload form's limits, as the data file gives them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// In megabytes of 1,000,000 bytes (the smaller reading of "200 Mo").
    pub max_file_mb: u64,
    /// The most files one upload field takes.
    pub max_files_per_field: u32,
    /// Extensions, lower case, without the dot.
    pub accepted: Vec<String>,
}

impl Limits {
    /// The largest file accepted, in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_mb.saturating_mul(1_000_000)
    }

    /// Whether a file of this extension (without the dot) is accepted, whatever its case.
    pub fn accepts(&self, extension: &str) -> bool {
        self.accepted
            .iter()
            .any(|a| a.eq_ignore_ascii_case(extension))
    }
}

/// What a form field holds: each kind has its text computed from the report
/// (`crate::submission`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// The SIRET of the company's establishment.
    Siret,
    /// The company: name, legal form, SIRET, NAF, address.
    Company,
    /// The contact person: name, role, e-mail, phone.
    Contact,
    /// Who notifies (counterfeit notices): the company and its contact.
    Notifier,
    /// The platforms: legal entity, address, seller accounts, since when, share of turnover.
    Platform,
    /// The seller accounts, by platform.
    Account,
    /// The categories of the incidents, with their labels.
    Category,
    /// The dossier's title.
    Subject,
    /// The summary, or the incidents' descriptions when there is none.
    Description,
    /// The incidents' descriptions and their events, dated, with the pieces they cite.
    Facts,
    /// Each incident's dates.
    Dates,
    /// Each incident's measure, decision date and reference, and whether reasons were given.
    Decision,
    /// What is contested: each incident's title, reasons given, description.
    Contested,
    /// The amounts at stake, added up.
    Amounts,
    /// The steps already taken.
    Steps,
    /// What is asked.
    Asks,
    /// The intellectual property rights infringed.
    IpRights,
    /// The listings concerned (URLs or ASINs), one per line.
    Listings,
    /// The Médiateur: sollicitation or saisine.
    RequestKind,
    /// The Médiateur saisine's framework.
    Framework,
    /// The company's headcount.
    Headcount,
    /// How the dispute was handled so far, in the owner's words, and the steps.
    HandledSoFar,
    /// Arcom: the DSA provisions concerned.
    Provisions,
    /// The mediator addressed.
    Mediator,
    /// The platform's share of the mediation's costs (P2B 12(4)).
    CostShare,
    /// The statement of reasons' missing elements.
    Grounds,
    /// Whether the company's identity may be passed on to the platform.
    Identity,
    /// The Médiateur's confidentiality undertaking.
    Confidentiality,
    /// The DSA 16 good-faith statement.
    GoodFaith,
    /// The files to upload: the PDF, the ZIPs, HEIC copies, the pieces' names.
    Pieces,
}

impl FieldKind {
    /// The key the UI and the tests know it by.
    pub fn key(self) -> &'static str {
        match self {
            FieldKind::Siret => "siret",
            FieldKind::Company => "company",
            FieldKind::Contact => "contact",
            FieldKind::Notifier => "notifier",
            FieldKind::Platform => "platform",
            FieldKind::Account => "account",
            FieldKind::Category => "category",
            FieldKind::Subject => "subject",
            FieldKind::Description => "description",
            FieldKind::Facts => "facts",
            FieldKind::Dates => "dates",
            FieldKind::Decision => "decision",
            FieldKind::Contested => "contested",
            FieldKind::Amounts => "amounts",
            FieldKind::Steps => "steps",
            FieldKind::Asks => "asks",
            FieldKind::IpRights => "ip_rights",
            FieldKind::Listings => "listings",
            FieldKind::RequestKind => "request_kind",
            FieldKind::Framework => "framework",
            FieldKind::Headcount => "headcount",
            FieldKind::HandledSoFar => "handled_so_far",
            FieldKind::Provisions => "provisions",
            FieldKind::Mediator => "mediator",
            FieldKind::CostShare => "cost_share",
            FieldKind::Grounds => "grounds",
            FieldKind::Identity => "identity",
            FieldKind::Confidentiality => "confidentiality",
            FieldKind::GoodFaith => "good_faith",
            FieldKind::Pieces => "pieces",
        }
    }
}

/// One field of a destination's form or letter.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// What the field holds.
    pub key: FieldKind,
    /// Its name on the form, in both languages.
    pub label: Text,
    /// The most characters it takes, when known.
    #[serde(default)]
    pub max_chars: Option<u32>,
}

impl Plan {
    /// What the document is for this report: the request's own kind when it has one.
    pub fn kind_of(&self, report: &carnet_core::report::Report) -> &Text {
        use carnet_core::report::MediateurRequest;
        let key = match report.mediateur_request {
            Some(MediateurRequest::Sollicitation) => "sollicitation",
            Some(MediateurRequest::Saisine) => "saisine",
            None => "",
        };
        self.kinds.get(key).unwrap_or(&self.kind)
    }

    /// A section's title for this destination.
    pub fn title(&self, section: Section, locale: Locale) -> String {
        match self.titles.get(&section) {
            Some(t) => t.get(locale).to_owned(),
            None => section.title().get(locale).to_owned(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    destination: Vec<Plan>,
}

/// Reads and validates a destinations file: every destination once, known sections each at
/// most once, the cover first, every text in both languages.
pub fn parse(toml_text: &str) -> Result<BTreeMap<Destination, Plan>, String> {
    let file: File = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    let mut out = BTreeMap::new();
    for plan in file.destination {
        let code = plan.code.clone();
        let d = Destination::parse(&code).ok_or(format!("unknown destination {code:?}"))?;
        let texts = [&plan.recipient, &plan.kind]
            .into_iter()
            .chain(plan.kinds.values())
            .chain(plan.titles.values())
            .chain(plan.fields.iter().map(|f| &f.label));
        for t in texts {
            if t.fr.trim().is_empty() || t.en.trim().is_empty() {
                return Err(format!("{code}: a text is missing a language"));
            }
        }
        if plan.sections.first() != Some(&Section::Cover) {
            return Err(format!("{code}: the cover comes first"));
        }
        let mut seen = plan.sections.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != plan.sections.len() {
            return Err(format!("{code}: a section is listed twice"));
        }
        if let Some(s) = plan.titles.keys().find(|s| !plan.sections.contains(s)) {
            return Err(format!("{code}: a title for {s:?}, which it does not have"));
        }
        if !plan.url.is_empty() && !plan.url.starts_with("https://") {
            return Err(format!("{code}: the form's address is not https"));
        }
        if let Some(l) = &plan.limits
            && (l.max_file_mb == 0 || l.max_files_per_field == 0 || l.accepted.is_empty())
        {
            return Err(format!("{code}: limits of zero"));
        }
        let mut keys: Vec<FieldKind> = plan.fields.iter().map(|f| f.key).collect();
        keys.sort();
        keys.dedup();
        if keys.len() != plan.fields.len() {
            return Err(format!("{code}: a field is listed twice"));
        }
        if plan.fields.iter().any(|f| f.max_chars == Some(0)) {
            return Err(format!("{code}: a field of zero characters"));
        }
        if out.insert(d, plan).is_some() {
            return Err(format!("{code}: defined twice"));
        }
    }
    if let Some(d) = Destination::ALL.iter().find(|d| !out.contains_key(d)) {
        return Err(format!("{}: missing", d.code()));
    }
    Ok(out)
}

/// The plan of a destination's dossier.
pub fn plan(destination: Destination) -> &'static Plan {
    static PLANS: OnceLock<BTreeMap<Destination, Plan>> = OnceLock::new();
    let plans = PLANS.get_or_init(|| parse(BUILTIN).expect("data/destinations.toml is valid"));
    &plans[&destination]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_file_is_valid_and_complete() {
        let plans = parse(BUILTIN).unwrap();
        for d in Destination::ALL {
            let p = &plans[&d];
            for must in [
                Section::Cover,
                Section::Summary,
                Section::Chronology,
                Section::Inventory,
            ] {
                assert!(p.sections.contains(&must), "{d:?} {must:?}");
            }
        }
        assert!(
            plan(Destination::CounterfeitNotice)
                .sections
                .contains(&Section::IpRights)
        );
        assert_eq!(
            plan(Destination::Mediateur).title(Section::Steps, Locale::Fr),
            "Traitement du différend à ce jour"
        );
        assert_eq!(
            plan(Destination::DgeForm).title(Section::Company, Locale::En),
            "The company"
        );
    }

    #[test]
    fn a_faulty_file_is_refused_with_the_reason() {
        let one = |body: &str| {
            let mut s = String::from(BUILTIN);
            s.push_str(body);
            parse(&s).unwrap_err()
        };
        assert!(one("\n[[destination]]\ncode = \"dge_form\"\nrecipient = { fr = \"a\", en = \"b\" }\nkind = { fr = \"a\", en = \"b\" }\nsections = [\"cover\"]\n").contains("twice"));
        let missing_en = BUILTIN.replacen(
            "en = \"Report of a difficulty with an online platform\"",
            "en = \" \"",
            1,
        );
        assert!(parse(&missing_en).unwrap_err().contains("language"));
        let no_mediateur = BUILTIN.replace("code = \"mediateur\"", "code = \"nobody\"");
        assert!(parse(&no_mediateur).unwrap_err().contains("nobody"));
        let unknown = BUILTIN.replacen("\"toc\"", "\"preface\"", 1);
        assert!(parse(&unknown).is_err());
        let cover_late = BUILTIN.replacen("[\"cover\", \"toc\"", "[\"toc\", \"cover\"", 1);
        assert!(parse(&cover_late).unwrap_err().contains("cover"));
        let http = BUILTIN.replacen("url = \"https://", "url = \"http://", 1);
        assert!(parse(&http).unwrap_err().contains("https"));
        let zero = BUILTIN.replacen("max_files_per_field = 10", "max_files_per_field = 0", 1);
        assert!(parse(&zero).unwrap_err().contains("zero"));
        let twice = BUILTIN.replacen("key = \"contact\"", "key = \"siret\"", 1);
        assert!(parse(&twice).unwrap_err().contains("twice"));
        let unknown_field = BUILTIN.replacen("key = \"contact\"", "key = \"horoscope\"", 1);
        assert!(parse(&unknown_field).is_err());
    }

    #[test]
    fn the_dge_form_has_its_limits_address_and_fields() {
        let dge = plan(Destination::DgeForm);
        let limits = dge.limits.as_ref().unwrap();
        assert_eq!(limits.max_file_bytes(), 200_000_000);
        assert_eq!(limits.max_files_per_field, 10);
        for ext in ["pdf", "jpg", "png", "docx", "eml", "zip"] {
            assert!(limits.accepts(ext), "{ext}");
        }
        assert!(!limits.accepts("exe"));
        // démarches refuses HEIC (domain notes §4): a JPEG copy goes up instead.
        assert!(!limits.accepts("heic") && !limits.accepts("heif"));
        for d in Destination::ALL {
            if let Some(l) = &plan(d).limits {
                assert_eq!(l.accepts("heic"), !d.refuses_heic(), "{d:?}");
            }
        }
        assert!(dge.url.starts_with("https://"));
        assert_eq!(dge.fields[0].key, FieldKind::Siret);
        assert!(dge.fields.iter().all(|f| f.max_chars.is_some()));
        for d in Destination::ALL {
            assert!(plan(d).fields.len() >= 5, "{d:?}");
            if d != Destination::DgeForm {
                assert!(plan(d).url.is_empty() && plan(d).limits.is_none(), "{d:?}");
            }
        }
    }
}
