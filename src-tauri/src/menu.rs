//! The application menu, in the owner's language: File (new incident, export dossier, lock,
//! quit), Edit (the clipboard's entries, search) and Help (diagnostic information, third-party
//! licences, about). Each of Carnet's own entries reaches the page as the `menu` event with the
//! action's name; the page decides what it means where it is (the page knows its screens).
//! The menu is built again when the language changes (`settings_set_locale`).

use carnet_core::Locale;
use serde::Serialize;
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItem, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};
use ts_rs::TS;

/// The event the page receives when a menu entry (or its shortcut) is chosen.
pub const EVENT_MENU: &str = "menu";

/// What an entry of Carnet's own asks the page to do (sent as its kebab-case name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export, rename = "MenuAction")]
pub enum Action {
    NewIncident,
    ExportDossier,
    Lock,
    Quit,
    Search,
    Diagnostics,
    Licences,
    About,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::NewIncident,
        Action::ExportDossier,
        Action::Lock,
        Action::Quit,
        Action::Search,
        Action::Diagnostics,
        Action::Licences,
        Action::About,
    ];

    /// The menu item's id, also the name the page receives.
    pub fn id(self) -> &'static str {
        match self {
            Action::NewIncident => "new-incident",
            Action::ExportDossier => "export-dossier",
            Action::Lock => "lock",
            Action::Quit => "quit",
            Action::Search => "search",
            Action::Diagnostics => "diagnostics",
            Action::Licences => "licences",
            Action::About => "about",
        }
    }

    pub fn from_id(id: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.id() == id)
    }

    /// The keyboard shortcut shown beside the entry (and active while the window has focus).
    pub fn accelerator(self) -> Option<&'static str> {
        match self {
            Action::NewIncident => Some("CmdOrCtrl+N"),
            Action::ExportDossier => Some("CmdOrCtrl+E"),
            Action::Lock => Some("CmdOrCtrl+L"),
            Action::Quit => Some("CmdOrCtrl+Q"),
            Action::Search => Some("CmdOrCtrl+F"),
            Action::Diagnostics | Action::Licences | Action::About => None,
        }
    }

    pub fn label(self, locale: Locale) -> &'static str {
        match (self, locale) {
            (Action::NewIncident, Locale::Fr) => "Nouvel incident",
            (Action::NewIncident, Locale::En) => "New incident",
            (Action::ExportDossier, Locale::Fr) => "Exporter un dossier…",
            (Action::ExportDossier, Locale::En) => "Export dossier…",
            (Action::Lock, Locale::Fr) => "Verrouiller",
            (Action::Lock, Locale::En) => "Lock",
            (Action::Quit, Locale::Fr) => "Quitter",
            (Action::Quit, Locale::En) => "Quit",
            (Action::Search, Locale::Fr) => "Rechercher",
            (Action::Search, Locale::En) => "Search",
            (Action::Diagnostics, Locale::Fr) => "Copier les informations de diagnostic",
            (Action::Diagnostics, Locale::En) => "Copy diagnostic information",
            (Action::Licences, Locale::Fr) => "Licences des composants tiers",
            (Action::Licences, Locale::En) => "Third-party licences",
            (Action::About, Locale::Fr) => "À propos de Carnet",
            (Action::About, Locale::En) => "About Carnet",
        }
    }
}

/// The Edit menu's clipboard entries. On Linux the predefined items do nothing in the webview
/// (GTK's stock actions do not reach WebKit's editor), so there they are Carnet's own entries,
/// carried out by WebKit's editing commands on whatever has the focus; elsewhere the system's
/// predefined items work and are used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editing {
    Cut,
    Copy,
    Paste,
    SelectAll,
}

impl Editing {
    pub const ALL: [Editing; 4] = [
        Editing::Cut,
        Editing::Copy,
        Editing::Paste,
        Editing::SelectAll,
    ];

