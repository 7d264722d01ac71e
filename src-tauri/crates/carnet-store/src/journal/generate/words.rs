//! The French the generated vaults are written in: titles by category family, sentences the
//! owner or the platform would write, e-mail openings and closings, products. Placeholders in
//! braces are filled at random: `{product}`, `{order}` (an order number), `{case}` (a case
//! reference), `{amount}` (euros, the French way), `{days}` (a number of days), `{sku}`.

/// Titles by the category's family (the three capitals before the hyphen).
pub const TITLES: &[(&str, &[&str])] = &[
    (
        "CGU",
        &[
            "Nouvelles conditions appliquées sans préavis suffisant",
            "Modification des CGU notifiée {days} jours avant",
            "Conditions de suspension introuvables dans les CGU",
            "Clause de responsabilité déséquilibrée dans le contrat vendeur",
            "Changement des règles de retour imposé aux vendeurs",
        ],
    ),
    (
        "FIN",
        &[
            "Versement de {amount} bloqué sans explication",
            "Hausse de la commission sur la catégorie maroquinerie",
            "Frais de stockage facturés deux fois",
            "Paiements retenus pendant {days} jours",
            "Facture de frais publicitaires contestée",
            "Réserve de fonds appliquée au compte vendeur",
        ],
    ),
    (
        "ACC",
        &[
            "Compte vendeur suspendu sans motif précis",
            "Offre {sku} désactivée pour « produit dangereux »",
            "Fiche {product} déréférencée sans avertissement",
            "Demande de vérification d'identité bloquant les ventes",
            "Désactivation de {days} annonces après un contrôle automatique",
            "Fermeture du compte annoncée avec préavis de {days} jours",
        ],
    ),
    (
        "VIS",
        &[
            "Chute brutale du classement de {product}",
            "Badge de mise en avant retiré sans raison",
            "Nos offres passent après celles de la plateforme",
            "Visibilité réduite depuis la mise à jour de l'algorithme",
        ],
    ),
    (
        "SRV",
        &[
            "Service logistique imposé pour garder le badge",
            "Obligation d'utiliser le transporteur de la plateforme",
        ],
    ),
    (
        "DAT",
        &[
            "Accès aux données de ventes supprimé",
            "Export des commandes refusé",
        ],
    ),
    (
        "PAR",
        &["Avertissement pour prix plus bas sur notre propre site"],
    ),
    (
        "COM",
        &[
            "Aucune réponse du support vendeur depuis {days} jours",
            "Réclamation rejetée par message automatique",
            "Médiation refusée par la plateforme",
            "Dossier {case} fermé sans réponse",
        ],
    ),
    (
        "TEC",
        &[
            "Panne de l'interface vendeur pendant les soldes",
            "Synchronisation des stocks en échec",
            "Commandes annulées par un bug du catalogue",
        ],
    ),
    (
        "CTF",
        &[
            "Contrefaçons de {product} vendues par un tiers",
            "Accusation de contrefaçon sur nos propres créations",
            "Photos de {product} copiées par un autre vendeur",
            "Signalement de contrefaçon resté sans suite",
        ],
    ),
    (
        "REV",
        &[
            "Faux avis négatifs suivis d'une sanction",
            "Note du vendeur dégradée par des avis frauduleux",
        ],
    ),
    (
        "OTH",
        &[
            "Litige sur une commande {order}",
            "Problème divers avec la plateforme",
        ],
    ),
];

/// What the owner writes to describe an incident (a few are drawn, in order).
pub const DESCRIPTION: &[&str] = &[
    "Le {date}, nous avons reçu un message automatique de la plateforme.",
    "Aucune explication précise n'a été donnée sur les faits reprochés.",
    "La décision concerne notre {product}, vendu depuis plusieurs années sans incident.",
    "Le service vendeur nous renvoie vers une page d'aide générale.",
    "Nous avons fourni les factures d'achat des cuirs et les photos de l'atelier.",
    "Les ventes ont chuté de moitié sur la période.",
    "Le montant retenu représente près d'un mois de chiffre d'affaires.",
    "La commande {order} est citée comme exemple, sans autre détail.",
    "Nous avons ouvert le dossier {case} auprès du support.",
    "Le délai de préavis prévu par le règlement P2B ne semble pas respecté.",
    "Nous contestons la décision et demandons un exposé des motifs.",
    "Les clients ne trouvent plus nos produits dans les résultats de recherche.",
    "Un vendeur tiers propose des copies de nos modèles à prix cassé.",
    "Les frais facturés ne correspondent pas à la grille tarifaire publiée.",
    "La plateforme réclame un justificatif de domicile déjà transmis.",
    "Plusieurs relances sont restées sans réponse personnalisée.",
];

