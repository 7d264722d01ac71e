//! The Rust side's catalogue: error messages in French and English. One exhaustive `match`
//! per message, so a code or a field without its two translations does not compile. Messages
//! say what happened and what to do, never a path, a secret or the owner's input.

use carnet_core::{Field, Locale};
use carnet_dossier::typography::typeset;

use crate::error::code::ErrorCode;

/// The message for an error, with French typography (narrow no-break spaces) applied.
pub fn error(code: ErrorCode, field: Option<Field>, locale: Locale) -> String {
    typeset(raw_error(code, field, locale), locale)
}

fn raw_error(code: ErrorCode, field: Option<Field>, locale: Locale) -> &'static str {
    use ErrorCode as C;
    use Locale::{En, Fr};
    if let (C::InvalidInput, Some(field)) = (code, field) {
        return invalid(field, locale);
    }
    match (code, locale) {
        (C::InvalidInput, Fr) => "Une valeur saisie n’est pas valable.",
        (C::InvalidInput, En) => "A value you entered is not valid.",
        (C::PassphraseTooWeak, Fr) => {
            "Cette phrase de passe serait trop facile à deviner : allongez-la, par exemple avec quelques mots de plus."
        }
        (C::PassphraseTooWeak, En) => {
            "This passphrase would be too easy to guess: make it longer, for instance with a few more words."
        }
        (C::WrongSecret, Fr) => {
            "Ce n’est pas la bonne phrase de passe (ou clé de secours). Réessayez."
        }
        (C::WrongSecret, En) => "That is not the right passphrase (or recovery key). Try again.",
        (C::RecoveryKeyMistyped, Fr) => {
            "Cette clé de secours contient une faute de frappe : vérifiez chaque groupe de caractères."
        }
        (C::RecoveryKeyMistyped, En) => {
            "This recovery key has a typing mistake: check each group of characters."
        }
        (C::KeyringUnavailable, Fr) => {
            "Le trousseau du système n’est pas disponible (absent, verrouillé ou vidé) : saisissez votre phrase de passe."
        }
        (C::KeyringUnavailable, En) => {
            "The system keyring is not available (missing, locked or emptied): enter your passphrase."
        }
        (C::KeyringMismatch, Fr) => {
            "Le trousseau du système contient une autre clé que celle de ce coffre : saisissez votre phrase de passe."
        }
        (C::KeyringMismatch, En) => {
            "The system keyring holds a different key from this vault’s: enter your passphrase."
        }
        (C::KeyFileDamaged, Fr) => {
            "Le fichier de clés du coffre est absent ou abîmé. Rien n’a été modifié : restaurez une sauvegarde."
        }
        (C::KeyFileDamaged, En) => {
            "The vault’s key file is missing or damaged. Nothing was changed: restore a backup."
        }
        (C::VaultCorrupted, Fr) => {
            "Le coffre ne s’ouvre pas correctement : il est peut-être abîmé. Rien n’a été modifié : restaurez une sauvegarde."
        }
        (C::VaultCorrupted, En) => {
            "The vault does not open properly: it may be damaged. Nothing was changed: restore a backup."
        }
        (C::VaultTooNew, Fr) => {
            "Ce coffre a été écrit par une version plus récente de Carnet. Il n’a pas été modifié : mettez Carnet à jour."
        }
        (C::VaultTooNew, En) => {
            "This vault was written by a newer version of Carnet. It was not changed: update Carnet."
        }
        (C::VaultLocked, Fr) => "Le coffre est verrouillé : déverrouillez-le d’abord.",
        (C::VaultLocked, En) => "The vault is locked: unlock it first.",
        (C::VaultExists, Fr) => "Un coffre existe déjà ici : il n’a pas été remplacé.",
        (C::VaultExists, En) => "A vault already exists here: it was not replaced.",
        (C::NoVault, Fr) => "Il n’y a pas encore de coffre ici.",
        (C::NoVault, En) => "There is no vault here yet.",
        (C::TooLarge, Fr) => {
            "Ce fichier dépasse 200 Mo, la limite des formulaires en ligne : réduisez-le ou découpez-le."
        }
        (C::TooLarge, En) => {
            "This file is over 200 MB, the limit of the online forms: make it smaller or split it."
        }
        (C::EmptyFile, Fr) => "Ce fichier est vide : il ne peut pas servir de pièce.",
        (C::EmptyFile, En) => "This file is empty: it cannot be used as evidence.",
        (C::NotFound, Fr) => "Cet élément n’existe plus.",
        (C::NotFound, En) => "This item no longer exists.",
        (C::ArchiveDamaged, Fr) => {
            "Ce fichier n’est pas une archive Carnet, ou il a été modifié. Rien n’a été remplacé."
        }
        (C::ArchiveDamaged, En) => {
            "This file is not a Carnet archive, or it was altered. Nothing was replaced."
        }
        (C::PlatformInUse, Fr) => {
            "Des incidents concernent encore cette plateforme : mettez-les d’abord à la corbeille."
        }
        (C::PlatformInUse, En) => {
            "Incidents still concern this platform: move them to the trash first."
        }
        (C::PlatformExists, Fr) => {
            "Cette plateforme est déjà dans votre liste : complétez sa fiche (plusieurs comptes vendeur y ont leur place)."
        }
        (C::PlatformExists, En) => {
            "This platform is already in your list: complete its record (it holds several seller accounts)."
        }
        (C::DiskFull, Fr) => {
            "Le disque est plein : rien n’a été modifié. Libérez de la place puis réessayez."
        }
        (C::DiskFull, En) => {
            "The disk is full: nothing was changed. Free some space and try again."
        }
        (C::Io, Fr) => "Carnet n’a pas pu lire ou écrire dans son dossier de données.",
        (C::Io, En) => "Carnet could not read or write its data folder.",
        (C::DossierIncomplete, Fr) => {
            "Il manque encore des éléments requis par ce destinataire : complétez ceux que la liste indique, puis exportez."
        }
        (C::DossierIncomplete, En) => {
            "Some elements this recipient requires are still missing: complete those the list shows, then export."
        }
        (C::PieceAltered, Fr) => {
            "Une pièce ne peut pas être lue ou ne correspond plus à son empreinte SHA-256 : aucun fichier n’a été écrit. Restaurez une sauvegarde."
        }
        (C::PieceAltered, En) => {
            "A piece of evidence cannot be read or no longer matches its SHA-256 fingerprint: no file was written. Restore a backup."
        }
        (C::ExportFailed, Fr) => {
            "Le fichier n’a pas pu être écrit à cet endroit : aucun fichier partiel n’a été laissé. Choisissez un autre emplacement."
        }
        (C::ExportFailed, En) => {
            "The file could not be written there: no partial file was left. Choose another place."
        }
        (C::SpreadsheetEmpty, Fr) => "Ce fichier ne contient aucune ligne à importer.",
        (C::SpreadsheetEmpty, En) => "This file holds no row to import.",
        (C::SpreadsheetTooLarge, Fr) => {
            "Ce tableur dépasse la limite de 50 Mo ou de 100 000 lignes : rien n’a été importé. Découpez-le en plusieurs fichiers."
        }
        (C::SpreadsheetTooLarge, En) => {
            "This spreadsheet is over the limit of 50 MB or 100,000 rows: nothing was imported. Split it into several files."
        }
        (C::SpreadsheetUnreadable, Fr) => {
            "Ce fichier ne peut pas être lu comme un tableur (.xlsx, .xls, .ods, .csv) ni comme un journal Carnet (.json) : il est peut-être endommagé, protégé par un mot de passe ou d’un autre type. Enregistrez-le de nouveau depuis votre tableur."
        }
        (C::SpreadsheetUnreadable, En) => {
            "This file cannot be read as a spreadsheet (.xlsx, .xls, .ods, .csv) or as a Carnet journal (.json): it may be damaged, password-protected or of another type. Save it again from your spreadsheet program."
        }
        (C::NotAJournal, Fr) => {
            "Ce fichier .json n’est pas un journal exporté par Carnet, ou vient d’une version plus récente de Carnet."
        }
        (C::NotAJournal, En) => {
            "This .json file is not a journal exported by Carnet, or comes from a newer version of Carnet."
        }
        (C::NoImport, Fr) => {
            "Aucun import n’est en cours : choisissez de nouveau le fichier à importer."
        }
        (C::NoImport, En) => "No import is under way: choose the file to import again.",
        (C::ProofRefused, Fr) => {
            "Cette preuve ne correspond pas à la pièce (autre empreinte ou signature invalide) : elle n’a pas été enregistrée."
        }
        (C::ProofRefused, En) => {
            "This proof does not match the piece (another fingerprint or an invalid signature): it was not stored."
        }
    }
}

