//! The `.carnet` archive: the whole vault in one file that only the passphrase or the
//! recovery key opens, on this computer or another. Layout:
//!
//! ```text
//! "CARNET-ARCHIVE\0"  u32 BE header length  header (JSON)  STREAM-encrypted payload
//! ```
//!
//! The header carries the key file (passphrase and recovery slots only: never this
//! computer's), the archive's own random key sealed by the vault key, and the stream nonce.
//! The payload — the database copy (`VACUUM INTO`, itself SQLCipher-encrypted) and every
//! evidence file — is sealed in 64 KiB chunks (XChaCha20-Poly1305, STREAM BE32) whose
//! associated data is the header's SHA-256, so no byte of either part can change unnoticed.
//! Import decrypts into a staging folder, verifies everything (database integrity, same vault,
//! every piece's hash), and only then keeps the current vault aside and moves the new one in.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use aead_stream::EncryptorBE32;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::XChaCha20Poly1305;
use chacha20poly1305::aead::Payload;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::atomic::{sync_dir, sync_file};
use crate::backup::replace_database;
use crate::db;
use crate::error::StoreError;
use crate::keys::keyfile::{KeyFile, SlotKind};
use crate::keys::{VaultKey, aead, random_bytes, random_key};
use crate::stream::{self, CHUNK, NONCE_LEN, TAG};
use crate::vault::{Layout, Secret, Vault};

const MAGIC: &[u8; 15] = b"CARNET-ARCHIVE\0";
const VERSION: u32 = 1;
const MAX_HEADER: u32 = 64 * 1024;
/// The suggested file extension.
pub const EXTENSION: &str = "carnet";

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Header {
    version: u32,
    vault_id: String,
    key_file: String,
    key_nonce: String,
    sealed_key: String,
    stream_nonce: String,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

fn key_aad(vault_id: &str) -> Vec<u8> {
    format!("carnet-archive:v{VERSION}:{vault_id}").into_bytes()
}

/// Writes the archive of `vault` to `dest`, atomically: a temporary file in the same folder,
/// renamed at the end, so a failure (a full disk) leaves no partial archive.
pub async fn export(vault: &Vault, dest: &Path) -> Result<(), StoreError> {
    let folder = dest
        .parent()
        .ok_or(StoreError::Io(std::io::ErrorKind::InvalidInput))?;
    let snapshot_dir = tempfile::Builder::new()
        .prefix(".export-")
        .tempdir_in(&vault.layout().dir)?;
    let snapshot = snapshot_dir.path().join("vault.db");
    db::copy_into(vault.pool(), &snapshot).await?;
    let files: Vec<String> = sqlx::query_scalar("SELECT file_id FROM evidence_content ORDER BY id")
        .fetch_all(vault.pool())
        .await?;

    let mut key_file = KeyFile::load(&vault.layout().key_file())?;
    key_file.remove(SlotKind::Device);
    let archive_key = random_key()?;
    let (key_nonce, sealed_key) = aead::seal(
        vault.key().bytes(),
        &key_aad(vault.vault_id()),
        archive_key.as_slice(),
    )?;
    let stream_nonce = random_bytes::<NONCE_LEN>()?;
    let header = serde_json::to_vec(&Header {
        version: VERSION,
        vault_id: vault.vault_id().to_owned(),
        key_file: String::from_utf8(key_file.to_bytes()).map_err(|_| StoreError::KeyFileDamaged)?,
        key_nonce: B64.encode(key_nonce),
        sealed_key: B64.encode(sealed_key),
        stream_nonce: B64.encode(stream_nonce),
    })
    .expect("the header serialises");

    // Announced before it exists, so a start after a kill removes it (`outside`).
    let in_flight = crate::outside::announce(vault.layout(), folder)?;
    let tmp = tempfile::Builder::new()
        .prefix(in_flight.prefix())
        .suffix(".tmp")
        .tempfile_in(folder)?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        out.write_all(MAGIC)?;
        out.write_all(&(header.len() as u32).to_be_bytes())?;
        out.write_all(&header)?;
        let aad = Sha256::digest(&header);
        let mut sealer = ChunkSealer::new(&archive_key, &stream_nonce, &aad, &mut out);
        sealer.entry("vault.db", &snapshot)?;
        for file_id in &files {
            let path = vault.layout().evidence_dir().join(file_id);
            sealer.entry(&format!("evidence/{file_id}"), &path)?;
        }
        sealer.finish()?;
        out.flush()?;
    }
    sync_file(tmp.path())?;
    tmp.persist(dest).map_err(|e| StoreError::from(e.error))?;
    sync_dir(folder)
}

