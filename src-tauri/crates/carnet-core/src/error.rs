//! The one error type of the domain crate: what was wrong with an input, named by a closed
//! list of fields so the shell can say it in the user's language without echoing the input.

use serde::Serialize;
use ts_rs::TS;

/// The inputs the domain validates. Closed list: the UI and the message catalogue switch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Field {
    /// A language other than fr or en.
    Locale,
    /// A passphrase under 10 or over 1,024 characters.
    Passphrase,
    /// A confirmation that differs from the new passphrase.
    PassphraseConfirmation,
    /// An auto-lock delay outside 1 to 240 minutes.
    AutoLockMinutes,
    /// A TSA address not `http(s)://` and a host, with a space, or over 300 characters.
    TsaUrl,
    /// A text to copy over 100,000 characters.
    ClipboardText,
    /// A backup that does not exist.
    BackupId,
    /// A SIREN: not 9 digits, or a wrong check digit.
    Siren,
    /// A SIRET: not 14 digits, or a wrong check digit (of the whole number or of its SIREN).
    Siret,
    /// A NAF/APE activity code not shaped like `47.91B`.
    Naf,
    /// An amount of euros that cannot be read without guessing.
    Amount,
    // Contact details, wherever they are asked (journal/contact.rs).
    /// Not a plausible e-mail address.
    Email,
    /// Not a French number, nor an international one starting with `+`.
    Phone,
    /// Not 5 digits for an address in France (or served by La Poste); otherwise over 12
    /// letters, digits, spaces or hyphens.
    Postcode,
    /// Not an ISO 3166-1 alpha-2 country code.
    Country,
    /// A SIRET whose first 9 digits are not the SIREN given beside it.
    SiretOfAnotherSiren,
    // The company profile (journal/company.rs).
    /// Blank, or over 200 characters.
    CompanyLegalName,
    /// Over 100 characters.
    CompanyLegalForm,
    /// Not micro, small, medium or large.
    CompanySizeClass,
    /// Not a whole number from 0 to 100,000.
    CompanyHeadcount,
    /// Over 200 characters.
    CompanyStreet,
    /// Over 100 characters.
    CompanyCity,
    /// Over 100 characters.
    CompanyContactName,
    /// Over 100 characters.
    CompanyContactRole,
    // A platform the company works with (journal/platform.rs).
    /// Not an id of the built-in catalogue.
    PlatformCatalogueId,
    /// Blank (for a platform not in the catalogue), or over 100 characters.
    PlatformName,
    /// Not one of the service types.
    PlatformService,
    /// Over 200 characters.
    PlatformLegalEntity,
    /// More than 20 accounts, or one over 100 characters.
    PlatformSellerAccounts,
    /// Not `YYYY-MM-DD`, before 1990 or after today.
    PlatformRelationshipStart,
    /// Not a whole percentage from 0 to 100.
    PlatformTurnoverShare,
    /// Over 500 characters.
    PlatformComplaintChannel,
    /// More than 10 mediators, or one over 200 characters.
    PlatformMediators,
    /// More than 10 out-of-court bodies, or one over 200 characters.
    PlatformOocBodies,
    /// Over 100 characters.
    PlatformTermsVersion,
    /// Over 500 characters.
    PlatformAddress,
    // An incident (journal/incident.rs): one per input of its form.
    /// No such platform, or it is in the trash.
    IncidentPlatform,
    /// Not a category code of the built-in tree.
    IncidentCategory,
    /// Not one of the timed measures.
    IncidentMeasure,
    /// Blank, or over 200 characters.
    IncidentTitle,
    /// The dates: not `YYYY-MM-DD`, before 1990, after 2100 or more than a year ahead.
    IncidentOccurredOn,
    /// The day the owner was notified: as for [`Field::IncidentOccurredOn`].
    IncidentNotifiedOn,
    /// The day the measure took effect: as for [`Field::IncidentOccurredOn`].
    IncidentTookEffectOn,
    /// The decision's date: as for [`Field::IncidentOccurredOn`].
    IncidentDecisionOn,
    /// The day the complaint was sent: as for [`Field::IncidentOccurredOn`].
    IncidentComplaintSentOn,
    /// The day the answer came: as for [`Field::IncidentOccurredOn`].
    IncidentAnswerReceivedOn,
    /// The day the out-of-court body was seized: as for [`Field::IncidentOccurredOn`].
    IncidentReferralOn,
    /// The day that body decided: as for [`Field::IncidentOccurredOn`].
    IncidentReferralDecidedOn,
    /// Not yes, no or unknown.
    IncidentReasonsReceived,
    /// Not one of the statuses.
    IncidentStatus,
    /// The amounts: unreadable, or negative.
    IncidentFundsHeld,
    /// The sales lost: as for [`Field::IncidentFundsHeld`].
    IncidentSalesLost,
    /// The fees: as for [`Field::IncidentFundsHeld`].
    IncidentFees,
    /// How the amounts were computed: over 2,000 characters.
    IncidentAmountsNote,
    /// The platform's decision or case reference: over 200 characters.
    IncidentDecisionReference,
    /// Over 20,000 characters.
    IncidentDescription,
    /// What the owner wants: over 5,000 characters.
    IncidentWanted,
    /// More than 20 tags, or one over 40 characters.
    IncidentTags,
    /// A filter or page of the incident list out of range.
    IncidentList,
    // An event of the chronology (journal/event.rs).
    /// Missing, or out of range like the incident's dates.
    EventDate,
    /// Not us, platform, third party or authority.
    EventActor,
    /// Not one of the channels.
    EventChannel,
    /// Blank, or over 300 characters.
    EventSummary,
    /// Over 100,000 characters.
    EventFullText,
    /// A linked piece that is not one of the incident's.
    EventPieces,
    /// Not one of the platform decisions the checker knows.
    EventDecision,
    /// An element of a statement of reasons the checker does not know, or ticked without a
    /// decision.
    EventReasons,
    // A piece of evidence (journal/piece.rs).
    /// Blank, or over 200 characters.
    PieceTitle,
    /// Out of range like the incident's dates.
    PieceDate,
    /// Over 5,000 characters.
    PieceNote,
    /// A file name that is blank or over 255 characters.
    PieceName,
    /// A media type not shaped like `type/subtype`.
    PieceMediaType,
    /// Bytes that are not valid base64.
    PieceContent,
    /// A file offered as an e-mail that cannot be read as one.
    EmailFile,
    /// What the trash holds: incident, event or piece.
    TrashEntity,
    // The search and the dashboard (journal/search.rs, journal/barometer.rs).
    /// A search text over 300 characters.
    SearchQuery,
    /// A platform id that cannot be one, or too many.
    SearchPlatforms,
    /// Not a category code of the built-in tree, or too many.
    SearchCategories,
    /// Not a charter axis (A1, A2, A3), or too many.
    SearchAxes,
    /// Not one of the statuses, or too many.
    SearchStatuses,
    /// A day not `YYYY-MM-DD`, or a period that ends before it starts.
    SearchPeriod,
    /// Not one of the orders.
    SearchSort,
    /// A page number out of range.
    SearchPage,
    /// Not a number of months from 1 to 36.
    BarometerMonths,
    // A dossier (dossier.rs).
    /// Not one of the destinations.
    DossierDestination,
    /// Not fr or en.
    DossierLocale,
    /// An incident id that cannot be one, or more than 200.
    DossierIncidents,
    /// Over 200 characters.
    DossierTitle,
    /// Over 400 characters.
    DossierSummary,
    /// An ask of an unknown kind, a detail over 2,000 characters, or more than 20 asks.
    DossierAsks,
    /// An IP right of an unknown kind, a text too long, or more than 20 rights.
    DossierIpRights,
    /// A listing that is neither an http(s) URL nor an ASIN, or more than 200.
    DossierListings,
    /// Not disclose or withhold.
    DossierIdentity,
    /// Over 200 characters.
    DossierSignatory,
    /// Over 100 characters.
    DossierPlace,
    /// Not `YYYY-MM-DD`, or after today.
    DossierSubmittedOn,
    /// Over 100 characters.
    DossierReference,
    /// Not sollicitation or saisine.
    DossierMediateurRequest,
    /// Over 200 characters.
    DossierFramework,
    /// Over 4,000 characters.
    DossierHandledSoFar,
    /// A provision over 50 characters, or more than 20.
    DossierProvisions,
    /// Over 200 characters.
    DossierMediator,
}

/// What the domain refuses: a field's value, or a weak passphrase. Carries no input text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoreError {
    /// The value of `field` is not one the domain accepts.
    #[error("invalid value for {0:?}")]
    Invalid(Field),
    /// A new passphrase that is long enough but easy to guess.
    #[error("the passphrase is too easy to guess")]
    PassphraseTooWeak,
}
