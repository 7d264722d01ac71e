//! Key management. The vault is encrypted with one random 256-bit key from the OS generator.
//! That key is never stored in the clear: the key file (`vault.key`) holds it wrapped, once
//! per way in — the passphrase, the recovery key and, if the owner asked, a secret kept in the
//! OS keyring for this computer. Every copy in memory is wiped when dropped.

pub mod aead;
pub mod kdf;
pub mod keyfile;
pub mod keyring;
pub mod recovery;

use zeroize::Zeroizing;

use crate::error::StoreError;

/// The vault key. Wiped on drop.
#[derive(Clone)]
pub struct VaultKey(Zeroizing<[u8; 32]>);

impl VaultKey {
    /// A new random key from the OS generator ([`StoreError::Random`] when it gives none).
    pub fn generate() -> Result<Self, StoreError> {
        random_key().map(VaultKey)
    }

    /// The key whose bytes these are (unwrapped from the key file or an archive).
    pub fn from_bytes(bytes: Zeroizing<[u8; 32]>) -> Self {
        VaultKey(bytes)
    }

    /// The raw 32 bytes, for wrapping and sealing; never to be logged or stored in the clear.
    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as SQLCipher's `PRAGMA key` takes a raw key: `"x'<64 hex digits>'"`.
    pub fn sqlcipher_pragma(&self) -> Zeroizing<String> {
        let mut s = Zeroizing::new(String::with_capacity(69));
        s.push_str("\"x'");
        for b in self.0.iter() {
            s.push(hex_digit(b >> 4));
            s.push(hex_digit(b & 15));
        }
        s.push_str("'\"");
        s
    }
}

fn hex_digit(n: u8) -> char {
    char::from_digit(u32::from(n), 16)
        .expect("a nibble")
        .to_ascii_uppercase()
}

/// 32 random bytes from the OS, wiped on drop.
pub fn random_key() -> Result<Zeroizing<[u8; 32]>, StoreError> {
    let mut key = Zeroizing::new([0u8; 32]);
    getrandom::fill(key.as_mut()).map_err(|_| StoreError::Random)?;
    Ok(key)
}

/// `N` random bytes from the OS (salts, nonces, ids).
pub fn random_bytes<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| StoreError::Random)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pragma_is_the_raw_key_in_hex() {
        let key = VaultKey::from_bytes(Zeroizing::new([0xAB; 32]));
        let pragma = key.sqlcipher_pragma();
        assert_eq!(pragma.len(), 69);
        assert_eq!(&pragma[..5], "\"x'AB");
        assert!(pragma.ends_with("AB'\""));
    }

    #[test]
    fn generated_keys_differ() {
        assert_ne!(
            VaultKey::generate().unwrap().bytes(),
            VaultKey::generate().unwrap().bytes()
        );
    }
}