    /// The menu item's id (never one of [`Action`]'s).
    pub fn id(self) -> &'static str {
        match self {
            Editing::Cut => "edit-cut",
            Editing::Copy => "edit-copy",
            Editing::Paste => "edit-paste",
            Editing::SelectAll => "edit-select-all",
        }
    }

    pub fn from_id(id: &str) -> Option<Editing> {
        Editing::ALL.into_iter().find(|e| e.id() == id)
    }

    /// WebKit's name of the editing command (`WEBKIT_EDITING_COMMAND_*`).
    pub fn webkit_command(self) -> &'static str {
        match self {
            Editing::Cut => "Cut",
            Editing::Copy => "Copy",
            Editing::Paste => "Paste",
            Editing::SelectAll => "SelectAll",
        }
    }

    fn label(self, t: &Titles) -> &'static str {
        match self {
            Editing::Cut => t.cut,
            Editing::Copy => t.copy,
            Editing::Paste => t.paste,
            Editing::SelectAll => t.select_all,
        }
    }
}

/// The labels of the menus and of the clipboard's entries.
pub struct Titles {
    pub file: &'static str,
    pub edit: &'static str,
    pub help: &'static str,
    pub cut: &'static str,
    pub copy: &'static str,
    pub paste: &'static str,
    pub select_all: &'static str,
}

pub fn titles(locale: Locale) -> Titles {
    match locale {
        Locale::Fr => Titles {
            file: "Fichier",
            edit: "Édition",
            help: "Aide",
            cut: "Couper",
            copy: "Copier",
            paste: "Coller",
            select_all: "Tout sélectionner",
        },
        Locale::En => Titles {
            file: "File",
            edit: "Edit",
            help: "Help",
            cut: "Cut",
            copy: "Copy",
            paste: "Paste",
            select_all: "Select all",
        },
    }
}

/// Carnet's own entries, menu by menu (`None` stands for a separator).
pub const FILE: &[Option<Action>] = &[
    Some(Action::NewIncident),
    Some(Action::ExportDossier),
    None,
    Some(Action::Lock),
    None,
    Some(Action::Quit),
];
pub const EDIT_AFTER_CLIPBOARD: &[Option<Action>] = &[None, Some(Action::Search)];
pub const HELP: &[Option<Action>] = &[
    Some(Action::Diagnostics),
    Some(Action::Licences),
    None,
    Some(Action::About),
];

fn item<R: Runtime>(
    app: &AppHandle<R>,
    action: Action,
    locale: Locale,
) -> tauri::Result<MenuItem<R>> {
    MenuItem::with_id(
        app,
        action.id(),
        action.label(locale),
        true,
        action.accelerator(),
    )
}

/// The whole menu bar in this language.
pub fn build<R: Runtime>(app: &AppHandle<R>, locale: Locale) -> tauri::Result<Menu<R>> {
    let t = titles(locale);
    let mut file = SubmenuBuilder::new(app, t.file);
    for entry in FILE {
        file = match entry {
            Some(action) => file.item(&item(app, *action, locale)?),
            None => file.separator(),
        };
    }
    let mut edit = SubmenuBuilder::new(app, t.edit);
    for editing in Editing::ALL {
        edit = if cfg!(target_os = "linux") {
            edit.item(&MenuItem::with_id(
                app,
                editing.id(),
                editing.label(&t),
                true,
                None::<&str>,
            )?)
        } else {
            edit.item(&match editing {
                Editing::Cut => PredefinedMenuItem::cut(app, Some(t.cut))?,
                Editing::Copy => PredefinedMenuItem::copy(app, Some(t.copy))?,
                Editing::Paste => PredefinedMenuItem::paste(app, Some(t.paste))?,
                Editing::SelectAll => PredefinedMenuItem::select_all(app, Some(t.select_all))?,
            })
        };
    }
    for entry in EDIT_AFTER_CLIPBOARD {
        edit = match entry {
            Some(action) => edit.item(&item(app, *action, locale)?),
            None => edit.separator(),
        };
    }
    let mut help = SubmenuBuilder::new(app, t.help);
    for entry in HELP {
        help = match entry {
            Some(action) => help.item(&item(app, *action, locale)?),
            None => help.separator(),
        };
    }
    MenuBuilder::new(app)
        .item(&file.build()?)
        .item(&edit.build()?)
        .item(&help.build()?)
        .build()
}

/// Builds the menu in this language and puts it on the window (again, after a change).
pub fn install<R: Runtime>(app: &AppHandle<R>, locale: Locale) {
    match build(app, locale) {
        Ok(menu) => {
            if let Err(e) = app.set_menu(menu) {
                log::warn!("the menu could not be set: {e}");
            }
        }
        Err(e) => log::warn!("the menu could not be built: {e}"),
    }
}

