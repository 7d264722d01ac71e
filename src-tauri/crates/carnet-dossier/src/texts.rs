//! Every fixed text of the PDF, in French and in English: one variant of [`T`] per text, each
//! declared with both languages (a text without one does not compile; the tests refuse an
//! empty one, or placeholders that differ between the two). `{name}` placeholders are filled
//! by [`T::fill`]. The wording is informative: the dossier states facts and the owner's
//! requests, never legal advice. What differs per destination is in the destinations file.

use carnet_core::Locale;
use carnet_core::deadlines::Measure;
use carnet_core::journal::incident::IncidentDates;
use carnet_core::report::{AskKind, IpRightKind, StepKind};
use chrono::NaiveDate;

macro_rules! texts {
    ($($id:ident => $fr:expr, $en:expr;)*) => {
        /// A fixed text of the dossier. Each variant's doc is its English text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T { $(#[doc = $en] $id),* }

        impl T {
            /// Every text, in the order declared.
            pub const ALL: &'static [T] = &[$(T::$id),*];

            /// The text in `locale`, placeholders unfilled.
            pub fn get(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $((T::$id, Locale::Fr) => $fr, (T::$id, Locale::En) => $en,)*
                }
            }
        }
    };
}

impl T {
    /// `one` or `other` as `locale` says for `n` (French: 0 and 1 take the singular), its
    /// `{n}` filled with the number and a no-break space after it.
    pub fn count(n: i64, one: T, other: T, locale: Locale) -> String {
        let singular = match locale {
            Locale::Fr => n.abs() <= 1,
            Locale::En => n.abs() == 1,
        };
        let t = if singular { one } else { other };
        t.get(locale).replace("{n} ", &format!("{n}\u{A0}"))
    }

    /// The text with its `{name}` placeholders replaced.
    pub fn fill(self, locale: Locale, values: &[(&str, &str)]) -> String {
        let mut s = self.get(locale).to_owned();
        for (name, value) in values {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }
}

/// The names of the core's enumerations, shared by the PDF and the submission helper.
impl T {
    /// A measure's name.
    pub fn measure(m: Measure) -> T {
        match m {
            Measure::TermsChange => T::MeasureTermsChange,
            Measure::Restriction => T::MeasureRestriction,
            Measure::Suspension => T::MeasureSuspension,
            Measure::Termination => T::MeasureTermination,
        }
    }

    /// A step's kind.
    pub fn step(k: StepKind) -> T {
        match k {
            StepKind::InternalComplaint => T::StepInternalComplaint,
            StepKind::PlatformAnswer => T::StepPlatformAnswer,
            StepKind::Mediation => T::StepMediation,
            StepKind::OutOfCourtBody => T::StepOutOfCourt,
            StepKind::Notice => T::StepNotice,
            StepKind::AuthorityReport => T::StepAuthority,
            StepKind::CourtCase => T::StepCourt,
            StepKind::InsolvencyProceedings => T::StepInsolvency,
            StepKind::Other => T::StepOther,
        }
    }

    /// What the owner asks for.
    pub fn ask(k: AskKind) -> T {
        match k {
            AskKind::Reinstatement => T::AskReinstatement,
            AskKind::StatementOfReasons => T::AskReasons,
            AskKind::ReleaseOfFunds => T::AskFunds,
            AskKind::ReviewOfDecision => T::AskReview,
            AskKind::Mediation => T::AskMediation,
            AskKind::RemovalOfCounterfeits => T::AskRemoval,
            AskKind::Compensation => T::AskCompensation,
            AskKind::Other => T::AskOther,
        }
    }

    /// An intellectual-property right's kind.
    pub fn ip_right(k: IpRightKind) -> T {
        match k {
            IpRightKind::Trademark => T::IpTrademark,
            IpRightKind::Design => T::IpDesign,
            IpRightKind::Patent => T::IpPatent,
            IpRightKind::Copyright => T::IpCopyright,
            IpRightKind::Other => T::IpOther,
        }
    }

