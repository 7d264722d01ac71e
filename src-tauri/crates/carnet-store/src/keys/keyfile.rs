//! The key file (`vault.key`), a small versioned JSON document beside the database:
//!
//! ```json
//! { "format": "carnet-key", "body": { "version": 1, "vaultId": "…", "slots": [ … ] },
//!   "sha256": "<hex of the body's bytes>" }
//! ```
//!
//! Each slot holds the vault key sealed (XChaCha20-Poly1305) by one way in: the passphrase or
//! the recovery key (through Argon2id, with its salt and cost), or a device secret kept in the
//! OS keyring. The checksum tells a damaged file (restore a backup) from a wrong passphrase
//! (try again); a file from a newer Carnet is refused, never rewritten.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::atomic::write_atomic;
use crate::error::StoreError;
use crate::keys::kdf::{KdfParams, SALT_LEN};
use crate::keys::{VaultKey, aead, random_bytes};

/// The envelope's `format`: what tells a key file from any other JSON.
pub const FORMAT: &str = "carnet-key";
/// The body's version this Carnet writes and reads; a higher one is [`StoreError::VaultTooNew`].
pub const VERSION: u32 = 1;
/// Larger than any real key file by far; a bigger file is not read into memory.
const MAX_FILE_LEN: u64 = 64 * 1024;

/// A way in to the vault: each seals the vault key once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlotKind {
    /// The owner's passphrase, through Argon2id.
    Passphrase,
    /// The recovery key, through Argon2id.
    Recovery,
    /// A secret this computer keeps in the OS keyring.
    Device,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Kdf {
    algorithm: String,
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Slot {
    kind: SlotKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    device_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kdf: Option<Kdf>,
    nonce: String,
    sealed: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Body {
    version: u32,
    vault_id: String,
    slots: Vec<Slot>,
}

#[derive(Serialize, Deserialize)]
struct Envelope<'a> {
    format: String,
    #[serde(borrow)]
    body: &'a RawValue,
    sha256: String,
}

/// Only the version, read first so a newer file is recognised whatever else it holds.
#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// The key file's content: the vault's id and its slots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFile {
    body: Body,
}

impl KeyFile {
    /// A key file for `vault_id` with no slot yet.
    pub fn new(vault_id: &str) -> Self {
        KeyFile {
            body: Body {
                version: VERSION,
                vault_id: vault_id.to_owned(),
                slots: Vec::new(),
            },
        }
    }

    /// The id of the vault this file opens.
    pub fn vault_id(&self) -> &str {
        &self.body.vault_id
    }

    /// Whether a slot of this kind is present.
    pub fn has(&self, kind: SlotKind) -> bool {
        self.body.slots.iter().any(|s| s.kind == kind)
    }

    /// Seals `key` under a passphrase or a recovery key, replacing any slot of that kind.
    pub fn set_secret_slot(
        &mut self,
        kind: SlotKind,
        secret: &[u8],
        params: KdfParams,
        key: &VaultKey,
    ) -> Result<(), StoreError> {
        debug_assert!(kind != SlotKind::Device);
        let salt = random_bytes::<SALT_LEN>()?;
        let wrapping = params.derive(secret, &salt)?;
        let kdf = Kdf {
            algorithm: "argon2id".into(),
            params,
            salt: B64.encode(salt),
        };
        self.seal_slot(kind, None, Some(kdf), &wrapping, key)
    }

    /// Seals `key` under the secret this computer keeps in its keyring.
    pub fn set_device_slot(
        &mut self,
        device_id: &str,
        device_secret: &[u8; 32],
        key: &VaultKey,
    ) -> Result<(), StoreError> {
        self.seal_slot(
            SlotKind::Device,
            Some(device_id.to_owned()),
            None,
            device_secret,
            key,
        )
    }

    fn seal_slot(
        &mut self,
        kind: SlotKind,
        device_id: Option<String>,
        kdf: Option<Kdf>,
        wrapping: &[u8; 32],
        key: &VaultKey,
    ) -> Result<(), StoreError> {
        let mut slot = Slot {
            kind,
            device_id,
            kdf,
            nonce: String::new(),
            sealed: String::new(),
        };
        let (nonce, sealed) = aead::seal(wrapping, &self.aad(&slot), key.bytes())?;
        slot.nonce = B64.encode(nonce);
        slot.sealed = B64.encode(sealed);
        self.remove(kind);
        self.body.slots.push(slot);
        Ok(())
    }

    /// Drops the slot of this kind, if any.
    pub fn remove(&mut self, kind: SlotKind) {
        self.body.slots.retain(|s| s.kind != kind);
    }

    /// The device slot's id (names the keyring entry), if this computer is remembered.
    pub fn device_id(&self) -> Option<&str> {
        self.slot(SlotKind::Device)
            .and_then(|s| s.device_id.as_deref())
    }