/// What the owner asks for.
pub const WANTED: &[&str] = &[
    "Réactivation du compte et exposé des motifs.",
    "Déblocage des fonds retenus ({amount}).",
    "Remboursement des frais indûment facturés.",
    "Retrait des annonces contrefaisantes.",
    "Une réponse écrite et personnalisée.",
    "Saisine d'un médiateur.",
    "Rétablissement de la visibilité des offres.",
];

pub const TAGS: &[&str] = &[
    "urgent",
    "soldes",
    "noël",
    "relance",
    "médiation",
    "avocat",
    "cpme",
    "trésorerie",
    "contrefaçon",
    "catalogue",
];

/// Event summaries: (actor, channel, summary).
pub const EVENTS: &[(&str, &str, &str)] = &[
    (
        "platform",
        "email",
        "E-mail de la plateforme : décision notifiée",
    ),
    (
        "platform",
        "notification",
        "Notification dans l'espace vendeur",
    ),
    (
        "platform",
        "portal_message",
        "Réponse type du support vendeur",
    ),
    ("platform", "email", "Demande de pièces justificatives"),
    ("platform", "email", "Rejet de la réclamation"),
    (
        "us",
        "portal_message",
        "Réclamation déposée dans l'espace vendeur",
    ),
    ("us", "email", "Relance écrite au service vendeur"),
    ("us", "phone", "Appel au support vendeur"),
    (
        "us",
        "letter",
        "Courrier recommandé avec accusé de réception",
    ),
    ("us", "email", "Envoi des factures et photos demandées"),
    (
        "third_party",
        "email",
        "Message d'un client au sujet d'une copie",
    ),
    ("authority", "letter", "Accusé de réception du médiateur"),
    ("authority", "email", "Réponse de la DGCCRF"),
];

pub const GREETINGS: &[&str] = &[
    "Bonjour,",
    "Madame, Monsieur,",
    "Cher vendeur,",
    "Bonjour Madame,",
];

/// The sentences an e-mail or a message is made of.
pub const BODY: &[&str] = &[
    "Nous vous informons que votre compte vendeur fait l'objet d'une restriction.",
    "Après examen, nous avons déterminé que certaines de vos offres ne respectent pas nos règles.",
    "Votre réclamation {case} a bien été enregistrée.",
    "Nous ne sommes pas en mesure de vous communiquer davantage d'informations.",
    "Merci de nous faire parvenir sous {days} jours les documents suivants : factures, pièce d'identité, justificatif de domicile.",
    "Le versement prévu le {date} est suspendu jusqu'à nouvel ordre.",
    "Je vous prie de bien vouloir me préciser les faits reprochés à notre boutique.",
    "Vous trouverez ci-joint les factures de nos fournisseurs de cuir.",
    "Notre {product} est une création originale fabriquée dans notre atelier lyonnais.",
    "Je constate que la commande {order} a été annulée sans mon accord.",
    "Sans réponse de votre part, je saisirai le Médiateur des entreprises.",
    "Le montant de {amount} reste bloqué sur notre compte.",
    "Votre demande a été transmise à l'équipe compétente.",
    "Cette décision est définitive et ne peut faire l'objet d'un recours.",
    "Nous avons constaté une baisse de {days} % des ventes depuis cette date.",
    "Le vendeur en cause reproduit nos photos et le nom de notre modèle.",
    "Vous pouvez contester cette décision depuis la rubrique Performance du compte.",
    "Je reste à votre disposition pour tout complément d'information.",
];

pub const CLOSINGS: &[&str] = &[
    "Cordialement,",
    "Bien cordialement,",
    "L'équipe Service Vendeurs",
    "Veuillez agréer, Madame, Monsieur, nos salutations distinguées.",
];

/// What a shop of handmade leather goods sells.
pub const PRODUCTS: &[&str] = &[
    "sac cabas en cuir fauve",
    "portefeuille compact",
    "ceinture tressée",
    "porte-cartes gravé",
    "sacoche messager",
    "trousse de toilette",
    "bracelet de montre",
    "étui à lunettes",
    "cartable vintage",
    "porte-clés en cuir",
];

/// Pieces: (title, file name stem, note).
pub const PIECES: &[(&str, &str, &str)] = &[
    (
        "Capture de l'espace vendeur",
        "capture-espace-vendeur",
        "Message affiché à la connexion.",
    ),
    (
        "Relevé de versements",
        "releve-versements",
        "Montants retenus surlignés.",
    ),
    (
        "Facture fournisseur cuir",
        "facture-tannerie",
        "Preuve d'achat des peaux.",
    ),
    ("E-mail de notification", "notification", ""),
    (
        "Capture de l'annonce copiée",
        "annonce-copiee",
        "Même photo que notre fiche produit.",
    ),
    (
        "Grille tarifaire avant/après",
        "grille-tarifaire",
        "Hausse de la commission.",
    ),
    ("Accusé de réception du recommandé", "ar-recommande", ""),
];
