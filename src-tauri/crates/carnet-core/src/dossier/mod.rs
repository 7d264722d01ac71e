//! The dossier the owner prepares before exporting it: the draft as typed
//! ([`DossierInput`]) and checked ([`DossierDraft`]), what each destination still needs
//! ([`missing`]), the submission the owner records afterwards ([`SubmissionInput`]), and
//! what the commands answer about a dossier ([`DossierView`], [`DossierItem`]).
//!
//! A draft may be saved incomplete: its inputs are checked for shape and length only (a
//! summary of at most 400 characters, listings that are http(s) URLs or ASINs…). What a
//! destination requires before the dossier goes out is said by [`missing`], each element
//! with a code the UI switches on and the place where the owner fixes it (the company
//! profile, one platform, one incident or the draft). Blocking elements stop the export;
//! the others are advised.
//!
//! # Required elements per destination (domain notes §4, §6)
//!
//! Every destination (blocking): at least one incident, each still in the journal; a
//! title; the company profile with its legal name; the accuracy declaration; the
//! signatory's name.
//!
//! | Destination | Blocking | Advised |
//! |---|---|---|
//! | DGE form | company SIRET (the form's first step); contact e-mail; the summary (its "description of the difficulty", ≤ 400 characters); the explicit identity choice | NAF code, size class |
//! | Médiateur (sollicitation or saisine, to choose) | company SIRET, full address, contact name, personal e-mail and mobile; not in insolvency proceedings; each platform's legal entity, its postal address and, unless its country is set and not France, its SIRET (a foreign entity: its country); the confidentiality undertaking; what is asked | the summary; the steps already taken (an internal complaint sent); the identity choice |
//! | Platform complaint | the contested decision's reference and date (decision date, else effective or notice date) on each incident; a seller account id on each platform; what is asked | the summary |
//! | Out-of-court body | the decision's date on each incident; what is asked (no prior internal complaint: DSA 21(1) lets the owner go to a certified body directly; a complaint and its outcome are printed when there is one) | the decision's reference; the summary; the identity choice |
//! | Médiateur saisine (besides the above) | the framework (*cadre de saisine*); the company's headcount; a contact e-mail that is not a shared mailbox (`contact@`, `info@`…); how the dispute was handled so far | a mobile number |
//! | Arcom (DSA 53) | the DSA provisions concerned; each incident with a dated fact | the steps already taken; the identity choice |
//! | P2B 12 mediator | the mediator addressed; each platform's legal entity | the mediator among those the terms name; the platform's address; the steps already taken; the identity choice |
//! | Counterfeit notice | the exact listings (URLs or ASINs); at least one IP right, each with its title and registration number; the notifier's name (contact name) and e-mail; the good-faith statement | the summary |

mod contact;
mod draft;
mod missing;
pub mod submission;
mod view;

pub use contact::{generic_email, mobile_phone};
pub use draft::*;
pub use missing::{FixAt, Missing, MissingCode, Parties, complete, missing};
pub use submission::{Submission, SubmissionInput};
pub use view::*;

#[cfg(test)]
mod tests;