    /// Opens the vault key with a passphrase or a recovery key.
    pub fn open_with_secret(&self, kind: SlotKind, secret: &[u8]) -> Result<VaultKey, StoreError> {
        let slot = self.slot(kind).ok_or(StoreError::WrongSecret)?;
        let kdf = slot.kdf.as_ref().ok_or(StoreError::KeyFileDamaged)?;
        let salt = decode(&kdf.salt)?;
        let wrapping = kdf.params.derive(secret, &salt)?;
        self.open_slot(slot, &wrapping)
            .ok_or(StoreError::WrongSecret)
    }

    /// Opens the vault key with the keyring's device secret.
    pub fn open_with_device(&self, device_secret: &[u8; 32]) -> Result<VaultKey, StoreError> {
        let slot = self
            .slot(SlotKind::Device)
            .ok_or(StoreError::KeyringUnavailable)?;
        self.open_slot(slot, device_secret)
            .ok_or(StoreError::KeyringMismatch)
    }

    fn open_slot(&self, slot: &Slot, wrapping: &[u8; 32]) -> Option<VaultKey> {
        let nonce = decode(&slot.nonce).ok()?;
        let sealed = decode(&slot.sealed).ok()?;
        let plain = aead::open(wrapping, &self.aad(slot), &nonce, &sealed)?;
        let bytes: [u8; 32] = plain.as_slice().try_into().ok()?;
        Some(VaultKey::from_bytes(Zeroizing::new(bytes)))
    }

    fn slot(&self, kind: SlotKind) -> Option<&Slot> {
        self.body.slots.iter().find(|s| s.kind == kind)
    }

    /// What each sealed key is bound to: the file format, the vault, the slot and its cost.
    fn aad(&self, slot: &Slot) -> Vec<u8> {
        let kdf = slot
            .kdf
            .as_ref()
            .map(|k| {
                format!(
                    "{}:{}:{}:{}:{}",
                    k.algorithm,
                    k.params.memory_kib,
                    k.params.iterations,
                    k.params.parallelism,
                    k.salt
                )
            })
            .unwrap_or_default();
        format!(
            "{FORMAT}:v{}:{}:{:?}:{}:{kdf}",
            self.body.version,
            self.body.vault_id,
            slot.kind,
            slot.device_id.as_deref().unwrap_or("")
        )
        .into_bytes()
    }

    /// The file's bytes: the envelope, its body and the body's SHA-256, as pretty JSON.
    pub fn to_bytes(&self) -> Vec<u8> {
        let body = serde_json::to_string(&self.body).expect("the key file serialises");
        let sha256 = hex::encode(Sha256::digest(body.as_bytes()));
        let raw = RawValue::from_string(body).expect("valid JSON");
        let envelope = Envelope {
            format: FORMAT.into(),
            body: &raw,
            sha256,
        };
        let mut out = serde_json::to_vec_pretty(&envelope).expect("the key file serialises");
        out.push(b'\n');
        out
    }

    /// Reads a key file: [`StoreError::KeyFileDamaged`] on a wrong format or checksum,
    /// [`StoreError::VaultTooNew`] for a newer version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, StoreError> {
        let envelope: Envelope =
            serde_json::from_slice(bytes).map_err(|_| StoreError::KeyFileDamaged)?;
        if envelope.format != FORMAT {
            return Err(StoreError::KeyFileDamaged);
        }
        let raw = envelope.body.get();
        if hex::encode(Sha256::digest(raw.as_bytes())) != envelope.sha256 {
            return Err(StoreError::KeyFileDamaged);
        }
        let version: VersionOnly =
            serde_json::from_str(raw).map_err(|_| StoreError::KeyFileDamaged)?;
        if version.version > VERSION {
            return Err(StoreError::VaultTooNew);
        }
        if version.version != VERSION {
            return Err(StoreError::KeyFileDamaged);
        }
        let body: Body = serde_json::from_str(raw).map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(KeyFile { body })
    }

    /// Reads the key file at `path` (at most 64 KiB), as [`KeyFile::from_bytes`] does.
    pub fn load(path: &Path) -> Result<Self, StoreError> {
        let file = std::fs::File::open(path)?;
        if file.metadata()?.len() > MAX_FILE_LEN {
            return Err(StoreError::KeyFileDamaged);
        }
        let bytes = std::fs::read(path)?;
        Self::from_bytes(&bytes)
    }

    /// Writes the key file to `path` atomically.
    pub fn save(&self, path: &Path) -> Result<(), StoreError> {
        write_atomic(path, &self.to_bytes())
    }
}