fn invalid(field: Field, locale: Locale) -> &'static str {
    use Locale::{En, Fr};
    match (field, locale) {
        (Field::Locale, Fr) => "Langue inconnue : choisissez le français ou l’anglais.",
        (Field::Locale, En) => "Unknown language: choose French or English.",
        (Field::Passphrase, Fr) => "La phrase de passe doit compter de 10 à 1 024 caractères.",
        (Field::Passphrase, En) => "The passphrase must be 10 to 1,024 characters long.",
        (Field::PassphraseConfirmation, Fr) => {
            "La confirmation ne correspond pas à la phrase de passe."
        }
        (Field::PassphraseConfirmation, En) => "The confirmation does not match the passphrase.",
        (Field::AutoLockMinutes, Fr) => "Le délai de verrouillage doit aller de 1 à 240 minutes.",
        (Field::AutoLockMinutes, En) => "The lock delay must be between 1 and 240 minutes.",
        (Field::ClipboardText, Fr) => {
            "Ce texte est trop long pour être copié (100 000 caractères au plus)."
        }
        (Field::ClipboardText, En) => "This text is too long to copy (at most 100,000 characters).",
        (Field::TsaUrl, Fr) => {
            "Adresse d’autorité d’horodatage invalide : elle commence par https:// ou http:// et fait au plus 300 caractères."
        }
        (Field::TsaUrl, En) => {
            "Invalid time-stamping authority address: it starts with https:// or http:// and has at most 300 characters."
        }
        (Field::BackupId, Fr) => "Cette sauvegarde n’existe pas.",
        (Field::BackupId, En) => "This backup does not exist.",
        (Field::Siren, Fr) => {
            "Un numéro SIREN compte 9 chiffres, dont une clé de contrôle : vérifiez-le."
        }
        (Field::Siren, En) => "A SIREN number has 9 digits, including a check digit: check it.",
        (Field::Siret, Fr) => {
            "Un numéro SIRET compte 14 chiffres, dont une clé de contrôle : vérifiez-le."
        }
        (Field::Siret, En) => "A SIRET number has 14 digits, including a check digit: check it.",
        (Field::Naf, Fr) => "Un code NAF s’écrit comme 47.91B : quatre chiffres et une lettre.",
        (Field::Naf, En) => "A NAF code looks like 47.91B: four digits and a letter.",
        (Field::Amount, Fr) => "Montant illisible : écrivez-le par exemple 1 234,56 €.",
        (Field::Amount, En) => "This amount cannot be read: write it like €1,234.56.",
        (Field::Email, Fr) => {
            "Cette adresse e-mail ne semble pas complète : écrivez-la comme nom@exemple.fr."
        }
        (Field::Email, En) => {
            "This e-mail address does not look complete: write it like name@example.com."
        }
        (Field::Phone, Fr) => {
            "Numéro illisible : écrivez un numéro français (06 12 34 56 78) ou un numéro international commençant par +."
        }
        (Field::Phone, En) => {
            "This number cannot be read: write a French number (06 12 34 56 78) or an international one starting with +."
        }
        (Field::Postcode, Fr) => {
            "Un code postal français compte 5 chiffres ; ailleurs, 12 lettres, chiffres ou tirets au plus."
        }
        (Field::Postcode, En) => {
            "A French postcode has 5 digits; elsewhere, at most 12 letters, digits or hyphens."
        }
        (Field::Country, Fr) => "Choisissez un pays de la liste.",
        (Field::Country, En) => "Choose a country from the list.",
        (Field::SiretOfAnotherSiren, Fr) => {
            "Ce SIRET n’est pas celui d’un établissement de ce SIREN : ses 9 premiers chiffres doivent être le SIREN."
        }
        (Field::SiretOfAnotherSiren, En) => {
            "This SIRET is not an establishment of this SIREN: its first 9 digits must be the SIREN."
        }
        (Field::CompanyLegalName, Fr) => {
            "Donnez la raison sociale de l’entreprise, en 200 caractères au plus."
        }
        (Field::CompanyLegalName, En) => {
            "Give the company’s legal name, in 200 characters at most."
        }
        (Field::CompanyLegalForm, Fr) => "La forme juridique ne peut dépasser 100 caractères.",
        (Field::CompanyLegalForm, En) => "The legal form cannot be over 100 characters.",
        (Field::CompanySizeClass, Fr) => "Choisissez une taille d’entreprise de la liste.",
        (Field::CompanySizeClass, En) => "Choose a company size from the list.",
        (Field::CompanyHeadcount, Fr) => "L’effectif est un nombre entier de 0 à 100 000.",
        (Field::CompanyHeadcount, En) => "The headcount is a whole number from 0 to 100,000.",
        (Field::CompanyStreet, Fr) => "L’adresse ne peut dépasser 200 caractères.",
        (Field::CompanyStreet, En) => "The street address cannot be over 200 characters.",
        (Field::CompanyCity, Fr) => "La ville ne peut dépasser 100 caractères.",
        (Field::CompanyCity, En) => "The city cannot be over 100 characters.",
        (Field::CompanyContactName, Fr) => {
            "Le nom de la personne à contacter ne peut dépasser 100 caractères."
        }
        (Field::CompanyContactName, En) => "The contact’s name cannot be over 100 characters.",
        (Field::CompanyContactRole, Fr) => {
            "La fonction de la personne à contacter ne peut dépasser 100 caractères."
        }
        (Field::CompanyContactRole, En) => "The contact’s role cannot be over 100 characters.",
        (Field::PlatformCatalogueId, Fr) => {
            "Choisissez une plateforme de la liste, ou saisissez son nom."
        }
        (Field::PlatformCatalogueId, En) => "Choose a platform from the list, or type its name.",
        (Field::PlatformName, Fr) => "Donnez le nom de la plateforme, en 100 caractères au plus.",
        (Field::PlatformName, En) => "Give the platform’s name, in 100 characters at most.",
        (Field::PlatformService, Fr) => "Choisissez un type de service de la liste.",
        (Field::PlatformService, En) => "Choose a type of service from the list.",
        (Field::PlatformLegalEntity, Fr) => {
            "La société qui exploite la plateforme ne peut dépasser 200 caractères."
        }
        (Field::PlatformLegalEntity, En) => {
            "The company operating the platform cannot be over 200 characters."
        }
        (Field::PlatformSellerAccounts, Fr) => {
            "Indiquez 20 identifiants de compte au plus, de 100 caractères chacun au plus."
        }
        (Field::PlatformSellerAccounts, En) => {
            "Give at most 20 account IDs, each of at most 100 characters."
        }
        (Field::PlatformRelationshipStart, Fr) => {
            "Début de la relation : écrivez la date AAAA-MM-JJ, de 1990 à aujourd’hui."
        }
        (Field::PlatformRelationshipStart, En) => {
            "Start of the relationship: write the date YYYY-MM-DD, from 1990 to today."
        }
        (Field::PlatformTurnoverShare, Fr) => {
            "La part du chiffre d’affaires est un pourcentage entier de 0 à 100."
        }
        (Field::PlatformTurnoverShare, En) => {
            "The share of turnover is a whole percentage from 0 to 100."
        }
        (Field::PlatformComplaintChannel, Fr) => {
            "Le moyen de réclamation ne peut dépasser 500 caractères."
        }
        (Field::PlatformComplaintChannel, En) => {
            "The complaint channel cannot be over 500 characters."
        }
        (Field::PlatformMediators, Fr) => {
            "Indiquez 10 médiateurs au plus, de 200 caractères chacun au plus."
        }
        (Field::PlatformMediators, En) => {
            "Give at most 10 mediators, each of at most 200 characters."
        }
        (Field::PlatformOocBodies, Fr) => {
            "Indiquez 10 organismes au plus, de 200 caractères chacun au plus."
        }
        (Field::PlatformOocBodies, En) => "Give at most 10 bodies, each of at most 200 characters.",
        (Field::PlatformTermsVersion, Fr) => {
            "La version des conditions ne peut dépasser 100 caractères."
        }
        (Field::PlatformTermsVersion, En) => "The terms version cannot be over 100 characters.",
        (Field::PlatformAddress, Fr) => "L’adresse ne peut dépasser 500 caractères.",
        (Field::PlatformAddress, En) => "The address cannot be over 500 characters.",
        (Field::IncidentPlatform, Fr) => "Choisissez une plateforme de la liste.",
        (Field::IncidentPlatform, En) => "Choose a platform from the list.",
        (Field::IncidentCategory, Fr) => "Choisissez une catégorie de la liste.",
        (Field::IncidentCategory, En) => "Choose a category from the list.",
        (Field::IncidentMeasure, Fr) => "Choisissez une mesure de la liste, ou aucune.",
        (Field::IncidentMeasure, En) => "Choose a measure from the list, or none.",
        (Field::IncidentTitle, Fr) => "Donnez un titre de 1 à 200 caractères.",
        (Field::IncidentTitle, En) => "Give a title of 1 to 200 characters.",
        (Field::IncidentOccurredOn, Fr) => DATE_FR,
        (Field::IncidentOccurredOn, En) => DATE_EN,
        (Field::IncidentNotifiedOn, Fr) => {
            "Date de notification : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::IncidentNotifiedOn, En) => {
            "Notification date: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::IncidentTookEffectOn, Fr) => {
            "Date de prise d’effet : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::IncidentTookEffectOn, En) => {
            "Date it took effect: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::IncidentDecisionOn, Fr) => {
            "Date de la décision : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::IncidentDecisionOn, En) => {
            "Decision date: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::IncidentComplaintSentOn, Fr) => {
            "Date de la réclamation : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::IncidentComplaintSentOn, En) => {
            "Complaint date: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::IncidentAnswerReceivedOn, Fr) => {
            "Date de la réponse : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::IncidentAnswerReceivedOn, En) => {
            "Answer date: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::IncidentReferralOn, Fr) => {
            "Date de saisine du médiateur : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::IncidentReferralOn, En) => {
            "Referral date: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::IncidentReferralDecidedOn, Fr) => {
            "Date de la décision du médiateur : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::IncidentReferralDecidedOn, En) => {
            "Out-of-court decision date: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::IncidentReasonsReceived, Fr) => "Répondez oui, non ou je ne sais pas.",
        (Field::IncidentReasonsReceived, En) => "Answer yes, no or unknown.",
        (Field::IncidentStatus, Fr) => "Choisissez un statut de la liste.",
        (Field::IncidentStatus, En) => "Choose a status from the list.",
        (Field::IncidentFundsHeld, Fr) => {
            "Sommes retenues : écrivez un montant positif, par exemple 1 234,56 €."
        }
        (Field::IncidentFundsHeld, En) => "Funds held: write a positive amount, like €1,234.56.",
        (Field::IncidentSalesLost, Fr) => {
            "Ventes perdues : écrivez un montant positif, par exemple 1 234,56 €."
        }
        (Field::IncidentSalesLost, En) => "Sales lost: write a positive amount, like €1,234.56.",
        (Field::IncidentFees, Fr) => "Frais : écrivez un montant positif, par exemple 1 234,56 €.",
        (Field::IncidentFees, En) => "Fees: write a positive amount, like €1,234.56.",
        (Field::IncidentAmountsNote, Fr) => {
            "L’explication des montants ne peut dépasser 2 000 caractères."
        }
        (Field::IncidentAmountsNote, En) => {
            "The note on the amounts cannot be over 2,000 characters."
        }
        (Field::IncidentDecisionReference, Fr) => {
            "La référence de la décision ne peut dépasser 200 caractères."
        }
        (Field::IncidentDecisionReference, En) => {
            "The decision reference cannot be over 200 characters."
        }
        (Field::IncidentDescription, Fr) => "La description ne peut dépasser 20 000 caractères.",
        (Field::IncidentDescription, En) => "The description cannot be over 20,000 characters.",
        (Field::IncidentWanted, Fr) => "Ce que vous demandez ne peut dépasser 5 000 caractères.",
        (Field::IncidentWanted, En) => "What you ask for cannot be over 5,000 characters.",
        (Field::IncidentTags, Fr) => "20 étiquettes au plus, de 40 caractères chacune au plus.",
        (Field::IncidentTags, En) => "At most 20 tags, each at most 40 characters long.",
        (Field::IncidentList, Fr) => "Ce filtre ou cette page de la liste n’est pas valable.",
        (Field::IncidentList, En) => "This filter or page of the list is not valid.",
        (Field::EventDate, Fr) => {
            "Date de l’événement : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::EventDate, En) => {
            "Event date: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::EventActor, Fr) => {
            "Dites qui a agi : vous, la plateforme, un tiers ou une autorité."
        }
        (Field::EventActor, En) => {
            "Say who acted: you, the platform, a third party or an authority."
        }
        (Field::EventChannel, Fr) => "Choisissez un moyen de contact de la liste.",
        (Field::EventChannel, En) => "Choose a channel from the list.",
        (Field::EventSummary, Fr) => "Résumez l’événement en 1 à 300 caractères.",
        (Field::EventSummary, En) => "Sum up the event in 1 to 300 characters.",
        (Field::EventFullText, Fr) => "Le texte complet ne peut dépasser 100 000 caractères.",
        (Field::EventFullText, En) => "The full text cannot be over 100,000 characters.",
        (Field::EventPieces, Fr) => "Ne liez que des pièces de ce même incident.",
        (Field::EventPieces, En) => "Link only pieces of this same incident.",
        (Field::EventDecision, Fr) => "Choisissez une des décisions proposées, ou aucune.",
        (Field::EventDecision, En) => "Choose one of the decisions offered, or none.",
        (Field::EventReasons, Fr) => {
            "Cochez seulement les éléments proposés, après avoir choisi la décision de la plateforme."
        }
        (Field::EventReasons, En) => {
            "Tick only the elements offered, after choosing the platform’s decision."
        }
        (Field::PieceTitle, Fr) => "Donnez à la pièce un titre de 1 à 200 caractères.",
        (Field::PieceTitle, En) => "Give the piece a title of 1 to 200 characters.",
        (Field::PieceDate, Fr) => {
            "Date de la pièce : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus."
        }
        (Field::PieceDate, En) => {
            "Date of the piece: write it YYYY-MM-DD, from 1990 to a year from now at most."
        }
        (Field::PieceNote, Fr) => "La note de la pièce ne peut dépasser 5 000 caractères.",
        (Field::PieceNote, En) => "The note on the piece cannot be over 5,000 characters.",
        (Field::PieceName, Fr) => "Le nom du fichier doit compter de 1 à 255 caractères.",
        (Field::PieceName, En) => "The file name must be 1 to 255 characters long.",
        (Field::PieceMediaType, Fr) => "Le type du fichier n’est pas reconnu.",
        (Field::PieceMediaType, En) => "The file type is not recognised.",
        (Field::PieceContent, Fr) => "Le contenu du fichier n’a pas été transmis correctement.",
        (Field::PieceContent, En) => "The file’s content did not come through correctly.",
        (Field::EmailFile, Fr) => "Ce fichier ne se lit pas comme un e-mail (.eml).",
        (Field::EmailFile, En) => "This file cannot be read as an e-mail (.eml).",
        (Field::TrashEntity, Fr) => {
            "La corbeille ne contient que des incidents, événements et pièces."
        }
        (Field::TrashEntity, En) => "The trash only holds incidents, events and pieces.",
        (Field::SearchQuery, Fr) => "Le texte à chercher ne doit pas dépasser 300 caractères.",
        (Field::SearchQuery, En) => "The text to search for must not exceed 300 characters.",
        (Field::SearchPlatforms, Fr) => "Le filtre des plateformes n’est pas valable.",
        (Field::SearchPlatforms, En) => "The platform filter is not valid.",
        (Field::SearchCategories, Fr) => "Une des catégories choisies n’existe pas.",
        (Field::SearchCategories, En) => "One of the chosen categories does not exist.",
        (Field::SearchAxes, Fr) => "Les axes de la charte sont A1, A2 et A3.",
        (Field::SearchAxes, En) => "The charter's axes are A1, A2 and A3.",
        (Field::SearchStatuses, Fr) => "Un des statuts choisis n’existe pas.",
        (Field::SearchStatuses, En) => "One of the chosen statuses does not exist.",
        (Field::SearchPeriod, Fr) => {
            "La période doit aller d’une date à une date plus tardive (AAAA-MM-JJ)."
        }
        (Field::SearchPeriod, En) => {
            "The period must run from one date to a later one (YYYY-MM-DD)."
        }
        (Field::SearchSort, Fr) => "Cet ordre de tri n’existe pas.",
        (Field::SearchSort, En) => "This sort order does not exist.",
        (Field::SearchPage, Fr) => "Cette page de résultats n’existe pas.",
        (Field::SearchPage, En) => "This page of results does not exist.",
        (Field::BarometerMonths, Fr) => "Le tableau de bord couvre de 1 à 36 mois.",
        (Field::BarometerMonths, En) => "The dashboard covers 1 to 36 months.",
        (Field::DossierDestination, Fr) => "Ce destinataire n’existe pas.",
        (Field::DossierDestination, En) => "This recipient does not exist.",
        (Field::DossierLocale, Fr) => "Le dossier s’écrit en français ou en anglais.",
        (Field::DossierLocale, En) => "The dossier is written in French or English.",
        (Field::DossierIncidents, Fr) => "Un dossier réunit de 1 à 200 incidents du journal.",
        (Field::DossierIncidents, En) => "A dossier gathers 1 to 200 incidents of the journal.",
        (Field::DossierTitle, Fr) => "Le titre du dossier ne doit pas dépasser 200 caractères.",
        (Field::DossierTitle, En) => "The dossier’s title must not exceed 200 characters.",
        (Field::DossierSummary, Fr) => {
            "Le résumé ne doit pas dépasser 400 caractères (le plus petit champ du formulaire en ligne)."
        }
        (Field::DossierSummary, En) => {
            "The summary must not exceed 400 characters (the smallest field of the online form)."
        }
        (Field::DossierAsks, Fr) => {
            "Une demande n’est pas valable : choisissez son type, 2 000 caractères au plus, 20 demandes au plus."
        }
        (Field::DossierAsks, En) => {
            "A request is not valid: choose its type, at most 2,000 characters, at most 20 requests."
        }
        (Field::DossierIpRights, Fr) => {
            "Un droit de propriété intellectuelle n’est pas valable : choisissez son type, des textes plus courts, 20 droits au plus."
        }
        (Field::DossierIpRights, En) => {
            "An intellectual property right is not valid: choose its type, shorter texts, at most 20 rights."
        }
        (Field::DossierMediateurRequest, Fr) => {
            "Choisissez une sollicitation (une question) ou une saisine (une demande de médiation)."
        }
        (Field::DossierMediateurRequest, En) => {
            "Choose a sollicitation (a question) or a saisine (a request for mediation)."
        }
        (Field::DossierFramework, Fr) => "Le cadre de la saisine ne peut dépasser 200 caractères.",
        (Field::DossierFramework, En) => "The framework cannot be over 200 characters.",
        (Field::DossierHandledSoFar, Fr) => {
            "Ce qui a déjà été tenté ne peut dépasser 4 000 caractères."
        }
        (Field::DossierHandledSoFar, En) => {
            "What was already tried cannot be over 4,000 characters."
        }
        (Field::DossierProvisions, Fr) => {
            "Indiquez au plus 20 dispositions du DSA, chacune en moins de 50 caractères (par exemple « DSA 20 »)."
        }
        (Field::DossierProvisions, En) => {
            "Give at most 20 DSA provisions, each under 50 characters (for example “DSA 20”)."
        }
        (Field::DossierMediator, Fr) => "Le nom du médiateur ne peut dépasser 200 caractères.",
        (Field::DossierMediator, En) => "The mediator’s name cannot be over 200 characters.",
        (Field::DossierListings, Fr) => {
            "Chaque annonce est une adresse web complète (https:// …) ou un ASIN de 10 caractères ; 200 au plus."
        }
        (Field::DossierListings, En) => {
            "Each listing is a full web address (https:// …) or a 10-character ASIN; at most 200."
        }
        (Field::DossierIdentity, Fr) => {
            "Choisissez si la plateforme peut connaître l’identité de l’entreprise, ou non."
        }
        (Field::DossierIdentity, En) => {
            "Choose whether the platform may learn the company’s identity, or not."
        }
        (Field::DossierSignatory, Fr) => "Le signataire ne doit pas dépasser 200 caractères.",
        (Field::DossierSignatory, En) => "The signatory must not exceed 200 characters.",
        (Field::DossierPlace, Fr) => "Le lieu ne doit pas dépasser 100 caractères.",
        (Field::DossierPlace, En) => "The place must not exceed 100 characters.",
        (Field::DossierSubmittedOn, Fr) => {
            "Date d’envoi : écrivez-la AAAA-MM-JJ, au plus tard aujourd’hui."
        }
        (Field::DossierSubmittedOn, En) => "Date sent: write it YYYY-MM-DD, today at the latest.",
        (Field::DossierReference, Fr) => "La référence ne doit pas dépasser 100 caractères.",
        (Field::DossierReference, En) => "The reference must not exceed 100 characters.",
    }
}

