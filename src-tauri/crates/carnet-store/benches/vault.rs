//! What encryption costs, measured against plain SQLite in the same run (`make bench`):
//!
//! - `inserts_10k_2kb`: 10,000 rows of 2 KB in one transaction, SQLCipher vs plain SQLite
//!   (same pragmas: WAL, synchronous FULL), with the vault's 16 KiB pages and, `_4k`, with
//!   the 4 KiB pages vaults had before;
//! - `evidence_1mb`: adding and reading a 1 MB piece — Carnet's encrypted evidence file vs a
//!   plain SQLite blob, and vs a blob in SQLCipher (the alternative not taken). Adding a piece
//!   always takes its SHA-256, whatever the storage, so the blob baselines hash too;
//! - `unlock`: opening the vault with this computer's keyring (an in-memory keyring here, so
//!   the figure is Carnet's own cost without D-Bus) and with the passphrase (Argon2id at the
//!   floor parameters, 64 MiB × 3).
//!
//! The files live in `/dev/shm` (memory) when it exists, so the figures are the CPU cost of
//! encryption and not the disk's fsync latency, which on these shared machines varies by
//! more than the whole difference being measured. `CARNET_BENCH_DIR` picks another folder.

mod common;

use std::hint::black_box;
use std::time::Duration;

use carnet_store::db::{self, Mode};
use carnet_store::keys::VaultKey;
use carnet_store::keys::kdf::{Calibration, KdfParams};
use carnet_store::{Layout, Secret, Vault, evidence};
use common::*;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sha2::Digest;
use sqlx::SqlitePool;
use tokio::runtime::Runtime;

/// A new database with the vault's pages ([`db::PAGE_SIZE`]), or with `page_size`'s.
async fn pool(dir: &std::path::Path, key: Option<&VaultKey>, page_size: Option<u32>) -> SqlitePool {
    let pool = match page_size {
        None => db::open(&dir.join("b.db"), key, Mode::Create)
            .await
            .unwrap(),
        Some(size) => sqlx::sqlite::SqlitePoolOptions::new()
            .connect_with(db::options(&dir.join("b.db"), key, Mode::Create, size))
            .await
            .unwrap(),
    };
    sqlx::query("CREATE TABLE IF NOT EXISTS b (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        .execute(&pool)
        .await
        .unwrap();
    pool
}

async fn insert_10k(pool: &SqlitePool) {
    let body = vec![0x5Au8; 2048];
    let mut tx = pool.begin().await.unwrap();
    for _ in 0..10_000 {
        sqlx::query("INSERT INTO b (body) VALUES (?)")
            .bind(&body)
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
}

fn inserts(c: &mut Criterion, rt: &Runtime) {
    let mut g = c.benchmark_group("inserts_10k_2kb");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    let key = VaultKey::generate().unwrap();
    // The vault's page size, and SQLCipher's default that vaults had before (both files alike).
    for (name, key, size) in [
        ("plain_sqlite", None, None),
        ("sqlcipher", Some(&key), None),
        ("plain_sqlite_4k", None, Some(4096)),
        ("sqlcipher_4k", Some(&key), Some(4096)),
    ] {
        g.bench_function(name, |b| {
            b.iter_batched(
                || {
                    let dir = scratch();
                    let p = rt.block_on(pool(dir.path(), key, size));
                    (dir, p)
                },
                |(dir, p)| {
                    rt.block_on(insert_10k(&p));
                    rt.block_on(p.close());
                    drop(dir);
                },
                BatchSize::PerIteration,
            )
        });
    }
    g.finish();
}

fn evidence_1mb(c: &mut Criterion, rt: &Runtime) {
    let piece: Vec<u8> = (0..1_000_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    let dir = scratch();
    let plain_dir = scratch();
    let blob_dir = scratch();
    let key = VaultKey::generate().unwrap();
    let layout = Layout::new(dir.path());
    let vault = rt
        .block_on(Vault::create(
            &layout,
            PASS,
            Calibration::Fixed(KdfParams::insecure_for_tests()),
            NOW,
        ))
        .unwrap()
        .vault;
    let plain = rt.block_on(pool(plain_dir.path(), None, None));
    let blob = rt.block_on(pool(blob_dir.path(), Some(&key), None));

    let mut g = c.benchmark_group("evidence_1mb");
    g.sample_size(30);
    let insert_blob = |p: &SqlitePool| {
        black_box(sha2::Sha256::digest(&piece));
        rt.block_on(async {
            sqlx::query_scalar::<_, i64>("INSERT INTO b (body) VALUES (?) RETURNING id")
                .bind(&piece)
                .fetch_one(p)
                .await
                .unwrap()
        })
    };
    g.bench_function("write/plain_sqlite_blob", |b| {
        b.iter(|| insert_blob(&plain))
    });
    g.bench_function("write/sqlcipher_blob", |b| b.iter(|| insert_blob(&blob)));
    let add_piece = || {
        rt.block_on(evidence::add(
            &vault,
            &piece[..],
            None,
            "p.bin",
            "application/octet-stream",
            NOW,
        ))
        .unwrap()
    };
    g.bench_function("write/carnet_encrypted_file", |b| b.iter(&add_piece));

    let (plain_id, blob_id) = (insert_blob(&plain), insert_blob(&blob));
    let piece_id = add_piece().id;
    let read_blob = |p: &SqlitePool, id: i64| {
        rt.block_on(async {
            sqlx::query_scalar::<_, Vec<u8>>("SELECT body FROM b WHERE id = ?")
                .bind(id)
                .fetch_one(p)
                .await
                .unwrap()
        })
    };
    g.bench_function("read/plain_sqlite_blob", |b| {
        b.iter(|| black_box(read_blob(&plain, plain_id)))
    });
    g.bench_function("read/sqlcipher_blob", |b| {
        b.iter(|| black_box(read_blob(&blob, blob_id)))
    });
    g.bench_function("read/carnet_encrypted_file", |b| {
        b.iter(|| black_box(rt.block_on(evidence::read(&vault, piece_id)).unwrap()))
    });
    g.finish();
}

fn unlock(c: &mut Criterion, rt: &Runtime) {
    keyring_core::set_default_store(keyring_core::mock::Store::new().unwrap());
    let dir = scratch();
    let layout = Layout::new(dir.path());
    let mut vault = rt
        .block_on(Vault::create(
            &layout,
            PASS,
            Calibration::Fixed(KdfParams::MINIMUM),
            NOW,
        ))
        .unwrap()
        .vault;
    vault.remember_this_computer().unwrap();
    rt.block_on(vault.lock());

    let mut g = c.benchmark_group("unlock");
    g.sample_size(10);
    g.bench_function("this_computer_keyring", |b| {
        b.iter(|| {
            rt.block_on(async {
                Vault::unlock(&layout, Secret::ThisComputer)
                    .await
                    .unwrap()
                    .lock()
                    .await
            })
        })
    });
    g.bench_function("passphrase_argon2id_64mib_t3", |b| {
        b.iter(|| {
            rt.block_on(async {
                Vault::unlock(&layout, Secret::Passphrase(PASS))
                    .await
                    .unwrap()
                    .lock()
                    .await
            })
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    inserts(c, &rt);
    evidence_1mb(c, &rt);
    unlock(c, &rt);
}

criterion_group!(vault_benches, benches);
criterion_main!(vault_benches);
