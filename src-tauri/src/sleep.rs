//! Locking when the computer goes to sleep or the session is locked. On Linux, logind says
//! both on the system bus: `org.freedesktop.login1.Manager.PrepareForSleep(true)` just before
//! a suspend, and `org.freedesktop.login1.Session.Lock` when the screen locks. A thread listens
//! (blocking D-Bus, so no async runtime is involved) and calls back.
//!
//! Fallback, where there is no logind (another OS, a container, a session without a system
//! bus): the idle clock counts wall-clock time too (see `idle.rs`), so a vault left open
//! through a suspend longer than the auto-lock delay locks at the first check after resuming.
//!
//! `CARNET_SLEEP_BUS` (tests only) points the listener at another bus address than the system
//! bus, so a test can send the signal on a private bus.

/// The variable that moves the listener to another bus (tests).
pub const ENV_SLEEP_BUS: &str = "CARNET_SLEEP_BUS";

/// Starts listening in a thread. Returns `false` when no bus could be reached (the fallback
/// applies); the callback runs on the listener's thread.
#[cfg(target_os = "linux")]
pub fn watch(on_sleep: impl Fn() + Send + Sync + 'static) -> bool {
    let address = std::env::var(ENV_SLEEP_BUS).ok().filter(|a| !a.is_empty());
    let Ok(iterators) = listen(address.as_deref()) else {
        return false;
    };
    let on_sleep = std::sync::Arc::new(on_sleep);
    for messages in iterators {
        let on_sleep = on_sleep.clone();
        std::thread::spawn(move || {
            for message in messages.flatten() {
                if goes_to_sleep(&message) {
                    on_sleep();
                }
            }
        });
    }
    true
}

#[cfg(not(target_os = "linux"))]
pub fn watch(_on_sleep: impl Fn() + Send + Sync + 'static) -> bool {
    false
}

#[cfg(target_os = "linux")]
fn listen(address: Option<&str>) -> zbus::Result<Vec<zbus::blocking::MessageIterator>> {
    use zbus::blocking::{Connection, MessageIterator, connection::Builder};
    use zbus::{MatchRule, message::Type};

    let conn = match address {
        Some(address) => Builder::address(address)?.build()?,
        None => Connection::system()?,
    };
    let sleep = MatchRule::builder()
        .msg_type(Type::Signal)
        .interface("org.freedesktop.login1.Manager")?
        .member("PrepareForSleep")?
        .build();
    let lock = MatchRule::builder()
        .msg_type(Type::Signal)
        .interface("org.freedesktop.login1.Session")?
        .member("Lock")?
        .build();
    Ok(vec![
        MessageIterator::for_match_rule(sleep, &conn, None)?,
        MessageIterator::for_match_rule(lock, &conn, None)?,
    ])
}

#[cfg(target_os = "linux")]
fn goes_to_sleep(message: &zbus::Message) -> bool {
    let header = message.header();
    match header.member().map(|m| m.as_str()) {
        // `true` before sleeping, `false` after waking up.
        Some("PrepareForSleep") => message.body().deserialize::<bool>().unwrap_or(false),
        Some("Lock") => true,
        _ => false,
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    /// A private bus for the test (dbus-daemon from Debian's `dbus`), stopped on drop.
    struct PrivateBus(std::process::Child, String);
    impl PrivateBus {
        fn start() -> Self {
            let mut child = Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address"])
                .stdout(Stdio::piped())
                .spawn()
                .expect("dbus-daemon (make deps installs dbus)");
            let mut address = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut address)
                .unwrap();
            PrivateBus(child, address.trim().to_owned())
        }
    }
    impl Drop for PrivateBus {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    fn send(address: &str, path: &str, iface: &str, member: &str, body: Option<bool>) {
        let conn = zbus::blocking::connection::Builder::address(address)
            .unwrap()
            .build()
            .unwrap();
        match body {
            Some(b) => conn
                .emit_signal(None::<&str>, path, iface, member, &(b,))
                .unwrap(),
            None => conn
                .emit_signal(None::<&str>, path, iface, member, &())
                .unwrap(),
        }
    }

    #[test]
    fn sleep_and_screen_lock_signals_call_back_and_waking_up_does_not() {
        let bus = PrivateBus::start();
        // SAFETY: this test is the only one in the process touching this variable.
        unsafe { std::env::set_var(super::ENV_SLEEP_BUS, &bus.1) };
        let (tx, rx) = mpsc::channel();
        assert!(super::watch(move || tx.send(()).unwrap()));
        std::thread::sleep(Duration::from_millis(200)); // the match rules are in place
        let manager = ("/org/freedesktop/login1", "org.freedesktop.login1.Manager");

        send(&bus.1, manager.0, manager.1, "PrepareForSleep", Some(false));
        assert!(
            rx.recv_timeout(Duration::from_millis(500)).is_err(),
            "waking up locks nothing"
        );
        send(&bus.1, manager.0, manager.1, "PrepareForSleep", Some(true));
        rx.recv_timeout(Duration::from_secs(10))
            .expect("locked before sleeping");
        send(
            &bus.1,
            "/org/freedesktop/login1/session/_31",
            "org.freedesktop.login1.Session",
            "Lock",
            None,
        );
        rx.recv_timeout(Duration::from_secs(10))
            .expect("locked with the screen");
    }
}
