//! Hostile content in the real window: script-carrying payloads typed into every text field of
//! the company profile, a platform, an incident and an event (a 100,000-character line among
//! them), a piece whose name and content carry them, and an imported e-mail whose HTML body
//! holds scripts, a `javascript:` link and handlers, its subject an RTL override. Then every
//! page that shows them — the journal's list, the incident with its chronology, the e-mail's
//! preview, the dashboard, the search with a payload typed — must show them as text: a marker
//! global the payloads would set stays unset, and no element they would create exists.
//! Screenshots in target/e2e-screenshots/hostile-*.png.

use carnet_e2e::fantoccini::Locator;
use carnet_e2e::{App, ENV_TEST_DIALOGS, field_xpath, xpath_literal};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";

const IMG: &str = "<img src=x onerror=\"window.__pwned=1\">";
const SCRIPT: &str = "<script>window.__pwned=1</script>";
const JS_LINK: &str = "javascript:window.__pwned=1";
const SVG: &str = "<svg onload=\"window.__pwned=1\"><circle r=\"9\"/></svg>";
const RTL: &str = "\u{202E}fdp.exe";
/// The incident's title: a payload and words to find it by.
const TITLE: &str = "<img src=x onerror=\"window.__pwned=1\"> Versements bloqués";
const LONG_LEN: usize = 100_000;

/// How many (field, payload) placements the journey makes, for `make robustness`.
static PLACED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn long_line() -> String {
    let mut s = format!("{SCRIPT} ");
    while s.chars().count() < LONG_LEN {
        s.push_str("ligne-sans-espace");
    }
    s.chars().take(LONG_LEN).collect()
}

/// Puts `text` in the field labelled `label` as typing would end (the value set, then the
/// `input` event the page's bindings listen to): typing 100,000 characters key by key through
/// WebDriver would take minutes.
async fn put(app: &App, label: &str, text: &str) {
    let field = app.field(label).await;
    app.client
        .execute(
            "const [el, v] = arguments; el.focus(); el.value = v; \
             el.dispatchEvent(new Event('input', { bubbles: true })); \
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![
                serde_json::to_value(&field).unwrap(),
                serde_json::json!(text),
            ],
        )
        .await
        .unwrap_or_else(|e| panic!("put a value in {label:?}: {e}"));
    PLACED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// No payload ran, and none became an element.
async fn assert_inert(app: &App, page: &str) {
    eprintln!("hostile: checking {page}");
    let marker = app.eval("return typeof window.__pwned").await;
    assert_eq!(marker, "undefined", "{page}: a payload ran");
    for xpath in [
        "//img[@src='x']",
        "//script[contains(., '__pwned')]",
        "//*[local-name()='svg' and @onload]",
        "//*[local-name()='circle' and @r='9']",
        "//*[@onerror or @onload]",
        "//a[starts-with(normalize-space(@href), 'javascript')]",
        "//iframe",
    ] {
        assert!(!app.exists(xpath).await, "{page}: {xpath} in the page");
    }
    // The page keeps its direction.
    let dir = app
        .eval("return getComputedStyle(document.body).direction")
        .await;
    assert_eq!(dir, "ltr", "{page}");
}

/// `needle` is in the page as text (some element's own text holds it).
async fn shown_as_text(app: &App, needle: &str) {
    let q = xpath_literal(needle);
    app.find(Locator::XPath(&format!("//*[contains(text(), {q})]")))
        .await;
}

/// The page does not scroll sideways: long lines wrap.
async fn no_sideways_scroll(app: &App, page: &str) {
    let overflow = app
        .eval(
            "const m = document.querySelector('main'); \
             return Math.max(m.scrollWidth - m.clientWidth, \
               document.documentElement.scrollWidth - document.documentElement.clientWidth)",
        )
        .await;
    assert!(
        overflow.as_i64().unwrap_or(1) <= 0,
        "{page}: the page is {overflow} px wider than the window"
    );
}