const DATE_FR: &str = "Date de l’incident : écrivez-la AAAA-MM-JJ, de 1990 à un an d’ici au plus.";
const DATE_EN: &str = "Incident date: write it YYYY-MM-DD, from 1990 to a year from now at most.";

#[cfg(test)]
mod tests {
    use super::*;
    use ts_rs::TS;

    /// Every code of the TypeScript union, read back from ts-rs so a new code is covered.
    fn all_codes() -> Vec<ErrorCode> {
        let decl = ErrorCode::inline(&ts_rs::Config::default());
        decl.split('|')
            .map(|s| serde_json::from_str(s.trim()).expect("a code"))
            .collect()
    }

    #[test]
    fn every_code_is_said_differently_in_each_language() {
        let codes = all_codes();
        assert!(codes.len() >= 18);
        for code in codes {
            let (fr, en) = (error(code, None, Locale::Fr), error(code, None, Locale::En));
            assert!(!fr.is_empty() && !en.is_empty());
            assert_ne!(fr, en, "{code:?}");
            for m in [&fr, &en] {
                assert!(
                    !m.contains('/') || m.contains("/ "),
                    "no path-like text: {m}"
                );
            }
        }
    }

    #[test]
    fn every_field_is_said_differently_in_each_language() {
        let decl = Field::inline(&ts_rs::Config::default());
        let fields: Vec<Field> = decl
            .split('|')
            .map(|s| serde_json::from_str(s.trim()).expect("a field"))
            .collect();
        assert!(fields.len() >= 9);
        for field in fields {
            let (fr, en) = (
                error(ErrorCode::InvalidInput, Some(field), Locale::Fr),
                error(ErrorCode::InvalidInput, Some(field), Locale::En),
            );
            assert!(!fr.is_empty() && fr != en, "{field:?}");
            assert!(!fr.contains(" :"), "French spacing in {fr:?}");
        }
    }

    #[test]
    fn french_messages_use_french_spacing_before_colons() {
        for code in all_codes() {
            let fr = error(code, None, Locale::Fr);
            assert!(
                !fr.contains(" :"),
                "ordinary space before a colon in {fr:?}"
            );
        }
    }
}
