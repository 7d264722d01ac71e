//! "Remember on this computer" against the real OS keyring. Ignored by default; `make test`
//! runs it twice (`make keyring-test`): under a private D-Bus session with a real, unlocked
//! gnome-keyring Secret Service (`CARNET_KEYRING_TEST=secret-service`), and with no session
//! bus at all (`CARNET_KEYRING_TEST=none`), where every keyring step must fall back cleanly.

mod common;

use carnet_store::keys::keyring;
use carnet_store::{Secret, StoreError, Vault};
use common::*;

fn expectation() -> String {
    std::env::var("CARNET_KEYRING_TEST").expect("run through `make keyring-test`")
}

#[tokio::test]
#[ignore]
async fn this_computer_through_the_os_keyring() {
    let expect = expectation();
    keyring::use_platform_store();
    let f = fixture();
    let (mut vault, _) = created(&f).await;

    match expect.as_str() {
        "secret-service" => {
            vault.remember_this_computer().unwrap();
            assert!(vault.remembers_this_computer());
            vault.lock().await;
            let v = Vault::unlock(&f.layout, Secret::ThisComputer)
                .await
                .unwrap();
            v.lock().await;

            // The entry changed behind Carnet's back: a mismatch, the passphrase still works.
            let device_id = Vault::key_file(&f.layout)
                .unwrap()
                .device_id()
                .unwrap()
                .to_owned();
            keyring::store(&device_id, &[0x42; 32]).unwrap();
            let e = Vault::unlock(&f.layout, Secret::ThisComputer)
                .await
                .err()
                .unwrap();
            assert!(matches!(e, StoreError::KeyringMismatch), "{e:?}");
            // The entry is gone: unavailable.
            keyring::delete(&device_id).unwrap();
            let e = Vault::unlock(&f.layout, Secret::ThisComputer)
                .await
                .err()
                .unwrap();
            assert!(matches!(e, StoreError::KeyringUnavailable), "{e:?}");

            // Forgetting removes both the slot and the entry.
            let mut v = Vault::unlock(&f.layout, Secret::Passphrase(PASS))
                .await
                .unwrap();
            v.remember_this_computer().unwrap();
            let device_id = Vault::key_file(&f.layout)
                .unwrap()
                .device_id()
                .unwrap()
                .to_owned();
            v.forget_this_computer().unwrap();
            assert!(!v.remembers_this_computer());
            assert!(matches!(
                keyring::load(&device_id),
                Err(StoreError::KeyringUnavailable)
            ));
            v.lock().await;
        }
        "none" => {
            let e = vault.remember_this_computer().unwrap_err();
            assert!(matches!(e, StoreError::KeyringUnavailable), "{e:?}");
            assert!(
                !vault.remembers_this_computer(),
                "no slot without a keyring entry"
            );
            vault.lock().await;
            let e = Vault::unlock(&f.layout, Secret::ThisComputer)
                .await
                .err()
                .unwrap();
            assert!(matches!(e, StoreError::KeyringUnavailable));
        }
        other => panic!("unknown CARNET_KEYRING_TEST={other}"),
    }
    // Whatever the keyring did, the passphrase opens the vault.
    Vault::unlock(&f.layout, Secret::Passphrase(PASS))
        .await
        .unwrap()
        .lock()
        .await;
}