/// A menu entry was chosen: Quit ends the app here (the vault is locked as it ends), the
/// others go to the page.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if let Some(editing) = Editing::from_id(event.id().as_ref()) {
        edit(app, editing);
        return;
    }
    let Some(action) = Action::from_id(event.id().as_ref()) else {
        return;
    };
    if action == Action::Quit {
        app.exit(0);
    } else {
        let _ = app.emit(EVENT_MENU, action);
    }
}

/// Carries out a clipboard entry on what has the focus in the page (Linux: WebKit's editor).
fn edit<R: Runtime>(app: &AppHandle<R>, editing: Editing) {
    use tauri::Manager;
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let done = window.with_webview(move |view| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::WebViewExt;
            view.inner()
                .execute_editing_command(editing.webkit_command());
        }
        #[cfg(not(target_os = "linux"))]
        let _ = (view, editing);
    });
    if let Err(e) = done {
        log::warn!("the editing command could not run: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries() -> Vec<Action> {
        FILE.iter()
            .chain(EDIT_AFTER_CLIPBOARD)
            .chain(HELP)
            .flatten()
            .copied()
            .collect()
    }

    #[test]
    fn the_clipboard_entries_are_webkits_commands_with_ids_of_their_own() {
        for e in Editing::ALL {
            assert_eq!(Editing::from_id(e.id()), Some(e));
            assert_eq!(Action::from_id(e.id()), None);
        }
        let commands: Vec<&str> = Editing::ALL.iter().map(|e| e.webkit_command()).collect();
        assert_eq!(commands, ["Cut", "Copy", "Paste", "SelectAll"]);
    }

    #[test]
    fn every_action_is_in_the_menu_once() {
        let mut ids: Vec<&str> = entries().iter().map(|a| a.id()).collect();
        assert_eq!(ids.len(), Action::ALL.len());
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Action::ALL.len());
        for action in Action::ALL {
            assert_eq!(Action::from_id(action.id()), Some(action));
            // The id is what the page receives.
            assert_eq!(
                serde_json::to_value(action).unwrap(),
                serde_json::json!(action.id())
            );
        }
        assert_eq!(Action::from_id("undo"), None);
    }

    #[test]
    fn labels_are_translated() {
        for action in Action::ALL {
            let (fr, en) = (action.label(Locale::Fr), action.label(Locale::En));
            assert!(!fr.trim().is_empty() && !en.trim().is_empty());
            assert_ne!(fr, en, "{action:?}");
        }
        let (fr, en) = (titles(Locale::Fr), titles(Locale::En));
        for (fr, en) in [
            (fr.file, en.file),
            (fr.edit, en.edit),
            (fr.help, en.help),
            (fr.cut, en.cut),
            (fr.copy, en.copy),
            (fr.paste, en.paste),
            (fr.select_all, en.select_all),
        ] {
            assert!(!fr.is_empty() && !en.is_empty());
            assert_ne!(fr, en);
        }
    }

    #[test]
    fn the_shortcuts_are_the_documented_ones_and_distinct() {
        let shortcuts: Vec<(Action, &str)> = Action::ALL
            .into_iter()
            .filter_map(|a| a.accelerator().map(|k| (a, k)))
            .collect();
        assert_eq!(
            shortcuts,
            [
                (Action::NewIncident, "CmdOrCtrl+N"),
                (Action::ExportDossier, "CmdOrCtrl+E"),
                (Action::Lock, "CmdOrCtrl+L"),
                (Action::Quit, "CmdOrCtrl+Q"),
                (Action::Search, "CmdOrCtrl+F"),
            ]
        );
        // One modifier and a letter each, no two alike (muda parses "CmdOrCtrl+<letter>").
        let mut letters: Vec<&str> = shortcuts
            .iter()
            .map(|(_, keys)| keys.strip_prefix("CmdOrCtrl+").unwrap())
            .collect();
        assert!(
            letters
                .iter()
                .all(|l| l.len() == 1 && l.chars().all(|c| c.is_ascii_uppercase()))
        );
        letters.sort();
        letters.dedup();
        assert_eq!(letters.len(), shortcuts.len());
    }
}