fn eml() -> String {
    format!(
        "From: \"{IMG}\" <evil@example.com>\r
To: boutique@example.fr\r
Subject: {RTL} Facture {SCRIPT}\r
Date: Tue, 10 Mar 2026 09:15:00 +0100\r
MIME-Version: 1.0\r
Content-Type: text/html; charset=utf-8\r
\r
<html><head><script>window.__pwned=1</script><style>body{{display:none}}</style></head>\r
<body><p>Texte visible du courriel.</p>\r
<a href=\"javascript:window.__pwned=1\">Cliquez pour débloquer vos fonds</a>\r
<img src=x onerror=\"window.__pwned=1\"><svg onload=\"window.__pwned=1\"></svg>\r
<p>{RTL} fin du courriel</p><script>if (1 < 2) {{ window.__pwned = 1 }}</script></body></html>\r
"
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_content_is_shown_as_text_and_never_runs() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = tempfile::tempdir().unwrap();
    let dialogs_path = dialogs.path().display().to_string();
    let app = App::start_with_env(dir.path(), &[(ENV_TEST_DIALOGS, &dialogs_path)]).await;
    app.create_vault_and_open(PASSPHRASE).await;

    // The company profile: a payload in every free-text field.
    app.go("Entreprise").await;
    app.heading("Votre entreprise").await;
    put(&app, "Raison sociale", IMG).await;
    put(&app, "Forme juridique", SCRIPT).await;
    app.fill("SIRET", "73282932000074").await;
    put(&app, "Numéro et rue", SVG).await;
    app.fill("Code postal", "69003").await;
    put(&app, "Ville", JS_LINK).await;
    put(&app, "Prénom et nom", IMG).await;
    put(&app, "Fonction", SCRIPT).await;
    app.click("Enregistrer le profil").await;
    app.wait_for_text("Profil enregistré.").await;
    assert_eq!(app.value("Raison sociale").await, IMG);
    assert_eq!(app.value("Numéro et rue").await, SVG);
    assert_inert(&app, "company").await;
    // An RTL override is refused where it is typed, with the field's message.
    put(&app, "Ville", RTL).await;
    app.click("Enregistrer le profil").await;
    assert!(
        app.exists("//*[@id='company-city-error' and @role='alert']")
            .await
            || app
                .find(Locator::XPath("//*[@id='company-city-error']"))
                .await
                .is_displayed()
                .await
                .unwrap()
    );
    app.screenshot("hostile-company-fr").await;
    put(&app, "Ville", JS_LINK).await;
    app.click("Enregistrer le profil").await;
    app.wait_for_text("Profil enregistré.").await;

    // A platform named freely, every text field a payload.
    app.go("Plateformes").await;
    app.click("Ajouter une plateforme").await;
    app.heading("Nouvelle plateforme").await;
    put(&app, "Nom de la plateforme", SVG).await;
    app.choose("Type de service", "Place de marché").await;
    put(&app, "Raison sociale de l’exploitant", IMG).await;
    put(&app, "Compte 1", JS_LINK).await;
    put(
        &app,
        "Comment lui adresser une réclamation",
        &format!("{SCRIPT} {JS_LINK}"),
    )
    .await;
    put(&app, "Médiateur 1", IMG).await;
    put(&app, "Version des conditions générales", SCRIPT).await;
    app.click("Enregistrer la plateforme").await;
    app.wait_for_text("Plateforme enregistrée").await;
    shown_as_text(&app, "<svg onload=").await;
    shown_as_text(&app, JS_LINK).await;
    assert_inert(&app, "platforms").await;
    app.screenshot("hostile-platforms-fr").await;

    // An incident: payloads in its title, description, ask, amounts note, reference, tags.
    app.go("Journal").await;
    app.click("Noter un incident").await;
    app.heading("Nouvel incident").await;
    app.choose("Catégorie", "Versements retenus ou bloqués")
        .await;
    put(&app, "Titre", TITLE).await;
    app.fill("Date des faits", "02/03/2026").await;
    let long_description: String =
        format!("{IMG}\n{SCRIPT}\n{JS_LINK}\n{SVG}\n") + &"x".repeat(15_000);
    put(&app, "Description des faits", &long_description).await;
    put(&app, "Ce que vous demandez", SCRIPT).await;
    app.fill("Fonds retenus", "1 234,56").await;
    put(&app, "Comment ces montants ont été calculés", SVG).await;
    put(
        &app,
        "Référence de la décision ou du dossier chez la plateforme",
        JS_LINK,
    )
    .await;
    put(&app, "Mots-clés", "<svg onload=window.__pwned=1>").await;
    app.click("Enregistrer l’incident").await;
    app.heading(TITLE).await;
    shown_as_text(&app, "<script>window.__pwned=1</script>").await;
    shown_as_text(&app, "<svg onload=").await;
    assert_inert(&app, "incident").await;
    no_sideways_scroll(&app, "incident").await;
    app.screenshot("hostile-incident-fr").await;

    // An event: a payload as its summary, a 100,000-character line as its full text.
    app.click("Ajouter un événement").await;
    app.heading("Nouvel événement").await;
    app.fill("Date de l’événement", "05/03/2026").await;
    app.choose("Qui", "La plateforme").await;
    app.choose("Par quel moyen", "Par notification").await;
    put(&app, "Résumé", IMG).await;
    put(&app, "Texte complet", &long_line()).await;
    app.click("Enregistrer l’événement").await;
    app.wait_for_text("Événement enregistré.").await;
    shown_as_text(&app, "ligne-sans-espaceligne-sans-espace").await;
    assert_inert(&app, "timeline").await;
    no_sideways_scroll(&app, "timeline").await;
    app.screenshot("hostile-timeline-fr").await;

    // A piece whose name and content are payloads, previewed as text.
    let piece = dialogs
        .path()
        .join("<img src=x onerror=window.__pwned=1>.txt");
    std::fs::write(&piece, format!("{SCRIPT}\n{SVG}\n{JS_LINK}\n")).unwrap();
    std::fs::write(dialogs.path().join("open.txt"), piece.display().to_string()).unwrap();
    app.click("Ajouter des fichiers").await;
    app.wait_for_text("1 pièce ajoutée.").await;
    PLACED.fetch_add(2, std::sync::atomic::Ordering::Relaxed);
    app.click("Aperçu de P1").await;
    shown_as_text(&app, "<script>window.__pwned=1</script>").await;
    assert_inert(&app, "piece preview").await;
    app.screenshot("hostile-piece-preview-fr").await;
    app.click("Fermer l’aperçu").await;

    // An e-mail whose HTML body carries scripts, a javascript: link and handlers.
    let email = dialogs.path().join("facture.eml");
    std::fs::write(&email, eml()).unwrap();
    std::fs::write(dialogs.path().join("open.txt"), email.display().to_string()).unwrap();
    app.click("Importer un e-mail (.eml)").await;
    app.wait_for_text("E-mail importé dans la chronologie")
        .await;
    PLACED.fetch_add(8, std::sync::atomic::Ordering::Relaxed);
    assert_inert(&app, "e-mail imported").await;
    app.click("Aperçu de P2").await;
    let text = app.wait_for_text("Texte visible du courriel.").await;
    assert!(text.contains("Cliquez pour débloquer vos fonds"), "{text}");
    assert!(!text.contains("__pwned = 1"), "script source shown: {text}");
    assert!(
        !app.exists("//a[contains(., 'Cliquez pour débloquer')]")
            .await,
        "the link became a link"
    );
    shown_as_text(&app, "evil@example.com").await;
    // The sender's RTL override is gone: the subject reads in its order.
    shown_as_text(&app, "fdp.exe Facture <script>").await;
    let subject = app.page_text().await;
    assert!(!subject.contains('\u{202E}'), "an RTL override shown");
    assert_inert(&app, "e-mail preview").await;
    no_sideways_scroll(&app, "e-mail preview").await;
    app.screenshot("hostile-email-preview-fr").await;
    app.click("Fermer l’aperçu").await;
    assert_inert(&app, "incident with everything").await;
    app.screenshot("hostile-incident-all-fr").await;

    // The journal's list, the dashboard.
    app.go("Journal").await;
    app.heading("Journal des incidents").await;
    shown_as_text(&app, TITLE).await;
    assert_inert(&app, "journal list").await;
    no_sideways_scroll(&app, "journal list").await;
    // The list's picture is the search's below: a screenshot here, right after leaving the
    // incident page, waited for a frame until the vault locked itself (10 minutes) in each of
    // the runs that took one; not understood yet.
    app.go("Tableau de bord").await;
    app.heading("Tableau de bord").await;
    app.wait_for_text("Délais à surveiller").await;
    assert_inert(&app, "dashboard").await;
    no_sideways_scroll(&app, "dashboard").await;
    app.screenshot("hostile-dashboard-fr").await;

    // The search, a payload typed key by key.
    app.go("Journal").await;
    app.heading("Journal des incidents").await;
    let search = app.find(Locator::XPath(&field_xpath("Rechercher"))).await;
    search.send_keys(IMG).await.expect("type in the search");
    PLACED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    app.eval_until(
        "const t = document.body.innerText; \
         return (t.includes('trouvé') || t.includes('Aucun incident ne correspond')) && t.length",
    )
    .await;
    assert_inert(&app, "search").await;
    app.screenshot("hostile-search-fr").await;
    println!(
        "ROBUSTNESS payloads_ui={}",
        PLACED.load(std::sync::atomic::Ordering::Relaxed)
    );
    app.quit().await;
}
