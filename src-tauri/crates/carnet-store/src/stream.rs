//! Files sealed in chunks with XChaCha20-Poly1305 (the STREAM construction, BE32: a 19-byte
//! nonce prefix, a counter, and a flag on the last chunk, so reordering, truncation and
//! extension are all detected). Shared by the evidence files and the `.carnet` archive.

use std::io::Read;

use aead_stream::DecryptorBE32;
use chacha20poly1305::XChaCha20Poly1305;
use zeroize::Zeroizing;

use crate::error::StoreError;

/// Plaintext bytes per chunk.
pub const CHUNK: usize = 64 * 1024;
/// The Poly1305 tag after each chunk.
pub const TAG: usize = 16;
/// The nonce prefix stored at the head of a sealed file.
pub const NONCE_LEN: usize = 19;

/// Fills `buf` as far as the reader goes; returns how many bytes were read.
pub fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> Result<usize, StoreError> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(filled)
}

/// Opens every chunk up to the last one, handing each authenticated chunk to `sink` as soon as
/// it is: memory stays at two chunks whatever the size. Any failure of authentication — a
/// wrong key, a changed, missing or extra byte — is `damaged`; read errors stay what they are.
/// What `sink` received before a failure was authentic, but the whole is not: the caller
/// throws it away.
pub fn open_each(
    reader: &mut impl Read,
    key: &[u8; 32],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    damaged: StoreError,
    mut sink: impl FnMut(&[u8]) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let mut decryptor = DecryptorBE32::<XChaCha20Poly1305>::new(key.into(), nonce.into());
    // One buffer, decrypted in place chunk after chunk, then wiped.
    let mut current = Zeroizing::new(Vec::with_capacity(CHUNK + TAG));
    let mut next = vec![0u8; CHUNK + TAG];
    current.resize(CHUNK + TAG, 0);
    let mut current_len = read_full(reader, &mut current)?;
    loop {
        let next_len = if current_len == CHUNK + TAG {
            read_full(reader, &mut next)?
        } else {
            0
        };
        current.truncate(current_len);
        if next_len == 0 {
            if decryptor.decrypt_last_in_place(aad, &mut *current).is_err() {
                return Err(damaged);
            }
            return sink(&current);
        }
        if decryptor.decrypt_next_in_place(aad, &mut *current).is_err() {
            return Err(damaged);
        }
        sink(&current)?;
        current.clear();
        current.extend_from_slice(&next[..next_len]);
        current_len = next_len;
    }
}

/// Opens every chunk into one buffer (see [`open_each`]).
///
/// `sealed_len`, when known, sizes the output once: besides saving copies, it keeps the
/// plaintext in one allocation, wiped on drop (a growing vector would leave copies behind).
pub fn open_all(
    reader: &mut impl Read,
    key: &[u8; 32],
    nonce: &[u8; NONCE_LEN],
    aad: &[u8],
    sealed_len: Option<u64>,
    damaged: StoreError,
) -> Result<Zeroizing<Vec<u8>>, StoreError> {
    let capacity = sealed_len.map_or(0, |n| {
        let chunks = n.div_ceil((CHUNK + TAG) as u64).max(1);
        n.saturating_sub(chunks * TAG as u64)
    });
    let mut out = Zeroizing::new(Vec::with_capacity(usize::try_from(capacity).unwrap_or(0)));
    open_each(reader, key, nonce, aad, damaged, |chunk| {
        out.extend_from_slice(chunk);
        Ok(())
    })?;
    Ok(out)
}