/// Buffers the payload into chunks and seals each; the last one is marked.
struct ChunkSealer<'a, W: Write> {
    encryptor: Option<EncryptorBE32<XChaCha20Poly1305>>,
    aad: &'a [u8],
    buf: Zeroizing<Vec<u8>>,
    out: &'a mut W,
}

impl<'a, W: Write> ChunkSealer<'a, W> {
    fn new(key: &[u8; 32], nonce: &[u8; NONCE_LEN], aad: &'a [u8], out: &'a mut W) -> Self {
        ChunkSealer {
            encryptor: Some(EncryptorBE32::new(key.into(), nonce.into())),
            aad,
            buf: Zeroizing::new(Vec::with_capacity(2 * CHUNK)),
            out,
        }
    }

    fn entry(&mut self, name: &str, path: &Path) -> Result<(), StoreError> {
        let mut file = File::open(path)?;
        let size = file.metadata()?.len();
        self.push(&[name.len() as u8])?;
        self.push(name.as_bytes())?;
        self.push(&size.to_be_bytes())?;
        let mut block = vec![0u8; CHUNK];
        let mut copied = 0u64;
        loop {
            let n = file.read(&mut block)?;
            if n == 0 {
                break;
            }
            copied += n as u64;
            self.push(&block[..n])?;
        }
        if copied != size {
            return Err(StoreError::Io(std::io::ErrorKind::UnexpectedEof));
        }
        Ok(())
    }

    fn push(&mut self, bytes: &[u8]) -> Result<(), StoreError> {
        self.buf.extend_from_slice(bytes);
        while self.buf.len() > CHUNK {
            let encryptor = self.encryptor.as_mut().expect("not finished");
            let sealed = encryptor
                .encrypt_next(Payload {
                    msg: &self.buf[..CHUNK],
                    aad: self.aad,
                })
                .map_err(|_| StoreError::Random)?;
            self.out.write_all(&sealed)?;
            self.buf.drain(..CHUNK);
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(), StoreError> {
        self.push(&[0])?; // the end-of-entries marker
        let encryptor = self.encryptor.take().expect("finished once");
        let sealed = encryptor
            .encrypt_last(Payload {
                msg: &self.buf,
                aad: self.aad,
            })
            .map_err(|_| StoreError::Random)?;
        self.out.write_all(&sealed)?;
        Ok(())
    }
}

/// What an archive holds, once opened with a secret and unpacked into staging.
pub struct Unpacked {
    /// The staging folder the archive was unpacked into (removed when dropped).
    pub staging: tempfile::TempDir,
    /// The archive's vault key.
    pub key: VaultKey,
    /// The archive's key file.
    pub key_file: KeyFile,
    /// The archive is this folder's vault (same id, and the secret typed opens this folder's
    /// key file with the archive's very key): the current key file stays. Otherwise (another
    /// vault, or none readable here) the archive's key file comes in with it.
    pub same_key_as_here: bool,
}

/// Opens and unpacks `archive` into a staging folder inside the data folder, and verifies it.
/// Nothing outside the staging folder is touched.
pub async fn unpack(
    archive: &Path,
    layout: &Layout,
    secret: Secret<'_>,
) -> Result<Unpacked, StoreError> {
    let mut reader = BufReader::with_capacity(CHUNK + TAG, File::open(archive)?);
    let mut magic = [0u8; 15];
    read_exact(&mut reader, &mut magic)?;
    if &magic != MAGIC {
        return Err(StoreError::ArchiveDamaged);
    }
    let mut len = [0u8; 4];
    read_exact(&mut reader, &mut len)?;
    let len = u32::from_be_bytes(len);
    if len > MAX_HEADER {
        return Err(StoreError::ArchiveDamaged);
    }
    let mut header_bytes = vec![0u8; len as usize];
    read_exact(&mut reader, &mut header_bytes)?;
    let version: VersionOnly =
        serde_json::from_slice(&header_bytes).map_err(|_| StoreError::ArchiveDamaged)?;
    if version.version > VERSION {
        return Err(StoreError::VaultTooNew);
    }
    let header: Header =
        serde_json::from_slice(&header_bytes).map_err(|_| StoreError::ArchiveDamaged)?;
    let key_file = KeyFile::from_bytes(header.key_file.as_bytes()).map_err(|e| match e {
        StoreError::VaultTooNew => e,
        _ => StoreError::ArchiveDamaged,
    })?;
    if key_file.vault_id() != header.vault_id {
        return Err(StoreError::ArchiveDamaged);
    }
    let key = Vault::key_for(&key_file, secret)?;
    // An archive of this vault (same id) goes in only if the secret typed also opens this
    // folder's key file, with the archive's very key: an id alone proves nothing, and a
    // database sealed under another key would go in beside a key file that cannot open it.
    let same_key_as_here = match KeyFile::load(&layout.key_file()) {
        Ok(here) if here.vault_id() == key_file.vault_id() => match Vault::key_for(&here, secret) {
            Ok(k) if k.bytes() == key.bytes() => true,
            _ => return Err(StoreError::WrongSecret),
        },
        _ => false,
    };
    let archive_key = aead::open(
        key.bytes(),
        &key_aad(&header.vault_id),
        &decode(&header.key_nonce)?,
        &decode(&header.sealed_key)?,
    )
    .ok_or(StoreError::ArchiveDamaged)?;
    let archive_key: Zeroizing<[u8; 32]> = Zeroizing::new(
        archive_key
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::ArchiveDamaged)?,
    );
    let nonce: [u8; NONCE_LEN] = decode(&header.stream_nonce)?
        .try_into()
        .map_err(|_| StoreError::ArchiveDamaged)?;

    let staging = tempfile::Builder::new()
        .prefix(".incoming-")
        .tempdir_in(&layout.dir)?;
    // Each entry goes to its staging file as its chunks are authenticated: memory stays at a
    // few chunks whatever the vault's size. A failure anywhere drops the staging folder.
    let aad = Sha256::digest(&header_bytes);
    let mut entries = Entries::new(staging.path())?;
    stream::open_each(
        &mut reader,
        &archive_key,
        &nonce,
        &aad,
        StoreError::ArchiveDamaged,
        |chunk| entries.feed(chunk),
    )?;
    entries.finish()?;

    let unpacked = Unpacked {
        staging,
        key,
        key_file,
        same_key_as_here,
    };
    verify(&unpacked).await?;
    Ok(unpacked)
}

/// Where the payload's parser is: entries are `name length (u8), name, size (u64 BE),
/// bytes`, ended by a zero length.
enum Entry {
    NameLen,
    Name(usize, Vec<u8>),
    Size(PathBuf, Vec<u8>),
    Body(BufWriter<File>, PathBuf, u64),
    End,
}

/// Writes the payload's entries under `dir` as they come, accepting only `vault.db` and
/// `evidence/<32 hex digits>`: an archive cannot name a file anywhere else.
struct Entries<'a> {
    dir: &'a Path,
    state: Entry,
    saw_db: bool,
}