    /// An incident's key dates, each with its label, in the order the case runs.
    pub fn key_dates(d: &IncidentDates) -> [(T, Option<NaiveDate>); 8] {
        [
            (T::OccurredOn, d.occurred_on),
            (T::NotifiedOn, d.notified_on),
            (T::TookEffectOn, d.took_effect_on),
            (T::DecisionOn, d.decision_on),
            (T::ComplaintSentOn, d.complaint_sent_on),
            (T::AnswerReceivedOn, d.answer_received_on),
            (T::ReferralOn, d.referral_on),
            (T::ReferralDecidedOn, d.referral_decided_on),
        ]
    }
}

texts! {
    // Sections (destinations may retitle them).
    SecCover => "Page de garde", "Cover";
    SecToc => "Sommaire", "Contents";
    SecSummary => "Résumé et chiffres clés", "Summary and key figures";
    SecCompany => "L’entreprise", "The company";
    SecPlatform => "La plateforme", "The platform";
    SecChronology => "Les faits, dans l’ordre chronologique", "The facts, in chronological order";
    SecClassification => "Qualification et vérification des délais", "Classification and time-limit checks";
    SecImpact => "Conséquences financières", "Financial impact";
    SecRequest => "La demande", "The request";
    SecGrounds => "Éléments manquants de l’exposé des motifs", "Missing elements of the statement of reasons";
    RequestKind => "Nature de la demande", "Kind of request";
    Sollicitation => "sollicitation (une question, pour être orienté)", "sollicitation (a question, to be oriented)";
    Saisine => "saisine (une demande de médiation)", "saisine (a request for mediation)";
    Framework => "Cadre de la saisine", "Framework of the saisine";
    MediatorAddressed => "Médiateur saisi", "Mediator addressed";
    MediatorNamedInTerms => "désigné dans les conditions de la plateforme (P2B, art. 12)", "named in the platform’s terms (P2B, Art. 12)";
    MediatorNotInTerms => "absent de la liste des médiateurs que les conditions de la plateforme désignent", "not among the mediators the platform’s terms name";
    CostShare => "La plateforme supporte une part raisonnable des coûts de la médiation (P2B, art. 12(4)).", "The platform bears a reasonable share of the mediation’s costs (P2B, Art. 12(4)).";
    Provisions => "Dispositions du DSA concernées", "DSA provisions concerned";
    ArcomNote => "Plainte d’un destinataire du service auprès du coordinateur pour les services numériques (DSA, art. 53) : une information du régulateur, qui ne tranche pas le litige individuel.", "Complaint of a recipient of the service to the Digital Services Coordinator (DSA, Art. 53): information to the regulator, which does not settle the individual dispute.";
    HandledSoFar => "Traitement du différend à ce jour, selon l’entreprise", "How the dispute was handled so far, in the company’s words";
    GroundsIntro => "La décision de la plateforme ne comporte pas les éléments suivants, que le droit exige :", "The platform’s decision lacks the following elements, which the law requires:";
    NoGrounds => "Aucun élément manquant de l’exposé des motifs n’a été relevé.", "No missing element of the statement of reasons was noted.";
    SecSteps => "Démarches déjà effectuées", "Steps already taken";
    SecAsks => "Ce qui est demandé", "What is asked";
    SecIpRights => "Droits de propriété intellectuelle et annonces en cause", "Intellectual property rights and listings concerned";
    SecInventory => "Inventaire des pièces", "Inventory of the pieces";
    SecDeclarations => "Déclarations", "Declarations";
    SecAnnexes => "Annexes : les pièces", "Annexes: the pieces";

    // Cover and running parts.
    DossierNumber => "Dossier n°\u{A0}{number}", "Dossier no.\u{A0}{number}";
    Recipient => "Destinataire", "Recipient";
    Company => "Entreprise", "Company";
    Platforms => "Plateforme(s)", "Platform(s)";
    Period => "Période des faits", "Period of the facts";
    PeriodRange => "du {from} au {to}", "from {from} to {to}";
    PeriodOne => "le {date}", "on {date}";
    Generated => "Établi le", "Prepared on";
    Confidential => "Confidentiel", "Confidential";
    ConfidentialNotice => "Ce dossier contient des informations confidentielles sur l’entreprise et sur ses relations commerciales. Il est destiné au seul destinataire indiqué ci-dessus et ne doit pas être communiqué à des tiers sans l’accord de l’entreprise.", "This dossier contains confidential information about the company and its business relationships. It is meant for the recipient named above only and must not be passed on to third parties without the company’s consent.";
    PageOf => "Page {x} / {y}", "Page {x} / {y}";
    Footer => "Dossier {number} — confidentiel", "Dossier {number} — confidential";
    NotGiven => "non renseigné", "not given";
    Yes => "oui", "yes";
    No => "non", "no";

    // Summary.
    KeyFigures => "Chiffres clés", "Key figures";
    KeyCategories => "Catégories", "Categories";
    KeyAmounts => "Montants en jeu", "Amounts at stake";
    KeyAsked => "Demandes", "Requests";
    KeyPieces => "Pièces", "Pieces";
    KeyIncidents => "Incidents", "Incidents";
    PiecesCount => "{pieces}, inventoriées en section « {section} »", "{pieces}, listed in “{section}”";
    PieceOne => "{n} pièce", "{n} piece";
    PieceOther => "{n} pièces", "{n} pieces";

    // The company.
    LegalName => "Dénomination", "Legal name";
    Siren => "SIREN", "SIREN";
    Siret => "SIRET", "SIRET";
    LegalForm => "Forme juridique", "Legal form";
    Naf => "Code NAF", "NACE (NAF) code";
    SizeClass => "Taille", "Size";
    SizeMicro => "microentreprise (moins de 10 personnes)", "micro enterprise (fewer than 10 people)";
    SizeSmall => "petite entreprise (moins de 50 personnes)", "small enterprise (fewer than 50 people)";
    SizeMedium => "entreprise moyenne (moins de 250 personnes)", "medium-sized enterprise (fewer than 250 people)";
    SizeLarge => "grande entreprise", "large enterprise";
    Headcount => "Effectif", "Headcount";
    PersonOne => "{n} personne", "{n} person";
    PersonOther => "{n} personnes", "{n} people";
    DayOne => "{n} jour", "{n} day";
    DayOther => "{n} jours", "{n} days";
    Address => "Adresse", "Address";
    Contact => "Interlocuteur", "Contact person";
    ContactEmail => "Courriel", "E-mail";
    ContactPhone => "Téléphone mobile", "Mobile phone";
    Insolvency => "Procédure collective en cours", "Insolvency proceedings under way";

    // The platform.
    Brand => "Plateforme", "Platform";
    LegalEntity => "Entité juridique", "Legal entity";
    Country => "Pays", "Country";
    Service => "Type de service", "Type of service";
    Charter => "Charte des acteurs du e-commerce", "E-commerce charter (Charte des acteurs du e-commerce)";
    CharterSigned2019 => "signataire en 2019", "signed in 2019";
    CharterJoined2020 => "a rejoint la charte renouvelée en 2020", "joined the renewed charter in 2020";
    CharterNo => "non signataire", "not a signatory";
    CharterUnknown => "inconnu", "unknown";
    PlatformAddress => "Adresse de l’entité juridique", "Address of the legal entity";
    Vlop => "Très grande plateforme en ligne (DSA)", "Very large online platform (DSA)";
    Gatekeeper => "Contrôleur d’accès (DMA)", "Gatekeeper (DMA)";
    OocBodies => "Organismes extrajudiciaires certifiés la couvrant (DSA, art. 21)", "Certified out-of-court bodies covering it (DSA, Art. 21)";
    Unknown => "inconnu", "unknown";
    SellerAccounts => "Comptes vendeur", "Seller accounts";
    Since => "Vend sur la plateforme depuis", "Selling on the platform since";
    TurnoverShare => "Part du chiffre d’affaires réalisée sur la plateforme", "Share of turnover made on the platform";
    TermsVersion => "Version des conditions en vigueur", "Version of the terms in force";
    ComplaintChannel => "Canal de réclamation", "Complaint channel";
    Mediators => "Médiateurs désignés dans ses conditions (P2B, art. 12)", "Mediators named in its terms (P2B, Art. 12)";

    // The chronology.
    ChronoIntro => "Chaque événement est numéroté (E1, E2…) ; les pièces qui l’établissent sont cliquables et renvoient à leur reproduction en annexe.", "Each event is numbered (E1, E2…); the pieces that support it are links to their reproduction in the annexes.";
    ColNo => "N°", "No.";
    ColDate => "Date", "Date";
    ColEvent => "Événement", "Event";
    ColActor => "Acteur", "Actor";
    ColChannel => "Canal", "Channel";
    ColPieces => "Pièces", "Pieces";
    NoEvents => "Aucun événement n’est enregistré pour cet incident.", "No event is recorded for this incident.";
    ActorUs => "l’entreprise", "the company";
    ActorPlatform => "la plateforme", "the platform";
    ActorThirdParty => "un tiers", "a third party";
    ActorAuthority => "une autorité", "an authority";
    ChannelEmail => "courriel", "e-mail";
    ChannelPortal => "messagerie de la plateforme", "platform messaging";
    ChannelPhone => "téléphone", "phone";
    ChannelLetter => "courrier", "letter";
    ChannelNotification => "notification", "notification";
    ChannelOther => "autre", "other";
    IncidentLine => "Plateforme : {platform} — catégorie : {category} — statut : {status}", "Platform: {platform} — category: {category} — status: {status}";
    FullTextNote => "(texte intégral ci-après)", "(full text below)";
    FullTextOf => "{event} — texte intégral", "{event} — full text";
    StatusOpen => "ouvert", "open";
    StatusComplaintSent => "réclamation envoyée", "complaint sent";
    StatusAwaitingAnswer => "en attente de réponse", "awaiting an answer";
    StatusMediation => "en médiation", "in mediation";
    StatusReported => "signalé", "reported";
    StatusResolved => "résolu", "resolved";
    StatusAbandoned => "abandonné", "abandoned";

    // Classification and checks.
    Category => "Catégorie", "Category";
    Axes => "Axe(s) de la charte de 2019", "Axis/axes of the 2019 charter";
    Articles => "Textes généralement en cause", "Provisions usually involved";
    Measure => "Mesure prise par la plateforme", "Measure taken by the platform";
    MeasureTermsChange => "modification des conditions", "change of terms";
    MeasureRestriction => "restriction (offres, visibilité ou paiements)", "restriction (offers, visibility or payments)";
    MeasureSuspension => "suspension", "suspension";
    MeasureTermination => "résiliation", "termination";
    DecisionReference => "Référence de la décision", "Reference of the decision";
    KeyDates => "Dates", "Dates";
    OccurredOn => "survenu le", "occurred on";
    NotifiedOn => "notifié le", "notified on";
    TookEffectOn => "effet le", "took effect on";
    DecisionOn => "décision du", "decision of";
    ComplaintSentOn => "réclamation envoyée le", "complaint sent on";
    AnswerReceivedOn => "réponse reçue le", "answer received on";
    ReferralOn => "organisme saisi le", "body seized on";
    ReferralDecidedOn => "décision de l’organisme le", "body’s decision on";
    ChecksNote => "Ces vérifications sont calculées à partir des dates indiquées par l’entreprise, au jour où le dossier est établi. Elles sont données à titre d’information et ne constituent pas un avis juridique.", "These checks are computed from the dates the company gave, as of the day the dossier is prepared. They are given for information and are not legal advice.";
    ColCheck => "Vérification", "Check";
    ColFinding => "Constat", "Finding";
    ColState => "État", "State";
    NoChecks => "Aucune vérification de délai ne s’applique à cet incident.", "No time-limit check applies to this incident.";
    CheckTermsNotice => "Préavis avant une modification des conditions (P2B, art. 3(2))", "Notice before a change of terms (P2B, Art. 3(2))";
    CheckTerminationNotice => "Préavis avant une résiliation (P2B, art. 4(2))", "Notice before a termination (P2B, Art. 4(2))";
    CheckReasons => "Exposé des motifs (P2B, art. 4 ; DSA, art. 17)", "Statement of reasons (P2B, Art. 4; DSA, Art. 17)";
    CheckWindow => "Délai de réclamation interne (DSA, art. 20 : 6 mois)", "Internal complaint window (DSA, Art. 20: 6 months)";
    CheckOutOfCourt => "Décision de l’organisme extrajudiciaire (DSA, art. 21 : 90 jours)", "Out-of-court body’s decision (DSA, Art. 21: 90 days)";
    CheckAnswer => "Réponse de la plateforme à la réclamation", "The platform’s answer to the complaint";
    FindNotice => "{days} entre la notification et l’effet, pour {required} requis", "{days} between notice and effect, against {required} required";
    FindNoticeUnknown => "date de notification ou d’effet non renseignée", "notice or effective date not given";
    FindReasonsReceived => "un exposé des motifs a été reçu", "a statement of reasons was received";
    FindReasonsNone => "aucun exposé des motifs reçu", "no statement of reasons received";
    FindReasonsUnknown => "non renseigné", "not stated";
    FindWindowOpen => "ouvert jusqu’au {date} inclus, encore {days}", "open until {date} inclusive, {days} left";
    FindWindowClosed => "clos depuis le {date}", "closed on {date}";
    FindWindowUnknown => "date de la décision non renseignée", "date of the decision not given";
    FindOocPending => "attendue au plus tard le {date}, dans {days}", "due by {date}, in {days}";
    FindOocExtendable => "attendue le {date}, prorogeable jusqu’au {latest} pour un litige très complexe, encore {days}", "due on {date}, extendable to {latest} for a highly complex dispute, {days} left";
    FindCountedFromDecision => "(compté depuis la décision : le jour où elle a été notifiée n’est pas indiqué)", "(counted from the decision: the day it was notified is not recorded)";
    FindOocOverdue => "attendue le {date}, en retard de {days}", "due on {date}, {days} late";
    FindOocDecided => "rendue en {days}", "given in {days}";
    FindAwaiting => "sans réponse depuis {days}", "no answer for {days}";
    FindAnswered => "réponse reçue après {days}", "answer received after {days}";
    StateMet => "respecté", "met";
    StateNotMet => "non respecté", "not met";
    StateUnknown => "inconnu", "unknown";
    StateInfo => "pour information", "for information";

    // Impact.
    ImpactIntro => "Montants indiqués par l’entreprise, en euros, pour chaque incident.", "Amounts stated by the company, in euros, for each incident.";
    ColIncident => "Incident", "Incident";
    FundsHeld => "Fonds retenus", "Funds held";
    SalesLost => "Ventes perdues", "Lost sales";
    Fees => "Frais et commissions", "Fees and commissions";
    Total => "Total", "Total";
    HowComputed => "Mode de calcul", "How it was computed";
    NoAmounts => "Aucun montant n’a été chiffré.", "No amount was stated.";

    // Steps.
    ColStep => "Démarche", "Step";
    ColReference => "Référence", "Reference";
    ColOutcome => "Résultat", "Outcome";
    NoSteps => "Aucune démarche n’est enregistrée.", "No step is recorded.";
    OocNoComplaint => "Aucune réclamation interne n’a été adressée à la plateforme. Elle n’est pas une condition de la saisine : un organisme certifié peut être saisi directement (DSA, art. 21(1)).", "No internal complaint was sent to the platform. It is not a condition of the referral: a certified body may be seized directly (DSA, Art. 21(1)).";
    StepInternalComplaint => "réclamation interne auprès de la plateforme", "internal complaint to the platform";
    StepPlatformAnswer => "réponse de la plateforme", "the platform’s answer";
    StepMediation => "médiation", "mediation";
    StepOutOfCourt => "organisme de règlement extrajudiciaire", "out-of-court settlement body";
    StepNotice => "notification de contenu illicite", "notice of illegal content";
    StepAuthority => "signalement à une autorité", "report to an authority";
    StepCourt => "action en justice", "court action";
    StepInsolvency => "procédure collective", "insolvency proceedings";
    StepOther => "autre démarche", "other step";
    InsolvencyNone => "L’entreprise déclare ne faire l’objet d’aucune procédure collective (sauvegarde, redressement ou liquidation judiciaire).", "The company states that it is not subject to any insolvency proceedings (safeguard, receivership or liquidation).";
    InsolvencyOngoing => "L’entreprise fait l’objet d’une procédure collective.", "The company is subject to insolvency proceedings.";
    CourtNone => "Aucune action en justice n’est enregistrée pour ce différend.", "No court action is recorded for this dispute.";

    // Asks.
    AskReinstatement => "le rétablissement du compte ou des offres", "reinstatement of the account or offers";
    AskReasons => "un exposé précis des motifs de la décision", "a specific statement of the reasons for the decision";
    AskFunds => "le versement des fonds retenus", "release of the funds held";
    AskReview => "le réexamen de la décision par une personne", "review of the decision by a person";
    AskMediation => "l’ouverture d’une médiation", "the opening of a mediation";
    AskRemoval => "le retrait des annonces contrefaisantes", "removal of the counterfeit listings";
    AskCompensation => "la réparation du préjudice subi", "compensation for the harm suffered";
    AskOther => "autre demande", "other request";
    WantedBy => "Selon l’entreprise, pour « {title} » :", "In the company’s words, for “{title}”:";
    NoAsks => "Aucune demande n’est formulée.", "No request is made.";

    // IP rights.
    ColRight => "Droit", "Right";
    ColTitle => "Titre", "Title";
    ColRegistration => "Numéro", "Number";
    ColOffice => "Office", "Office";
    IpTrademark => "marque", "trade mark";
    IpDesign => "dessin ou modèle", "design";
    IpPatent => "brevet", "patent";
    IpCopyright => "droit d’auteur", "copyright";
    IpOther => "autre droit", "other right";
    Listings => "Annonces concernées (adresses exactes ou identifiants)", "Listings concerned (exact URLs or identifiers)";
    NoIpRights => "Aucun droit n’est indiqué.", "No right is given.";

    // Inventory.
    NotTimestamped => "Pas d’horodatage par une autorité tierce (RFC 3161)", "Not timestamped by a third-party authority (RFC 3161)";
    InventoryIntro => "Chaque pièce est identifiée par son empreinte SHA-256, calculée lorsqu’elle a été ajoutée au journal : le fichier original fourni à part doit donner la même empreinte.", "Each piece is identified by its SHA-256 fingerprint, computed when it was added to the logbook: the original file supplied separately must give the same fingerprint.";
    ColPiece => "Pièce", "Piece";
    ColSha => "SHA-256", "SHA-256";
    ColEvents => "Événements", "Events";
    PieceFile => "Fichier : {name}", "File: {name}";
    PieceDated => "Datée du {date}", "Dated {date}";
    NoPieces => "Aucune pièce n’est jointe.", "No piece is attached.";
    Bytes => "{n} octets", "{n} bytes";
    KiloBytes => "{n} Ko", "{n} KB";
    MegaBytes => "{n} Mo", "{n} MB";

    // Declarations.
    DeclIntro => "L’entreprise, par la personne qui signe ci-dessous :", "The company, through the person signing below:";
    DeclAccuracy => "déclare sur l’honneur que les faits exposés sont exacts et que les pièces jointes sont authentiques et non modifiées ;", "declares on its honour that the facts set out are accurate and that the pieces attached are genuine and unaltered;";
    DeclConfidentiality => "s’engage à respecter la confidentialité de la médiation : ni les échanges ni les documents produits au cours de celle-ci ne seront divulgués à des tiers ni invoqués dans une autre procédure ;", "undertakes to keep the mediation confidential: neither the exchanges nor the documents produced during it will be disclosed to third parties or relied on in other proceedings;";
    DeclGoodFaith => "déclare de bonne foi que les informations et allégations contenues dans la présente notification sont exactes et complètes ;", "states in good faith that the information and allegations in this notice are accurate and complete;";
    DeclDisclose => "accepte que son identité soit communiquée à la plateforme.", "agrees that its identity may be disclosed to the platform.";
    DeclWithhold => "ne souhaite pas que son identité soit communiquée à la plateforme.", "does not wish its identity to be disclosed to the platform.";
    DeclIdentityOpen => "n’a pas encore indiqué si son identité peut être communiquée à la plateforme.", "has not yet said whether its identity may be disclosed to the platform.";
    ColDeclaration => "Déclaration", "Declaration";
    ColMade => "Faite", "Made";
    SignedAt => "Fait à {place}, le {date}.", "Done at {place} on {date}.";
    SignedOn => "Fait le {date}.", "Done on {date}.";
    Signatory => "Signataire : {name}", "Signatory: {name}";
    Signature => "Signature :", "Signature:";

    // Annexes.
    AnnexesIntro => "Les pièces sont reproduites ci-dessous lorsqu’elles peuvent l’être : les images à leur résolution d’origine, sans perte de qualité, les courriels et les textes en texte. Les fichiers originaux sont fournis à part ; leur empreinte SHA-256 permet de vérifier qu’ils n’ont pas été modifiés.", "The pieces are reproduced below where they can be: images at their original resolution, without loss of quality, e-mails and texts as text. The original files are supplied separately; their SHA-256 fingerprint shows they were not altered.";
    AnnexMeta => "Fichier d’origine : {name} — {type} — {size}", "Original file: {name} — {type} — {size}";
    AnnexInBundle => "Dans le fichier ZIP des pièces : {name}", "In the ZIP file of the pieces: {name}";
    AnnexSha => "SHA-256 : {sha}", "SHA-256: {sha}";
    AnnexNotShown => "Ce type de fichier ne peut pas être reproduit dans le dossier : l’original est fourni à part et s’identifie par son empreinte SHA-256.", "This type of file cannot be reproduced in the dossier: the original is supplied separately and is identified by its SHA-256 fingerprint.";
    AnnexImageUnreadable => "Cette image n’a pas pu être lue ({reason}) : l’original est fourni à part et s’identifie par son empreinte SHA-256.", "This image could not be read ({reason}): the original is supplied separately and is identified by its SHA-256 fingerprint.";
    Caption => "{label} — {title} ({w} × {h} pixels, reproduite sans perte)", "{label} — {title} ({w} × {h} pixels, reproduced without loss)";
    MailFrom => "De", "From";
    MailTo => "À", "To";
    MailDate => "Date", "Date";
    MailSubject => "Objet", "Subject";
    MailAttachments => "Pièces jointes", "Attachments";
    TextCut => "[…] La suite ({n} caractères) figure dans le fichier original.", "[…] The rest ({n} characters) is in the original file.";
    CutMarker => "[…] (texte complet en annexe)", "[…] (full text in the annexes)";
    SupportsEvents => "Établit : {events}", "Supports: {events}";

    // The evidence bundle: its manifest's columns and its "how to verify" file.
    ManifestNumber => "numero", "number";
    ManifestFile => "fichier", "file";
    ManifestTitle => "titre", "title";
    ManifestOriginal => "nom_d_origine", "original_name";
    ManifestType => "type", "media_type";
    ManifestSize => "taille_octets", "size_bytes";
    ManifestSha => "sha256", "sha256";
    ManifestEvents => "evenements_etablis", "events_supported";
    VerifyTitle => "Comment vérifier les pièces du dossier n° {number}", "How to verify the pieces of dossier no. {number}";
    VerifyIntro => "Ce fichier ZIP contient les pièces originales du dossier « {title} » de {company}, telles qu’elles ont été enregistrées dans Carnet, sans aucune modification (établi le {date}). L’empreinte SHA-256 de chaque fichier figure dans SHA256SUMS, dans manifest.csv et manifest.json, et dans l’inventaire des pièces du dossier PDF. Si un seul octet d’un fichier change, son empreinte change.", "This ZIP file holds the original pieces of the dossier “{title}” of {company}, as they were recorded in Carnet, without any change (prepared on {date}). Each file’s SHA-256 fingerprint is in SHA256SUMS, in manifest.csv and manifest.json, and in the inventory of the pieces of the PDF dossier. If a single byte of a file changes, its fingerprint changes.";
    VerifyExtract => "Extrayez tout le contenu du ZIP dans un dossier, puis ouvrez un terminal dans ce dossier et tapez la commande de votre système :", "Extract the whole ZIP into a folder, then open a terminal in that folder and type your system’s command:";
    VerifyLinux => "Linux :", "Linux:";
    VerifyMac => "macOS (application Terminal) :", "macOS (the Terminal application):";
    VerifyWindows => "Windows (PowerShell, en une seule ligne) :", "Windows (PowerShell, on one line):";
    VerifyExpected => "Chaque fichier doit être suivi de « OK » (Linux, macOS, Windows). Un fichier signalé en échec n’est pas celui qui a été enregistré.", "Each file must be followed by “OK” (Linux, macOS, Windows). A file reported as failed is not the one that was recorded.";
    VerifyOneFile => "Pour un seul fichier sous Windows, comparez l’empreinte affichée par cette commande avec la liste ci-dessous (majuscules et minuscules sont équivalentes) :", "For one file on Windows, compare the fingerprint this command shows with the list below (upper and lower case are the same):";
    VerifyGroups => "Le dossier {folder} contient les mêmes pièces regroupées en fichiers ZIP de 10 fichiers au plus, à joindre au formulaire en ligne, qui limite le nombre de fichiers par champ. Chacun contient son propre SHA256SUMS.", "The {folder} folder holds the same pieces grouped in ZIP files of at most 10 files, to attach to the online form, which limits the number of files per field. Each holds its own SHA256SUMS.";
    VerifyList => "Les empreintes SHA-256 :", "The SHA-256 fingerprints:";
    VerifyStamps => "Horodatage (RFC 3161). Chaque pièce suivie d’un fichier .tsr a été horodatée par une autorité d’horodatage : le jeton .tsr prouve que ce fichier, exactement, existait à la date qu’il indique (seule son empreinte SHA-256 a été envoyée à l’autorité, jamais son contenu). Le dossier tsa contient les certificats portés par chaque jeton. Pour vérifier une pièce avec OpenSSL (Linux, macOS, ou Windows avec OpenSSL installé), depuis ce dossier :", "Timestamps (RFC 3161). Each piece followed by a .tsr file was timestamped by a time-stamping authority: the .tsr token proves that this exact file existed at the time it states (only its SHA-256 fingerprint was sent to the authority, never its content). The tsa folder holds the certificates each token carries. To check a piece with OpenSSL (Linux, macOS, or Windows with OpenSSL installed), from this folder:";
    VerifyStampsExpected => "Chaque commande doit afficher « Verification: OK ». Un seul octet changé dans la pièce la fait échouer. Pour lire la date d’un jeton : openssl ts -reply -in <fichier>.tsr -text. Les certificats du dossier tsa sont ceux que le jeton transporte : pour une confiance complète, comparez le certificat racine à celui que l’autorité publie.", "Each command must print \"Verification: OK\". A single byte changed in the piece makes it fail. To read a token's time: openssl ts -reply -in <file>.tsr -text. The certificates of the tsa folder are the ones the token carries: for full trust, compare the root certificate with the one the authority publishes.";
    VerifyManifestStamp => "Le fichier manifest.json est lui-même horodaté (manifest.json.tsr) : il fixe la liste des pièces et de leurs empreintes à la date de l’export.", "The manifest.json file is itself timestamped (manifest.json.tsr): it fixes the list of pieces and their fingerprints at the time of the export.";
    VerifyNoPieces => "Ce dossier ne joint aucune pièce : il n’y a rien à vérifier, et le lot ne contient donc pas de fichier SHA256SUMS.", "This dossier attaches no piece: there is nothing to verify, so the bundle holds no SHA256SUMS file.";

    // The submission helper: the texts for each field of the destination's form.
    SubSiretLine => "SIRET {siret}", "SIRET {siret}";
    SubNafLine => "NAF {naf}", "NACE (NAF) {naf}";
    SubAccounts => "comptes vendeur", "seller accounts";
    SubSince => "depuis le {date}", "since {date}";
    SubTurnover => "{pct} % du chiffre d’affaires", "{pct}% of turnover";
    SubReasonsNo => "aucun exposé des motifs reçu", "no statement of reasons received";
    SubReasonsYes => "un exposé des motifs a été reçu", "a statement of reasons was received";
    SubAmountsNote => "Calcul", "How computed";
    SubPdf => "Le dossier complet : {file} (PDF).", "The full dossier: {file} (PDF).";
    HeicCopy => "Photo HEIC : le formulaire de démarches refuse ce format. Pour l’envoi, joignez une copie JPEG (sur iPhone ou Mac : Photos ou Aperçu, « Exporter » en JPEG ; sous Windows : l’application Photos, « Enregistrer sous » JPEG). L’original reste dans le lot de preuves, avec son empreinte.", "HEIC photo: the démarches form refuses this format. For the upload, attach a JPEG copy (on an iPhone or a Mac: Photos or Preview, “Export” as JPEG; on Windows: the Photos app, “Save as” JPEG). The original stays in the evidence bundle, with its fingerprint.";
    SubHeic => "{pieces} : photo(s) HEIC refusée(s) par le formulaire ; envoyez-en une copie JPEG (l’original reste dans le lot de preuves).", "{pieces}: HEIC photo(s) the form refuses; upload a JPEG copy (the original stays in the evidence bundle).";
    SubGroups => "Les pièces, regroupées pour le formulaire : {files}.", "The pieces, grouped for the form: {files}.";
    SubConfidentialityMissing => "L’engagement de confidentialité n’a pas encore été pris.", "The confidentiality undertaking has not been given yet.";
    SubGoodFaithMissing => "La déclaration de bonne foi n’a pas encore été faite.", "The good-faith statement has not been made yet.";
    SubFullAccount => "(suite dans le dossier PDF joint)", "(continued in the attached PDF dossier)";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    }

