//! Carnet's outputs: the PDF dossier, the evidence bundle and the submission texts. Takes a
//! report model from `carnet-core`; knows nothing of storage. Today: French typography, the
//! first brick of the PDF layout.

pub mod typography;
