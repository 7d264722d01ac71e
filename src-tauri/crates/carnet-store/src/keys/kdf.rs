//! Turning a passphrase (or a recovery key) into a wrapping key with Argon2id. The cost is
//! calibrated once, at creation, to about half a second on the owner's machine, and stored in
//! the key file beside the salt, so a later, faster machine still opens the vault with the
//! same parameters (and a change of passphrase recalibrates).

use std::time::{Duration, Instant};

use argon2::{Algorithm, Argon2, Params, Version};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::StoreError;

/// The derived key's length in bytes.
pub const KEY_LEN: usize = 32;
/// The salt's length in bytes.
pub const SALT_LEN: usize = 16;

/// Argon2id parameters, as stored in the key file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KdfParams {
    /// Argon2id's memory cost, in KiB.
    pub memory_kib: u32,
    /// Its number of passes.
    pub iterations: u32,
    /// Its lanes; only 1 is accepted.
    pub parallelism: u32,
}

impl KdfParams {
    /// The floor: OWASP's Argon2id baseline (64 MiB, 3 passes) is never gone below in use.
    pub const MINIMUM: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };
    /// The ceiling accepted when reading a key file, so a tampered file cannot make the app
    /// allocate gigabytes or spin for minutes.
    const MAX_MEMORY_KIB: u32 = 1024 * 1024;
    const MAX_ITERATIONS: u32 = 64;

    /// Cheap parameters for tests only (the real floor is enforced by [`Calibration`]).
    pub const fn insecure_for_tests() -> KdfParams {
        KdfParams {
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        }
    }

    fn argon2(&self) -> Result<Argon2<'static>, StoreError> {
        if self.memory_kib > Self::MAX_MEMORY_KIB
            || self.iterations > Self::MAX_ITERATIONS
            || self.parallelism != 1
        {
            return Err(StoreError::KeyFileDamaged);
        }
        let params = Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_LEN),
        )
        .map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    /// The wrapping key for `secret` and `salt`; [`StoreError::KeyFileDamaged`] when the
    /// parameters are out of bounds (a tampered key file).
    pub fn derive(
        &self,
        secret: &[u8],
        salt: &[u8],
    ) -> Result<Zeroizing<[u8; KEY_LEN]>, StoreError> {
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        self.argon2()?
            .hash_password_into(secret, salt, out.as_mut())
            .map_err(|_| StoreError::KeyFileDamaged)?;
        Ok(out)
    }
}

/// How the cost of a new passphrase slot is chosen.
#[derive(Debug, Clone, Copy)]
pub enum Calibration {
    /// Raise the number of passes above [`KdfParams::MINIMUM`] until one derivation takes
    /// about `target` on this machine.
    Target(Duration),
    /// Use these parameters as they are (tests).
    Fixed(KdfParams),
}

impl Calibration {
    /// About half a second on this machine.
    pub const DEFAULT: Calibration = Calibration::Target(Duration::from_millis(500));

    /// The parameters to use: measured on this machine for a target, never below
    /// [`KdfParams::MINIMUM`], or the fixed ones.
    pub fn params(self) -> Result<KdfParams, StoreError> {
        match self {
            Calibration::Fixed(p) => Ok(p),
            Calibration::Target(target) => {
                let base = KdfParams::MINIMUM;
                let start = Instant::now();
                base.derive(b"calibration", &[0u8; SALT_LEN])?;
                let per_pass = start.elapsed() / base.iterations;
                let passes = (target.as_secs_f64() / per_pass.as_secs_f64().max(1e-6)).round();
                let iterations = (passes as u32).clamp(base.iterations, KdfParams::MAX_ITERATIONS);
                Ok(KdfParams { iterations, ..base })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivation_is_deterministic_and_salted() {
        let p = KdfParams::insecure_for_tests();
        let a = p.derive(b"pass", &[1; SALT_LEN]).unwrap();
        assert_eq!(*a, *p.derive(b"pass", &[1; SALT_LEN]).unwrap());
        assert_ne!(*a, *p.derive(b"pass", &[2; SALT_LEN]).unwrap());
        assert_ne!(*a, *p.derive(b"pasS", &[1; SALT_LEN]).unwrap());
    }

    #[test]
    fn absurd_parameters_from_a_file_are_refused() {
        for p in [
            KdfParams {
                memory_kib: u32::MAX,
                iterations: 3,
                parallelism: 1,
            },
            KdfParams {
                memory_kib: 65536,
                iterations: 10_000,
                parallelism: 1,
            },
            KdfParams {
                memory_kib: 65536,
                iterations: 3,
                parallelism: 64,
            },
            KdfParams {
                memory_kib: 1,
                iterations: 3,
                parallelism: 1,
            },
        ] {
            assert!(
                matches!(
                    p.derive(b"x", &[0; SALT_LEN]),
                    Err(StoreError::KeyFileDamaged)
                ),
                "{p:?}"
            );
        }
    }

    #[test]
    fn calibration_never_goes_below_the_floor() {
        let p = Calibration::Target(Duration::from_millis(1))
            .params()
            .unwrap();
        assert_eq!(p, KdfParams::MINIMUM);
    }
}