    #[test]
    fn every_text_exists_in_both_languages_with_the_same_placeholders() {
        for &t in T::ALL {
            let (fr, en) = (t.get(Locale::Fr), t.get(Locale::En));
            assert!(!fr.trim().is_empty(), "{t:?} has no French");
            assert!(!en.trim().is_empty(), "{t:?} has no English");
            assert_eq!(placeholders(fr), placeholders(en), "{t:?}");
            for s in [fr, en] {
                assert!(!s.contains("TODO") && !s.contains("{}"), "{t:?}");
                assert_eq!(s.trim(), s, "{t:?}: no stray spaces");
            }
        }
    }

    #[test]
    fn french_texts_use_french_quotes() {
        for &t in T::ALL {
            let fr = t.get(Locale::Fr);
            assert!(!fr.contains('“') && !fr.contains('"'), "{t:?}");
        }
    }

    /// Counted texts take the form each language uses (French: 0 and 1 singular), the number
    /// held to its word by a no-break space; no text writes "(s)" for the plural.
    #[test]
    fn counts_read_as_each_language_says() {
        let day = |n, l| T::count(n, T::DayOne, T::DayOther, l);
        assert_eq!(day(0, Locale::Fr), "0\u{A0}jour");
        assert_eq!(day(1, Locale::Fr), "1\u{A0}jour");
        assert_eq!(day(2, Locale::Fr), "2\u{A0}jours");
        assert_eq!(day(0, Locale::En), "0\u{A0}days");
        assert_eq!(day(1, Locale::En), "1\u{A0}day");
        assert_eq!(
            T::count(6, T::PersonOne, T::PersonOther, Locale::En),
            "6\u{A0}people"
        );
        for &t in T::ALL {
            for l in [Locale::Fr, Locale::En] {
                let s = t.get(l);
                assert!(
                    !s.contains("jour(s)") && !s.contains("day(s)") && !s.contains("pièce(s)"),
                    "{t:?}"
                );
            }
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(
            T::PageOf.fill(Locale::Fr, &[("x", "2"), ("y", "9")]),
            "Page 2 / 9"
        );
        assert_eq!(
            T::PeriodRange.fill(Locale::En, &[("from", "a"), ("to", "b")]),
            "from a to b"
        );
    }
}
