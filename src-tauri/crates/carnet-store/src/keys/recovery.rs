//! The recovery key: the way in when the passphrase is forgotten, shown once at creation for
//! the owner to write down by hand. 28 random Crockford base-32 characters (140 bits) and 2
//! check characters, shown as 6 groups of 5: `7KQ2M-9XT4B-…`. Crockford's alphabet has no
//! I, L, O or U, and reading accepts the usual slips (lower case, `O` for `0`, `I`/`L` for `1`,
//! spaces or dashes anywhere), so a key copied by hand is read back as written.

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::StoreError;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_CHARS: usize = 28;
const CHECK_CHARS: usize = 2;
const LEN: usize = RANDOM_CHARS + CHECK_CHARS;
const GROUP: usize = 5;

/// A recovery key, normalised (30 characters of the alphabet, no separators). Wiped on drop.
pub struct RecoveryKey(Zeroizing<String>);

impl RecoveryKey {
    /// A new key from the OS random generator.
    pub fn generate() -> Result<Self, StoreError> {
        let mut bytes = Zeroizing::new([0u8; RANDOM_CHARS]);
        getrandom::fill(bytes.as_mut()).map_err(|_| StoreError::Random)?;
        let mut body = Zeroizing::new(String::with_capacity(LEN));
        for b in bytes.iter() {
            body.push(ALPHABET[usize::from(b & 31)] as char);
        }
        Ok(Self::with_check(body))
    }

    fn with_check(body: Zeroizing<String>) -> Self {
        let mut full = body;
        let check = check_chars(&full);
        full.push_str(&check);
        RecoveryKey(full)
    }

    /// Whether `typed` has a recovery key's shape (6 groups of 5 letters or digits), so a
    /// refused one is called mistyped rather than a wrong passphrase.
    pub fn looks_like(typed: &str) -> bool {
        let groups: Vec<&str> = typed
            .trim()
            .split(['-', ' '])
            .filter(|g| !g.is_empty())
            .collect();
        groups.len() == 6
            && groups
                .iter()
                .all(|g| g.len() == 5 && g.chars().all(|c| c.is_ascii_alphanumeric()))
    }

    /// Reads a key typed by the owner. A key whose check characters do not match is refused
    /// as mistyped, before any costly derivation is tried.
    pub fn parse(typed: &str) -> Result<Self, StoreError> {
        let mut normal = Zeroizing::new(String::with_capacity(LEN));
        for c in typed.chars() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) || normal.len() == LEN {
                return Err(StoreError::RecoveryKeyMistyped);
            }
            normal.push(c);
        }
        if normal.len() != LEN || check_chars(&normal[..RANDOM_CHARS]) != normal[RANDOM_CHARS..] {
            return Err(StoreError::RecoveryKeyMistyped);
        }
        Ok(RecoveryKey(normal))
    }

    /// The bytes the key derivation takes.
    pub fn secret_bytes(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// The key as shown to the owner: 6 groups of 5 separated by dashes.
    pub fn display(&self) -> Zeroizing<String> {
        let groups: Vec<&str> = (0..LEN / GROUP)
            .map(|i| &self.0[i * GROUP..(i + 1) * GROUP])
            .collect();
        Zeroizing::new(groups.join("-"))
    }
}

fn check_chars(body: &str) -> String {
    let digest = Sha256::new()
        .chain_update(b"carnet recovery key v1\0")
        .chain_update(body.as_bytes())
        .finalize();
    let bits = u16::from_be_bytes([digest[0], digest[1]]) >> 6; // 10 bits: 2 characters
    [bits >> 5, bits & 31]
        .iter()
        .take(CHECK_CHARS)
        .map(|&i| ALPHABET[usize::from(i)] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_recovery_keys_shape_is_recognised() {
        let key = RecoveryKey::generate().unwrap();
        assert!(RecoveryKey::looks_like(&key.display()));
        assert!(RecoveryKey::looks_like(
            " abcde fghij-klmno pqrst uvwxy z1234 "
        ));
        for not in [
            "pluie verte sur le quai du port",
            "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY",
            "",
        ] {
            assert!(!RecoveryKey::looks_like(not), "{not}");
        }
        assert!(!RecoveryKey::looks_like(
            "ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z123É"
        ));
    }

    #[test]
    fn generated_keys_read_back_as_displayed() {
        for _ in 0..50 {
            let key = RecoveryKey::generate().unwrap();
            let shown = key.display();
            assert_eq!(shown.len(), 35);
            assert_eq!(shown.split('-').count(), 6);
            let back = RecoveryKey::parse(&shown).unwrap();
            assert_eq!(back.secret_bytes(), key.secret_bytes());
        }
    }

    #[test]
    fn keys_are_random() {
        let a = RecoveryKey::generate().unwrap();
        let b = RecoveryKey::generate().unwrap();
        assert_ne!(a.secret_bytes(), b.secret_bytes());
    }

    #[test]
    fn hand_copying_slips_are_forgiven() {
        let key = RecoveryKey::generate().unwrap();
        let shown = key.display().to_string();
        let sloppy = shown
            .to_lowercase()
            .replace('-', "  ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(
            RecoveryKey::parse(&sloppy).unwrap().secret_bytes(),
            key.secret_bytes()
        );
    }

    #[test]
    fn a_single_wrong_character_is_caught_most_of_the_time() {
        // 10 check bits: about one typo in a thousand slips through to the slower check.
        let mut caught = 0;
        let total = 2000;
        for i in 0..total {
            let key = RecoveryKey::generate().unwrap();
            let mut chars: Vec<u8> = key.secret_bytes().to_vec();
            let pos = i % RANDOM_CHARS;
            let old = chars[pos];
            chars[pos] = *ALPHABET.iter().find(|&&c| c != old).unwrap();
            let typo = String::from_utf8(chars).unwrap();
            if RecoveryKey::parse(&typo).is_err() {
                caught += 1;
            }
        }
        assert!(caught > total * 97 / 100, "caught {caught} of {total}");
    }

    #[test]
    fn wrong_shapes_are_refused() {
        let key = RecoveryKey::generate().unwrap();
        let s = key.display().to_string();
        for bad in [
            String::new(),
            s[..34].to_owned(),
            format!("{s}A"),
            s.replacen(|c: char| c.is_ascii_alphanumeric(), "U", 1),
            s.replacen(|c: char| c.is_ascii_alphanumeric(), "é", 1),
        ] {
            assert!(
                matches!(
                    RecoveryKey::parse(&bad),
                    Err(StoreError::RecoveryKeyMistyped)
                ),
                "{bad}"
            );
        }
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,80}") {
            let _ = RecoveryKey::parse(&s);
        }

        #[test]
        fn parse_accepts_only_thirty_alphabet_characters(s in "[0-9A-Za-z -]{0,50}") {
            if let Ok(k) = RecoveryKey::parse(&s) {
                prop_assert_eq!(k.secret_bytes().len(), LEN);
                prop_assert!(k.secret_bytes().iter().all(|c| ALPHABET.contains(c)));
            }
        }
    }
}
