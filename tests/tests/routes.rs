//! The route guide « Que faire maintenant ? » in the real window: an account suspension whose
//! decision came by e-mail shows the complaint's clock counted from the day the owner was
//! informed, the out-of-court body open without a prior complaint with the bodies known for
//! the platform, the dashboard's routes closing within 30 days, and "prepare the dossier"
//! opening a new dossier for that route; a counterfeit case puts the notice first; a company in
//! collective proceedings finds the Médiateur closed, with its reason and the alternative.
//! Without the day informed, the decision's e-mail recorded in the chronology dates it.
//! Screenshots in French, in English and in the dark theme: target/e2e-screenshots/routes-*.png.

use carnet_e2e::App;
use chrono::{Days, Months, NaiveDate};

const PASSPHRASE: &str = "trois pommes vertes sous le vieux tilleul";

fn french(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

async fn new_incident(
    app: &App,
    category: &str,
    measure: &str,
    title: &str,
    dates: &[(&str, String)],
) {
    app.go("Journal").await;
    app.click("Noter un incident").await;
    app.heading("Nouvel incident").await;
    app.choose("Catégorie", category).await;
    app.choose("Mesure prise par la plateforme", measure).await;
    app.fill("Titre", title).await;
    for (label, date) in dates {
        app.fill(label, date).await;
    }
    app.click("Enregistrer l’incident").await;
    app.heading(title).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guide_for_a_suspension_a_counterfeit_and_collective_proceedings() {
    let dir = tempfile::tempdir().expect("a temporary data folder");
    let app = App::start(dir.path()).await;
    app.create_vault_and_open(PASSPHRASE).await;
    app.add_platform("Amazon").await;

    // A suspension decided three days before the e-mail that told the owner of it.
    let today = chrono::Local::now().date_naive();
    let informed = today - Months::new(6) + Days::new(20);
    let decided = informed - Days::new(3);
    let left = (informed + Months::new(6) - today).num_days();
    new_incident(
        &app,
        "Compte suspendu ou fermé",
        "Suspension du compte ou du service",
        "Compte vendeur suspendu",
        &[
            ("Date de la décision", french(decided)),
            ("Date de la notification", french(informed)),
        ],
    )
    .await;
    // The checker: the platform's e-mail stated only what was restricted; the rest are grounds.
    app.click("Ajouter un événement").await;
    app.heading("Nouvel événement").await;
    app.fill("Date de l’événement", &french(informed)).await;
    app.choose("Qui", "La plateforme").await;
    app.fill("Résumé", "Votre compte vendeur est suspendu")
        .await;
    app.fill(
        "Texte complet",
        "Votre compte est suspendu jusqu’à nouvel ordre.",
    )
    .await;
    app.choose(
        "Décision de la plateforme enregistrée par cet événement",
        "Suspension du compte ou du service",
    )
    .await;
    app.tick("Ce qui est restreint, sa portée et sa durée (DSA 17(3)(a))")
        .await;
    app.screenshot("routes-checker-fr").await;
    app.click("Enregistrer l’événement").await;
    app.wait_for_text("Événement enregistré.").await;
    let text = app.wait_for_text("Motifs à faire valoir").await;
    assert!(
        text.contains("La décision n’indique pas : les faits et circonstances, et si un signalement en est à l’origine (DSA 17(3)(b))"),
        "{text}"
    );
    assert!(
        !text.contains("La décision n’indique pas : ce qui est restreint"),
        "{text}"
    );
    let text = app.wait_for_text("Que faire maintenant ?").await;
    for shown in [
        "ce n’est pas un conseil juridique et aucune issue n’est garantie",
        "Réclamation interne auprès de la plateforme",
        &format!(
            "encore {left} jours, compté à partir du jour où vous avez été informé de la décision."
        ),
        "Organe de règlement extrajudiciaire certifié",
        "ADR Center",
        "Médiateur des entreprises",
        "Signalement à la DGE",
        "Plainte auprès de l’Arcom",
        "Remplissez le profil de l’entreprise",
        "Ne s’appliquent pas ici : Signalement de contenu illicite.",
        "Contrôleur d’accès (DMA). Des obligations supplémentaires",
    ] {
        assert!(text.contains(shown), "{shown:?} in:\n{text}");
    }
    // No sentence says the out-of-court body needs a complaint first.
    assert!(!text.contains("après la réclamation"), "{text}");
    app.screenshot("routes-suspension-fr").await;

    // The dashboard lists the complaint's clock among the routes closing within 30 days.
    app.go("Tableau de bord").await;
    let text = app
        .wait_for_text("Voies qui se ferment dans les 30 jours")
        .await;
    assert!(text.contains("Compte vendeur suspendu"), "{text}");
    assert!(text.contains(&format!("encore {left} jours")), "{text}");
    app.screenshot("routes-dashboard-fr").await;
    app.click("Compte vendeur suspendu").await;
    app.heading("Compte vendeur suspendu").await;

    // "Prepare the dossier" opens a new dossier for that route and this incident.
    app.wait_for_text("Préparer le dossier").await;
    app.click("Préparer le dossier\u{202F}: Réclamation interne à la plateforme")
        .await;
    app.heading("Nouveau dossier").await;
    let chosen = app
        .eval("return document.querySelector('input[name=dossier-destination]:checked')?.value ?? null")
        .await;
    assert_eq!(chosen, serde_json::json!("platform_complaint"));
    let ticked = app
        .eval(
            "return [...document.querySelectorAll('input[type=checkbox]:checked')] \
             .map(e => document.querySelector(`label[for=\"${e.id}\"]`)?.textContent ?? '').join('|')",
        )
        .await;
    assert!(
        ticked.to_string().contains("Compte vendeur suspendu"),
        "{ticked}"
    );

    // A counterfeit case: the notice comes first.
    new_incident(
        &app,
        "Des tiers vendent des contrefaçons de mes produits, signalement ignoré",
        "Restriction\u{202F}: offres, visibilité ou versements",
        "Contrefaçons de nos sacs",
        &[],
    )
    .await;
    app.wait_for_text("Que faire maintenant ?").await;
    let first = app
        .eval("return document.querySelector('.routes article h3')?.textContent ?? null")
        .await;
    assert_eq!(first, serde_json::json!("Signalement de contenu illicite"));
    app.wait_for_text("Pour des contrefaçons, le signalement vient avant toute réclamation")
        .await;
    app.screenshot("routes-counterfeit-fr").await;

    // Collective proceedings: the Médiateur is closed, with its reason and the alternative.
    app.go("Entreprise").await;
    app.fill("Raison sociale", "Atelier Dupont").await;
    app.tick("L’entreprise fait l’objet d’une procédure collective (sauvegarde, redressement ou liquidation judiciaire)").await;
    app.click("Enregistrer le profil").await;
    app.wait_for_text("Profil enregistré").await;
    app.go("Journal").await;
    app.click("Compte vendeur suspendu").await;
    let text = app.wait_for_text("Fermée").await;
    assert!(
        text.contains("la médiation ou la conciliation par le président du tribunal de commerce reste possible"),
        "{text}"
    );
    app.screenshot("routes-collective-proceedings-fr").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guide_in_english_and_in_the_dark_theme() {
    let dir = tempfile::tempdir().expect("a temporary data folder");
    let app = App::start_dark(dir.path()).await;
    app.create_vault_and_open(PASSPHRASE).await;
    app.add_platform("Amazon").await;
    let today = chrono::Local::now().date_naive();
    let informed = today - Months::new(2);
    new_incident(
        &app,
        "Compte suspendu ou fermé",
        "Suspension du compte ou du service",
        "Compte vendeur suspendu",
        &[("Date de la décision", french(informed - Days::new(3)))],
    )
    .await;
    // Without the day informed, the clock runs from the decision, and the guide says so.
    app.wait_for_text(
        "compté à partir de la date de la décision, faute du jour où vous en avez été informé",
    )
    .await;
    // The decision's e-mail, recorded in the chronology, dates the day informed (DSA 20(1)).
    app.click("Ajouter un événement").await;
    app.heading("Nouvel événement").await;
    app.fill("Date de l’événement", &french(informed)).await;
    app.fill("Résumé", "Suspension de votre compte vendeur")
        .await;
    app.choose(
        "Décision de la plateforme enregistrée par cet événement",
        "Suspension du compte ou du service",
    )
    .await;
    app.click("Enregistrer l’événement").await;
    app.wait_for_text("Événement enregistré.").await;
    app.wait_for_text("compté à partir du jour où vous avez été informé de la décision.")
        .await;
    app.switch_to_english().await;
    let text = app.wait_for_text("What can I do now?").await;
    for shown in [
        "this is not legal advice and no outcome is guaranteed",
        "Internal complaint to the platform",
        "counted from the day you were informed of the decision.",
        "Certified out-of-court dispute settlement body",
        "Complaint to Arcom",
    ] {
        assert!(text.contains(shown), "{shown:?} in:\n{text}");
    }
    app.screenshot("routes-suspension-en-dark").await;
    app.quit().await;
}