impl<'a> Entries<'a> {
    fn new(dir: &'a Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir.join("evidence"))?;
        Ok(Entries {
            dir,
            state: Entry::NameLen,
            saw_db: false,
        })
    }

    fn feed(&mut self, mut bytes: &[u8]) -> Result<(), StoreError> {
        while !bytes.is_empty() {
            let state = std::mem::replace(&mut self.state, Entry::End);
            self.state = match state {
                Entry::NameLen => {
                    let (&len, rest) = bytes.split_first().expect("not empty");
                    bytes = rest;
                    if len == 0 {
                        if !self.saw_db {
                            return Err(StoreError::ArchiveDamaged);
                        }
                        Entry::End
                    } else {
                        Entry::Name(usize::from(len), Vec::new())
                    }
                }
                Entry::Name(len, mut name) => {
                    let (take, rest) = bytes.split_at((len - name.len()).min(bytes.len()));
                    name.extend_from_slice(take);
                    bytes = rest;
                    if name.len() < len {
                        Entry::Name(len, name)
                    } else {
                        let name =
                            std::str::from_utf8(&name).map_err(|_| StoreError::ArchiveDamaged)?;
                        self.saw_db |= name == "vault.db";
                        Entry::Size(entry_path(self.dir, name)?, Vec::with_capacity(8))
                    }
                }
                Entry::Size(path, mut size) => {
                    let (take, rest) = bytes.split_at((8 - size.len()).min(bytes.len()));
                    size.extend_from_slice(take);
                    bytes = rest;
                    if size.len() < 8 {
                        Entry::Size(path, size)
                    } else {
                        let size = u64::from_be_bytes(size.try_into().expect("8 bytes"));
                        let file = BufWriter::new(File::create(&path)?);
                        Self::closed_if_done(file, path, size)?
                    }
                }
                Entry::Body(mut file, path, remaining) => {
                    let n = usize::try_from(remaining)
                        .unwrap_or(usize::MAX)
                        .min(bytes.len());
                    file.write_all(&bytes[..n])?;
                    bytes = &bytes[n..];
                    Self::closed_if_done(file, path, remaining - n as u64)?
                }
                // Bytes after the end marker.
                Entry::End => return Err(StoreError::ArchiveDamaged),
            };
        }
        Ok(())
    }

