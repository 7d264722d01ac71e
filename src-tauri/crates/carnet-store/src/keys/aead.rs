//! Authenticated encryption of small secrets (XChaCha20-Poly1305, random 192-bit nonces):
//! what wraps the vault key in the key file and seals the archive's manifest. The associated
//! data binds each ciphertext to its context, so a slot cannot be moved or its parameters
//! changed without the opening failing.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::error::StoreError;
use crate::keys::random_bytes;

/// The nonce's length in bytes: XChaCha20's 192 bits.
pub const NONCE_LEN: usize = 24;

/// Encrypts `plaintext` under `key`, bound to `aad`, with a fresh random nonce: returns the
/// nonce and the ciphertext with its tag. Fails only when the OS gives no random bytes.
pub fn seal(
    key: &[u8; 32],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<([u8; NONCE_LEN], Vec<u8>), StoreError> {
    let nonce = random_bytes::<NONCE_LEN>()?;
    let cipher = XChaCha20Poly1305::new(key.into());
    let sealed = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| StoreError::Random)?;
    Ok((nonce, sealed))
}

/// Opens what [`seal`] made; `None` when the key, the context or the bytes are not the ones
/// it was sealed with (the caller knows which error that means).
pub fn open(key: &[u8; 32], aad: &[u8], nonce: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    let nonce: [u8; NONCE_LEN] = nonce.try_into().ok()?;
    let cipher = XChaCha20Poly1305::new(key.into());
    cipher
        .decrypt(&XNonce::from(nonce), Payload { msg: sealed, aad })
        .ok()
        .map(Zeroizing::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_every_tamper_fails() {
        let key = [7u8; 32];
        let (nonce, sealed) = seal(&key, b"ctx", b"secret").unwrap();
        assert_eq!(
            open(&key, b"ctx", &nonce, &sealed).unwrap().as_slice(),
            b"secret"
        );
        assert!(open(&[8u8; 32], b"ctx", &nonce, &sealed).is_none());
        assert!(open(&key, b"other", &nonce, &sealed).is_none());
        assert!(open(&key, b"ctx", &nonce[..23], &sealed).is_none());
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 1;
            assert!(
                open(&key, b"ctx", &nonce, &bad).is_none(),
                "bit flip at {i}"
            );
        }
    }
}
