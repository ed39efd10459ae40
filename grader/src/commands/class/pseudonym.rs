//! Stable pseudonyms for the publishable page: an HMAC-SHA-256 of the learner's name under a
//! salt only the instructor keeps, written in a few letters and digits.
//!
//! Stable: the same name and salt give the same pseudonym in every build. Safe: without the
//! salt, a list of the class's names does not tell which pseudonym is whose, which a plain hash
//! of the name would. So the salt is refused, never replaced, when it goes missing: a new salt
//! would give every learner a new pseudonym.

use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest as _, Sha256};

use crate::error::{GraderError, Result};
use crate::files::create_atomically_for;
use crate::output;
use crate::platform::{Access, fill_random};

/// The fewest bytes a salt file may hold: a salt short enough to guess would let anybody with
/// the class's names undo the pseudonyms.
pub const MIN_SALT_BYTES: usize = 16;

/// Crockford's base 32, in lower case: no `i`, `l`, `o` or `u` to misread.
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The instructor's secret.
pub struct Salt(Vec<u8>);

/// Reads the salt the instructor named. A file that is missing, unreadable or too short is
/// refused (exit status 2): it is never replaced.
pub fn read_given(path: &Path) -> Result<Salt> {
    let bytes = std::fs::read(path).map_err(|error| {
        GraderError::Usage(if error.kind() == std::io::ErrorKind::NotFound {
            output::salt_not_found(path)
        } else {
            output::salt_unreadable(path, &error)
        })
    })?;
    parse(&bytes, path)
}

/// Reads the salt kept at `path`, or, when there is none and no page was built before, makes
/// one there (readable by its owner alone). Says whether it made one.
///
/// `previous_page` is the publishable page of an earlier build, if there is one: then a missing
/// salt is refused, since it made the pseudonyms that page shows.
pub fn read_or_create(path: &Path, previous_page: Option<&Path>) -> Result<(Salt, bool)> {
    match std::fs::read(path) {
        Ok(bytes) => return Ok((parse(&bytes, path)?, false)),
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            return Err(GraderError::Usage(output::salt_unreadable(path, &error)));
        }
        Err(_) => {}
    }
    if let Some(page) = previous_page {
        return Err(GraderError::Usage(output::salt_gone(path, page)));
    }
    let mut secret = [0u8; 32];
    fill_random(&mut secret).map_err(|e| GraderError::io("make a salt", e))?;
    let text: String = secret
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
        + "\n";
    let created = create_atomically_for(path, text.as_bytes(), Access::OwnerOnly)
        .map_err(|e| GraderError::io(format!("write {}", path.display()), e))?;
    if !created {
        // Another build made it meanwhile: use theirs, so that both agree.
        return read_or_create(path, previous_page);
    }
    Ok((parse(text.as_bytes(), path)?, true))
}

/// The salt is the file's bytes without surrounding white space, so that an editor's final
/// newline does not change every pseudonym.
fn parse(bytes: &[u8], path: &Path) -> Result<Salt> {
    let secret = bytes.trim_ascii();
    if secret.len() < MIN_SALT_BYTES {
        return Err(GraderError::Usage(output::salt_too_short(
            path,
            secret.len(),
            MIN_SALT_BYTES,
        )));
    }
    Ok(Salt(secret.to_vec()))
}

/// Each name's pseudonym, in the order given: eight characters (40 bits) such as `k4m9-2xqd`.
/// Two names whose short pseudonyms collide both get sixteen characters (80 bits) instead, so
/// that no two learners share one; nobody else's pseudonym changes.
pub fn pseudonyms(salt: &Salt, names: &[&str]) -> Vec<String> {
    let digests: Vec<[u8; 32]> = names
        .iter()
        .map(|name| hmac_sha256(&salt.0, name.as_bytes()))
        .collect();
    let short: Vec<String> = digests.iter().map(|d| encode(d, 8)).collect();
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for pseudonym in &short {
        *uses.entry(pseudonym).or_default() += 1;
    }
    short
        .iter()
        .zip(&digests)
        .map(|(pseudonym, digest)| {
            if uses[pseudonym.as_str()] > 1 {
                encode(digest, 16)
            } else {
                pseudonym.clone()
            }
        })
        .collect()
}

/// The first `length` base-32 characters of `digest` (five bits each), in groups of four.
fn encode(digest: &[u8; 32], length: usize) -> String {
    let mut out = String::new();
    for index in 0..length {
        let bit = index * 5;
        let window = (u16::from(digest[bit / 8]) << 8) | u16::from(digest[bit / 8 + 1]);
        let value = (window >> (11 - bit % 8)) & 0x1f;
        if index > 0 && index % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(value)]));
    }
    out
}

/// HMAC-SHA-256 (RFC 2104): a keyed hash that, unlike a hash of salt and name put together,
/// is the standard way to derive a value from a secret.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut block = [0u8; BLOCK];
    if key.len() > BLOCK {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let inner = Sha256::new()
        .chain_update(block.map(|b| b ^ 0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(block.map(|b| b ^ 0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn hmac_matches_the_rfc_4231_test_vectors() {
        // Test case 2 (a short key) and test case 6 (a key longer than a block).
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(
            hex(&hmac_sha256(
                &[0xaa; 131],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn base_32_takes_five_bits_at_a_time() {
        let mut digest = [0u8; 32];
        // 00001 00010 00011 11111 …
        digest[..3].copy_from_slice(&[0b0000_1000, 0b1000_0111, 0b1111_0000]);
        assert_eq!(encode(&digest, 4), "123z");
        assert_eq!(encode(&[0xff; 32], 8), "zzzz-zzzz");
    }

    #[test]
    fn pseudonyms_depend_on_the_salt_and_stay_the_same_for_the_same_salt() {
        let salt = Salt(b"a salt of sixteen bytes".to_vec());
        let other = Salt(b"another salt of sixteen bytes".to_vec());
        let names = ["ada", "grace", "barbara"];
        let first = pseudonyms(&salt, &names);
        assert_eq!(first, pseudonyms(&salt, &names));
        assert_ne!(first, pseudonyms(&other, &names));
        assert!(first.iter().all(|p| p.len() == 9), "{first:?}");
        // One learner's pseudonym does not depend on who else is in the class.
        assert_eq!(pseudonyms(&salt, &["grace"])[0], first[1]);
    }

    #[test]
    fn a_short_salt_is_refused() {
        let error = parse(b"  short\n", Path::new("salt"))
            .err()
            .expect("refused");
        assert!(error.to_string().contains("holds 5 bytes"), "{error}");
        assert_eq!(error.exit_status(), crate::error::EXIT_USAGE);
    }
}
