//! "Remember on this computer": a random 256-bit device secret kept in the OS keyring (the
//! Secret Service on Linux, the Keychain on macOS, the Credential Manager on Windows). It
//! opens the key file's device slot, never the database directly, and the passphrase and
//! recovery key always keep working without it.
//!
//! Every failure of the keyring — no Secret Service on the session, a locked keyring, an entry
//! gone or holding something else — becomes `KeyringUnavailable` or `KeyringMismatch`, and the
//! app falls back to the passphrase. The calls block on D-Bus: run them off the UI thread.

use zeroize::Zeroizing;

use crate::error::StoreError;

/// The service name of Carnet's entries in the OS keyring.
pub const SERVICE: &str = "fr.carnet.app";

/// Installs the platform's keyring as the process's store (once; later calls are free).
/// Tests install `keyring_core::mock::Store` instead and never call this.
pub fn use_platform_store() {
    // The first `keyring::Entry` call sets the platform store as keyring-core's default.
    let _ = keyring::Entry::store_status();
}

fn entry(device_id: &str) -> Result<keyring_core::Entry, StoreError> {
    keyring_core::Entry::new(SERVICE, &format!("vault-device-{device_id}")).map_err(map_error)
}

/// Keeps this computer's device secret in the keyring, under the vault's device id.
pub fn store(device_id: &str, secret: &[u8; 32]) -> Result<(), StoreError> {
    entry(device_id)?.set_secret(secret).map_err(map_error)
}

/// The device secret kept for this device id; [`StoreError::KeyringMismatch`] when the entry
/// holds something else, [`StoreError::KeyringUnavailable`] on any other failure.
pub fn load(device_id: &str) -> Result<Zeroizing<[u8; 32]>, StoreError> {
    let bytes = Zeroizing::new(entry(device_id)?.get_secret().map_err(map_error)?);
    let secret: [u8; 32] = bytes
        .as_slice()
        .try_into()
        .map_err(|_| StoreError::KeyringMismatch)?;
    Ok(Zeroizing::new(secret))
}

/// Removes the entry; one already gone is not an error.
pub fn delete(device_id: &str) -> Result<(), StoreError> {
    match entry(device_id)?.delete_credential() {
        Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
        Err(e) => Err(map_error(e)),
    }
}

fn map_error(e: keyring_core::Error) -> StoreError {
    match e {
        keyring_core::Error::BadEncoding(_) | keyring_core::Error::BadDataFormat(..) => {
            StoreError::KeyringMismatch
        }
        _ => StoreError::KeyringUnavailable,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::Once;

    /// The in-memory keyring of keyring-core, for unit tests.
    pub(crate) fn use_mock_store() {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            keyring_core::set_default_store(keyring_core::mock::Store::new().unwrap())
        });
    }

    #[test]
    fn round_trip_and_forget() {
        use_mock_store();
        store("t1", &[3; 32]).unwrap();
        assert_eq!(*load("t1").unwrap(), [3; 32]);
        delete("t1").unwrap();
        assert!(matches!(load("t1"), Err(StoreError::KeyringUnavailable)));
        delete("t1").unwrap();
    }

    #[test]
    fn a_locked_keyring_is_unavailable() {
        use_mock_store();
        store("t2", &[4; 32]).unwrap();
        let e = keyring_core::Entry::new(SERVICE, "vault-device-t2").unwrap();
        let mock: &keyring_core::mock::Cred = e.as_any().downcast_ref().unwrap();
        mock.set_error(keyring_core::Error::NoStorageAccess("locked".into()));
        assert!(matches!(load("t2"), Err(StoreError::KeyringUnavailable)));
    }

    #[test]
    fn a_wrong_sized_entry_is_a_mismatch() {
        use_mock_store();
        entry("t3").unwrap().set_secret(b"short").unwrap();
        assert!(matches!(load("t3"), Err(StoreError::KeyringMismatch)));
    }
}