    /// A file whose last byte came is flushed to the disk.
    fn closed_if_done(
        file: BufWriter<File>,
        path: PathBuf,
        remaining: u64,
    ) -> Result<Entry, StoreError> {
        if remaining > 0 {
            return Ok(Entry::Body(file, path, remaining));
        }
        file.into_inner()
            .map_err(|e| StoreError::from(e.into_error()))?
            .sync_all()?;
        Ok(Entry::NameLen)
    }

    /// The payload ended: it must have ended with the end marker.
    fn finish(self) -> Result<(), StoreError> {
        match self.state {
            Entry::End => Ok(()),
            _ => Err(StoreError::ArchiveDamaged),
        }
    }
}

fn entry_path(dir: &Path, name: &str) -> Result<PathBuf, StoreError> {
    if name == "vault.db" {
        return Ok(dir.join(name));
    }
    match name.strip_prefix("evidence/") {
        Some(id)
            if id.len() == 32
                && id
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) =>
        {
            Ok(dir.join("evidence").join(id))
        }
        _ => Err(StoreError::ArchiveDamaged),
    }
}

async fn verify(unpacked: &Unpacked) -> Result<(), StoreError> {
    let staged = Layout::new(unpacked.staging.path());
    let pool = db::open_read_only(&staged.db(), &unpacked.key)
        .await
        .map_err(|_| StoreError::ArchiveDamaged)?;
    let ok = db::integrity_ok(&pool).await;
    let vault_id: Option<String> =
        sqlx::query_scalar("SELECT vault_id FROM vault_meta WHERE id = 1")
            .fetch_optional(&pool)
            .await
            .unwrap_or(None);
    let pieces: Result<Vec<(String, Vec<u8>, String)>, _> =
        sqlx::query_as("SELECT file_id, file_key, sha256 FROM evidence_content")
            .fetch_all(&pool)
            .await;
    pool.close().await;
    if !ok || vault_id.as_deref() != Some(unpacked.key_file.vault_id()) {
        return Err(StoreError::ArchiveDamaged);
    }
    for (file_id, file_key, sha256) in pieces.map_err(|_| StoreError::ArchiveDamaged)? {
        let key: [u8; 32] = file_key
            .as_slice()
            .try_into()
            .map_err(|_| StoreError::ArchiveDamaged)?;
        let digest =
            crate::evidence::hash_file(&staged.evidence_dir().join(&file_id), &Zeroizing::new(key))
                .map_err(|_| StoreError::ArchiveDamaged)?;
        if hex::encode(digest) != sha256 {
            return Err(StoreError::ArchiveDamaged);
        }
    }
    Ok(())
}

/// Moves a verified archive into the (locked or absent) vault's place. The current vault is
/// kept aside first as a `restore-…` backup; evidence files are added, never removed.
pub fn install(unpacked: Unpacked, layout: &Layout, now: NaiveDateTime) -> Result<(), StoreError> {
    let staged = Layout::new(unpacked.staging.path());
    std::fs::create_dir_all(layout.evidence_dir())?;
    for entry in std::fs::read_dir(staged.evidence_dir())? {
        let entry = entry?;
        let target = layout.evidence_dir().join(entry.file_name());
        if !target.exists() {
            std::fs::rename(entry.path(), target)?;
        }
    }
    sync_dir(&layout.evidence_dir())?;
    let same_vault = unpacked.same_key_as_here;
    if !same_vault {
        // Another vault (or none): its key file goes aside with it; the archive's comes in.
        unpacked.key_file.save(&staged.key_file())?;
    } else {
        std::fs::copy(layout.key_file(), staged.key_file())?;
    }
    if layout.db().exists() || layout.key_file().exists() {
        replace_database(layout, &staged, now)?;
        if !same_vault {
            crate::atomic::write_atomic(&layout.key_file(), &std::fs::read(staged.key_file())?)?;
        }
    } else {
        std::fs::copy(staged.db(), layout.db())?;
        sync_file(&layout.db())?;
        crate::atomic::write_atomic(&layout.key_file(), &std::fs::read(staged.key_file())?)?;
    }
    Ok(())
}

fn read_exact(reader: &mut impl Read, buf: &mut [u8]) -> Result<(), StoreError> {
    reader.read_exact(buf).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => StoreError::ArchiveDamaged,
        _ => e.into(),
    })
}

fn decode(s: &str) -> Result<Vec<u8>, StoreError> {
    B64.decode(s).map_err(|_| StoreError::ArchiveDamaged)
}