fn decode(s: &str) -> Result<Vec<u8>, StoreError> {
    B64.decode(s).map_err(|_| StoreError::KeyFileDamaged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const P: KdfParams = KdfParams::insecure_for_tests();

    fn file_with_slots(key: &VaultKey) -> KeyFile {
        let mut f = KeyFile::new("v1");
        f.set_secret_slot(SlotKind::Passphrase, b"correct horse", P, key)
            .unwrap();
        f.set_secret_slot(SlotKind::Recovery, b"RECOVERY", P, key)
            .unwrap();
        f.set_device_slot("dev1", &[9; 32], key).unwrap();
        f
    }

    #[test]
    fn every_slot_opens_the_same_key_after_a_round_trip() {
        let key = VaultKey::generate().unwrap();
        let f = KeyFile::from_bytes(&file_with_slots(&key).to_bytes()).unwrap();
        let by_pass = f
            .open_with_secret(SlotKind::Passphrase, b"correct horse")
            .unwrap();
        let by_recovery = f.open_with_secret(SlotKind::Recovery, b"RECOVERY").unwrap();
        let by_device = f.open_with_device(&[9; 32]).unwrap();
        for k in [by_pass, by_recovery, by_device] {
            assert_eq!(k.bytes(), key.bytes());
        }
        assert_eq!(f.device_id(), Some("dev1"));
    }

    #[test]
    fn wrong_secrets_are_told_apart_from_damage() {
        let key = VaultKey::generate().unwrap();
        let f = file_with_slots(&key);
        assert!(matches!(
            f.open_with_secret(SlotKind::Passphrase, b"wrong"),
            Err(StoreError::WrongSecret)
        ));
        assert!(matches!(
            f.open_with_secret(SlotKind::Recovery, b"correct horse"),
            Err(StoreError::WrongSecret)
        ));
        assert!(matches!(
            f.open_with_device(&[8; 32]),
            Err(StoreError::KeyringMismatch)
        ));
    }

    #[test]
    fn no_plaintext_key_in_the_file() {
        let key = VaultKey::from_bytes(Zeroizing::new([0x5A; 32]));
        let bytes = file_with_slots(&key).to_bytes();
        assert!(!bytes.windows(8).any(|w| w == [0x5A; 8]));
        assert!(!String::from_utf8_lossy(&bytes).contains(&"5a".repeat(8)));
        assert!(!String::from_utf8_lossy(&bytes).contains(&B64.encode([0x5A; 32])));
    }

    #[test]
    fn every_bit_flip_is_caught_as_damage() {
        let key = VaultKey::generate().unwrap();
        let bytes = file_with_slots(&key).to_bytes();
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x10;
            match KeyFile::from_bytes(&bad) {
                // A flip in JSON whitespace, or one that keeps a valid body and checksum (the
                // checksum's hex case), reads back the same file: the secrets still work.
                Ok(f) => assert_eq!(
                    f.open_with_secret(SlotKind::Passphrase, b"correct horse")
                        .unwrap()
                        .bytes(),
                    key.bytes(),
                    "flip at {i}"
                ),
                Err(e) => assert!(
                    matches!(e, StoreError::KeyFileDamaged),
                    "flip at {i}: {e:?}"
                ),
            }
        }
    }

    #[test]
    fn truncated_files_are_damaged() {
        let bytes = file_with_slots(&VaultKey::generate().unwrap()).to_bytes();
        for len in [0, 1, 10, bytes.len() / 2, bytes.len() - 3] {
            assert!(
                matches!(
                    KeyFile::from_bytes(&bytes[..len]),
                    Err(StoreError::KeyFileDamaged)
                ),
                "len {len}"
            );
        }
    }

    #[test]
    fn a_newer_version_is_refused_as_too_new() {
        let body = r#"{"version":2,"vaultId":"v","slots":[],"newField":true}"#;
        let file = format!(
            r#"{{"format":"carnet-key","body":{body},"sha256":"{}"}}"#,
            hex::encode(Sha256::digest(body.as_bytes()))
        );
        assert!(matches!(
            KeyFile::from_bytes(file.as_bytes()),
            Err(StoreError::VaultTooNew)
        ));
    }

    #[test]
    fn a_slot_moved_to_another_vault_does_not_open() {
        let key = VaultKey::generate().unwrap();
        let f = file_with_slots(&key);
        let mut moved = f.clone();
        moved.body.vault_id = "other".into();
        assert!(matches!(
            moved.open_with_secret(SlotKind::Passphrase, b"correct horse"),
            Err(StoreError::WrongSecret)
        ));
        let mut cheaper = f.clone();
        cheaper.body.slots[0]
            .kdf
            .as_mut()
            .unwrap()
            .params
            .iterations = 2;
        assert!(matches!(
            cheaper.open_with_secret(SlotKind::Passphrase, b"correct horse"),
            Err(StoreError::WrongSecret)
        ));
    }

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = KeyFile::from_bytes(&bytes);
        }

        #[test]
        fn arbitrary_json_bodies_never_panic(body in "\\{\"version\":[0-9]{1,3},\"vaultId\":\"[a-z]{0,4}\",\"slots\":\\[\\]\\}") {
            let file = format!(r#"{{"format":"carnet-key","body":{body},"sha256":"{}"}}"#, hex::encode(Sha256::digest(body.as_bytes())));
            let _ = KeyFile::from_bytes(file.as_bytes());
        }
    }
}
