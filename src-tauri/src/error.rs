//! What the UI receives when a command fails: `IpcError { code, message }`. The code comes from
//! a closed list the UI switches on; the message is in the owner's language and never holds a
//! path, a secret or the owner's own input. A code is added only when a screen uses it.

use carnet_core::{CoreError, Field, Locale};
use carnet_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// An input was refused by validation; `field` says which.
    InvalidInput,
    /// The disk is full: nothing was replaced.
    DiskFull,
    /// Reading or writing the data folder failed.
    Io,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    /// The input concerned, when the code is `invalid_input`.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    pub message: String,
}

/// Errors of the library crates, said in the owner's language.
pub trait Localise {
    fn localise(&self, locale: Locale) -> IpcError;
}

impl Localise for CoreError {
    fn localise(&self, locale: Locale) -> IpcError {
        match self {
            CoreError::Invalid(field) => IpcError {
                code: ErrorCode::InvalidInput,
                field: Some(*field),
                message: invalid_message(*field, locale).to_owned(),
            },
        }
    }
}

impl Localise for StoreError {
    fn localise(&self, locale: Locale) -> IpcError {
        let (code, message) = match (self, locale) {
            (StoreError::DiskFull, Locale::Fr) => (
                ErrorCode::DiskFull,
                "Le disque est plein : rien n’a été modifié. Libérez de la place puis réessayez.",
            ),
            (StoreError::DiskFull, Locale::En) => (
                ErrorCode::DiskFull,
                "The disk is full: nothing was changed. Free some space and try again.",
            ),
            (StoreError::Io(_), Locale::Fr) => (
                ErrorCode::Io,
                "Carnet n’a pas pu lire ou écrire dans son dossier de données.",
            ),
            (StoreError::Io(_), Locale::En) => (
                ErrorCode::Io,
                "Carnet could not read or write its data folder.",
            ),
        };
        IpcError {
            code,
            field: None,
            message: message.to_owned(),
        }
    }
}

fn invalid_message(field: Field, locale: Locale) -> &'static str {
    match (field, locale) {
        (Field::Locale, Locale::Fr) => "Langue inconnue : choisissez le français ou l’anglais.",
        (Field::Locale, Locale::En) => "Unknown language: choose French or English.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_is_said_in_both_languages_differently() {
        let errors: Vec<Box<dyn Localise>> = vec![
            Box::new(CoreError::Invalid(Field::Locale)),
            Box::new(StoreError::DiskFull),
            Box::new(StoreError::Io(std::io::ErrorKind::PermissionDenied)),
        ];
        for e in errors {
            let (fr, en) = (e.localise(Locale::Fr), e.localise(Locale::En));
            assert_eq!(fr.code, en.code);
            assert_ne!(fr.message, en.message);
            assert!(!fr.message.is_empty() && !en.message.is_empty());
        }
    }

    #[test]
    fn serialises_as_the_ui_expects() {
        let e = CoreError::Invalid(Field::Locale).localise(Locale::En);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "invalid_input");
        assert_eq!(json["field"], "locale");
        let io = StoreError::Io(std::io::ErrorKind::Other).localise(Locale::Fr);
        assert!(serde_json::to_value(&io).unwrap().get("field").is_none());
    }
}
