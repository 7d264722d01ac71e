//! The Tauri surface, checked: every command registered in `lib.rs` is declared in `build.rs`
//! and granted in the capability file, and the capability grants nothing else beyond the lock
//! event; the CSP allows no remote origin and no inline code. A command added without its
//! permission (the window could not call it) or a permission added without a command fails.

#[cfg(test)]
mod tests {
    const LIB: &str = include_str!("lib.rs");
    const BUILD: &str = include_str!("../build.rs");
    const CAPABILITY: &str = include_str!("../capabilities/main.json");
    const CONFIG: &str = include_str!("../tauri.conf.json");

    fn registered() -> Vec<String> {
        let handler = LIB
            .split("generate_handler![")
            .nth(1)
            .unwrap()
            .split(']')
            .next()
            .unwrap();
        handler
            .split(',')
            .filter_map(|s| s.trim().rsplit("::").next().map(str::to_owned))
            .filter(|s| !s.is_empty())
            .collect()
    }

    fn declared() -> Vec<String> {
        let list = BUILD
            .split("const COMMANDS: &[&str] = &[")
            .nth(1)
            .unwrap()
            .split("];")
            .next()
            .unwrap();
        list.split(',')
            .map(|s| s.trim().trim_matches('"').to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }

    #[test]
    fn every_command_is_declared_and_granted_and_nothing_more() {
        let (mut registered, mut declared) = (registered(), declared());
        registered.sort();
        declared.sort();
        assert!(registered.len() >= 17);
        assert_eq!(
            registered, declared,
            "lib.rs and build.rs list the same commands"
        );

        let cap: serde_json::Value = serde_json::from_str(CAPABILITY).unwrap();
        let mut granted: Vec<String> = cap["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().expect("plain permission names only").to_owned())
            .collect();
        granted.sort();
        let mut expected: Vec<String> = declared
            .iter()
            .map(|c| format!("allow-{}", c.replace('_', "-")))
            .collect();
        expected.extend([
            "core:event:allow-listen".to_owned(),
            "core:event:allow-unlisten".to_owned(),
        ]);
        expected.sort();
        assert_eq!(granted, expected);
        assert_eq!(cap["windows"], serde_json::json!(["main"]));
    }

    #[test]
    fn the_csp_is_strict() {
        let config: serde_json::Value = serde_json::from_str(CONFIG).unwrap();
        assert_eq!(config["app"]["withGlobalTauri"], false);
        let csp = config["app"]["security"]["csp"].as_object().unwrap();
        for (directive, value) in csp {
            let value = value.as_str().unwrap();
            assert!(
                !value.contains("unsafe-inline") && !value.contains("unsafe-eval"),
                "{directive}"
            );
            for token in value.split_whitespace() {
                let local = [
                    "'self'",
                    "'none'",
                    "data:",
                    "blob:",
                    "ipc:",
                    "http://ipc.localhost",
                ]
                .contains(&token);
                assert!(local, "{directive} allows {token}");
            }
        }
        assert_eq!(csp["default-src"], "'self'");
        assert_eq!(csp["script-src"], "'self'");
        assert_eq!(csp["object-src"], "'none'");
    }
}
