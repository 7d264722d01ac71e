//! The demo's incidents, as its manager wrote them: one [`Script`] each, with its events
//! and pieces. Dates are days before "today" (negative: after).

use carnet_core::deadlines::Measure;
use carnet_core::journal::incident::Status;

use super::{AMAZON, CDISCOUNT, Content, Dates, ETSY, MANOMANO, Piece, Script};

pub(super) fn scripts() -> Vec<Script> {
    vec![
        Script {
            shop: AMAZON,
            category: "ACC-02",
            measure: Some(Measure::Suspension),
            title: "Compte vendeur Amazon suspendu pour « performance du compte »",
            status: Status::AwaitingAnswer,
            dates: Dates {
                occurred: 172,
                notified: Some(172),
                took_effect: Some(172),
                decision: Some(172),
                complaint_sent: Some(168),
                ..Dates::default()
            },
            reasons: Some(false),
            amounts: (Some(4_870), Some(9_200), None),
            amounts_note: "Fonds retenus : solde du compte au jour de la suspension (relevé \
                Seller Central). Ventes perdues : moyenne des ventes Amazon des trois mois \
                précédents, 3 067 € par mois, sur trois mois.",
            reference: "Dossier 14208837261",
            description: "Le compte a été suspendu sans préavis un lundi matin. Le message cite \
                la « performance du compte » sans dire quelle commande ni quel indicateur est en \
                cause ; nos taux de défauts et de retards étaient dans les objectifs la semaine \
                précédente. Les 31 offres sont inactives et le solde du compte est retenu.\n\
                Nous avons déposé un plan d'action le 4e jour ; depuis, seules des réponses \
                automatiques.",
            wanted: "Un exposé des motifs précis (faits, commandes concernées), la \
                réactivation du compte et le versement du solde retenu.",
            tags: &["urgent", "trésorerie"],
            events: &[
                (
                    172,
                    "platform",
                    "email",
                    "Notification de suspension du compte",
                    "Bonjour,\n\nNous avons suspendu vos privilèges de vente sur Amazon.fr en \
                     raison de problèmes liés à la performance de votre compte. Les fonds de \
                     votre compte seront retenus.\n\nPour réactiver votre compte, envoyez-nous \
                     un plan d'action depuis la page Santé du compte.\n\nCordialement,\n\
                     Performance des vendeurs",
                ),
                (
                    168,
                    "us",
                    "portal_message",
                    "Plan d'action et réclamation déposés dans Seller Central",
                    "Madame, Monsieur,\n\nNous contestons la suspension du compte Atelier Cuir \
                     des Canuts. Nos indicateurs étaient conformes (taux de défauts 0,4 %, \
                     expédition en retard 1,2 %). Nous vous demandons de nous indiquer les faits \
                     précis qui motivent la décision, comme le prévoit l'article 4 du règlement \
                     (UE) 2019/1150, et de rétablir le compte.\n\nCamille Ferrandi, gérante",
                ),
                (
                    150,
                    "platform",
                    "email",
                    "Réponse automatique : plan d'action insuffisant",
                    "Bonjour,\n\nMerci pour votre plan d'action. Après examen, il ne répond pas \
                     à nos préoccupations. Veuillez soumettre un plan d'action révisé.\n\n\
                     Cordialement,\nPerformance des vendeurs",
                ),
                (
                    96,
                    "us",
                    "phone",
                    "Appel au support vendeur",
                    "Appel de 40 minutes. Le conseiller ne voit pas le détail de la décision et \
                     transmet à « l'équipe compétente ». Aucun délai annoncé.",
                ),
                (
                    34,
                    "us",
                    "letter",
                    "Relance par lettre recommandée",
                    "Lettre recommandée avec accusé de réception à Amazon EU S.à r.l., \
                     Luxembourg : rappel de la réclamation, demande des motifs et du versement \
                     des 4 870 € retenus.",
                ),
            ],
            pieces: &[
                Piece {
                    title: "Capture : bannière de suspension",
                    note: "Affichée à la connexion, le jour de la suspension.",
                    event: 0,
                    content: Content::Screen {
                        banner: "VOTRE COMPTE EST SUSPENDU",
                        red: true,
                        lines: &[
                            "VOS PRIVILEGES DE VENTE ONT ETE",
                            "SUSPENDUS. FONDS RETENUS : 4870,00 EUR",
                            "MOTIF : PERFORMANCE DU COMPTE",
                            "DOSSIER 14208837261",
                        ],
                    },
                },
                Piece {
                    title: "Capture : santé du compte la semaine précédente",
                    note: "Tous les indicateurs sont verts.",
                    event: 1,
                    content: Content::Screen {
                        banner: "SANTE DU COMPTE : BONNE",
                        red: false,
                        lines: &[
                            "TAUX DE DEFAUTS : 0,4 %",
                            "EXPEDITIONS EN RETARD : 1,2 %",
                            "ANNULATIONS : 0,8 %",
                        ],
                    },
                },
                Piece {
                    title: "Compte rendu de l'appel au support",
                    note: "",
                    event: 3,
                    content: Content::Text {
                        name: "appel-support-amazon.txt",
                        media_type: "text/plain",
                        body: "Appel au support vendeur Amazon\nDurée : 40 minutes\n\n\
                               Le conseiller confirme la suspension mais ne voit pas le détail \
                               de la décision. Il transmet le dossier 14208837261 à l'équipe \
                               Performance des vendeurs. Aucun délai annoncé.\n",
                    },
                },
            ],
        },
        Script {
            shop: CDISCOUNT,
            category: "FIN-01",
            measure: Some(Measure::TermsChange),
            title: "Commission maroquinerie portée de 12 % à 15 % avec neuf jours de préavis",
            status: Status::ComplaintSent,
            dates: Dates {
                occurred: 40,
                notified: Some(40),
                took_effect: Some(31),
                complaint_sent: Some(26),
                ..Dates::default()
            },
            reasons: None,
            amounts: (None, None, Some(312)),
            amounts_note: "Différence de commission (3 points) sur les ventes Cdiscount du mois \
                écoulé : 10 400 € de ventes.",
            reference: "",
            description: "Un e-mail annonce la nouvelle grille de commissions de la catégorie \
                Bagagerie et maroquinerie : 15 % au lieu de 12 %, applicable neuf jours plus \
                tard. Le règlement P2B exige au moins quinze jours de préavis pour un changement \
                des conditions.",
            wanted: "L'application de l'ancienne commission pendant le préavis légal et le \
                remboursement de la différence.",
            tags: &["commission"],
            events: &[
                (
                    40,
                    "platform",
                    "email",
                    "Annonce de la nouvelle grille de commissions",
                    "Cher vendeur,\n\nÀ compter du mois prochain, la commission de la catégorie \
                     Bagagerie et maroquinerie passera à 15 %. Cette évolution nous permet de \
                     continuer à investir dans la visibilité de vos produits.\n\nL'équipe \
                     Marketplace",
                ),
                (
                    26,
                    "us",
                    "portal_message",
                    "Réclamation : préavis insuffisant",
                    "Bonjour,\n\nVotre annonce du changement de commission nous est parvenue \
                     neuf jours avant son application. L'article 3 du règlement (UE) 2019/1150 \
                     prévoit un préavis d'au moins quinze jours. Nous demandons le maintien de \
                     12 % jusqu'à la fin de ce délai et le remboursement de la différence \
                     prélevée.\n\nCordialement,\nCamille Ferrandi",
                ),
            ],
            pieces: &[Piece {
                title: "E-mail d'annonce de la grille",
                note: "Reçu un mardi, application le jeudi de la semaine suivante.",
                event: 0,
                content: Content::Text {
                    name: "annonce-commission-cdiscount.eml",
                    media_type: "message/rfc822",
                    body: "From: Cdiscount Marketplace <marketplace@cdiscount.example>\r\n\
                           To: camille.ferrandi@example.org\r\n\
                           Subject: Evolution de votre grille de commissions\r\n\
                           Content-Type: text/plain; charset=utf-8\r\n\r\n\
                           Cher vendeur,\r\n\r\nA compter du mois prochain, la commission de \
                           la categorie Bagagerie et maroquinerie passera a 15 %.\r\n\r\n\
                           L'equipe Marketplace\r\n",
                },
            }],
        },
        Script {
            shop: MANOMANO,
            category: "COM-02",
            measure: None,
            title: "Réclamation sur des pénalités de retard rejetée sans motif, médiateur saisi",
            status: Status::Mediation,
            dates: Dates {
                occurred: 190,
                complaint_sent: Some(185),
                answer_received: Some(150),
                referral: Some(97),
                ..Dates::default()
            },
            reasons: None,
            amounts: (None, None, Some(640)),
            amounts_note: "Pénalités de retard prélevées sur deux relevés (factures \
                MM-2291 et MM-2307).",
            reference: "Ticket 558120",
            description: "ManoMano a appliqué des pénalités de retard sur seize commandes \
                alors que les colis ont été remis au transporteur dans les délais (preuves de \
                dépôt à l'appui). La réclamation a été rejetée par un message type, sans \
                explication. Nous avons saisi le médiateur désigné dans les conditions \
                générales ; sa décision devait intervenir sous 90 jours.",
            wanted: "Le remboursement des 640 € de pénalités et une réponse motivée.",
            tags: &["médiation"],
            events: &[
                (
                    185,
                    "us",
                    "portal_message",
                    "Réclamation sur les pénalités de retard",
                    "Bonjour,\n\nLes seize commandes listées en pièce jointe ont été déposées \
                     chez le transporteur le jour même (bordereaux joints). Nous contestons les \
                     pénalités correspondantes, soit 640 €.\n\nCordialement,\nAtelier Cuir des \
                     Canuts",
                ),
                (
                    150,
                    "platform",
                    "portal_message",
                    "Rejet de la réclamation",
                    "Bonjour,\n\nAprès vérification, les pénalités sont maintenues \
                     conformément à nos conditions.\n\nL'équipe Support marchands",
                ),
                (
                    97,
                    "us",
                    "email",
                    "Saisine du médiateur",
                    "Madame, Monsieur,\n\nNous vous saisissons du litige qui nous oppose à \
                     Colibri SAS (ManoMano) au sujet de pénalités de retard contestées. \
                     Vous trouverez ci-joint la réclamation, le rejet et les preuves de dépôt.\n\n\
                     Camille Ferrandi, gérante",
                ),
                (
                    90,
                    "authority",
                    "email",
                    "Accusé de réception du médiateur",
                    "Madame,\n\nNous accusons réception de votre demande de médiation. Le \
                     dossier est en cours d'instruction.\n\nLe service de médiation",
                ),
            ],
            pieces: &[Piece {
                title: "Liste des commandes et bordereaux de dépôt",
                note: "Seize commandes, dates de dépôt et numéros de suivi.",
                event: 0,
                content: Content::Text {
                    name: "depots-transporteur.txt",
                    media_type: "text/plain",
                    body: "Commande;Date de dépôt;Suivi\nMM-40112;lundi;6A1928374650\n\
                           MM-40118;lundi;6A1928374667\nMM-40131;mardi;6A1928374681\n\
                           (…13 autres commandes, toutes déposées le jour de la commande)\n",
                },
            }],
        },
        Script {
            shop: ETSY,
            category: "CTF-01",
            measure: None,
            title: "Copies du sac « Bellecour » vendues par une boutique tierce",
            status: Status::ComplaintSent,
            dates: Dates {
                occurred: 24,
                complaint_sent: Some(20),
                ..Dates::default()
            },
            reasons: None,
            amounts: (None, Some(1_450), None),
            amounts_note: "Estimation : baisse des ventes du modèle Bellecour sur Etsy depuis \
                l'apparition des copies (5 ventes de moins à 290 €).",
            reference: "Signalement PI 7781-2034",
            description: "Une boutique tierce vend un sac identique à notre modèle Bellecour \
                (dessin déposé à l'INPI), avec nos propres photos, à 79 €. Nous avons fait un \
                achat test et signalé les annonces avec le formulaire de propriété \
                intellectuelle.",
            wanted: "Le retrait des annonces contrefaisantes et des mesures contre le vendeur.",
            tags: &["contrefaçon"],
            events: &[
                (
                    24,
                    "third_party",
                    "email",
                    "Une cliente signale une copie",
                    "Bonjour,\n\nJe crois avoir vu votre sac Bellecour sur Etsy à 79 €, chez \
                     une autre boutique, avec vos photos. Est-ce bien vous ?\n\nBien à vous,\n\
                     Hélène",
                ),
                (
                    20,
                    "us",
                    "portal_message",
                    "Signalement de contrefaçon déposé",
                    "Signalement via le formulaire de propriété intellectuelle : dessin INPI \
                     n° 20231456, trois annonces signalées (URL jointes), achat test du \
                     14 du mois, déclaration de bonne foi.",
                ),
            ],
            pieces: &[Piece {
                title: "Capture de l'annonce copiée",
                note: "Nos photos, prix 79 €.",
                event: 1,
                content: Content::Screen {
                    banner: "SAC CUIR BELLECOUR - 79 EUR",
                    red: false,
                    lines: &[
                        "BOUTIQUE : LEATHERDREAMSHOP",
                        "PHOTOS IDENTIQUES A NOTRE FICHE",
                        "EXPEDIE DEPUIS L'ETRANGER",
                    ],
                },
            }],
        },
        Script {
            shop: ETSY,
            category: "CTF-02",
            measure: Some(Measure::Restriction),
            title: "Annonce « Portefeuille Croix-Rousse » retirée pour une prétendue contrefaçon",
            status: Status::Resolved,
            dates: Dates {
                occurred: 330,
                notified: Some(330),
                took_effect: Some(330),
                decision: Some(330),
                complaint_sent: Some(328),
                answer_received: Some(309),
                ..Dates::default()
            },
            reasons: Some(true),
            amounts: (None, Some(380), None),
            amounts_note: "Trois semaines sans l'annonce, ventes habituelles du modèle.",
            reference: "Notification 99-310442",
            description: "Etsy a retiré notre annonce après le signalement d'un tiers qui \
                revendiquait le dessin. Nous avons envoyé nos croquis datés, les factures de \
                cuir et le dépôt INPI ; l'annonce a été rétablie trois semaines plus tard.",
            wanted: "Le rétablissement de l'annonce.",
            tags: &[],
            events: &[
                (
                    330,
                    "platform",
                    "email",
                    "Annonce retirée après un signalement",
                    "Bonjour,\n\nNous avons retiré votre annonce à la suite d'un signalement \
                     pour atteinte à la propriété intellectuelle. Vous pouvez répondre en \
                     envoyant une contre-notification.\n\nL'équipe Etsy",
                ),
                (
                    328,
                    "us",
                    "email",
                    "Contre-notification envoyée",
                    "Nous sommes les créateurs de ce modèle : croquis datés, factures de la \
                     tannerie et dépôt INPI joints.",
                ),
                (
                    309,
                    "platform",
                    "email",
                    "Annonce rétablie",
                    "Bonjour,\n\nVotre annonce a été rétablie.\n\nL'équipe Etsy",
                ),
            ],
            pieces: &[Piece {
                title: "Facture de la tannerie",
                note: "Achat des peaux du modèle, antérieur au signalement.",
                event: 1,
                content: Content::Text {
                    name: "facture-tannerie.txt",
                    media_type: "text/plain",
                    body: "Tannerie du Puy — facture F-2291\nCuir de veau tannage végétal, \
                           couleur fauve, 12 peaux\nTotal HT : 1 164,00 €\n",
                },
            }],
        },
        Script {
            shop: AMAZON,
            category: "FIN-02",
            measure: Some(Measure::Restriction),
            title: "Versements bloqués quinze jours avant les soldes d'hiver",
            status: Status::Resolved,
            dates: Dates {
                occurred: 300,
                notified: Some(300),
                took_effect: Some(300),
                decision: Some(300),
                complaint_sent: Some(297),
                answer_received: Some(286),
                ..Dates::default()
            },
            reasons: Some(false),
            amounts: (Some(2_140), None, None),
            amounts_note: "Montant du versement suspendu, versé quinze jours plus tard.",
            reference: "",
            description: "Le versement bimensuel a été suspendu « pour vérification » sans \
                autre explication, juste avant les soldes, quand nous devions payer la \
                tannerie.",
            wanted: "Le déblocage du versement.",
            tags: &["trésorerie", "soldes"],
            events: &[
                (
                    300,
                    "platform",
                    "notification",
                    "Versement en attente de vérification",
                    "",
                ),
                (
                    297,
                    "us",
                    "portal_message",
                    "Demande de déblocage",
                    "Bonjour,\n\nNotre versement de 2 140 € est indiqué « en attente de \
                     vérification ». Pouvez-vous nous dire ce qui est vérifié et quand il \
                     sera versé ?\n\nMerci.",
                ),
                (
                    286,
                    "platform",
                    "portal_message",
                    "Versement libéré",
                    "Bonjour,\n\nLa vérification est terminée et votre versement a été \
                     libéré.\n\nCordialement.",
                ),
            ],
            pieces: &[],
        },
        Script {
            shop: AMAZON,
            category: "VIS-01",
            measure: None,
            title: "Nos sacs ont disparu des premières pages de recherche",
            status: Status::Open,
            dates: Dates {
                occurred: 75,
                ..Dates::default()
            },
            reasons: None,
            amounts: (None, Some(2_300), None),
            amounts_note: "Baisse des ventes de sacs sur Amazon par rapport au trimestre \
                précédent.",
            reference: "",
            description: "Depuis une mise à jour de l'algorithme, nos sacs en cuir \
                n'apparaissent plus avant la cinquième page pour « sac cuir femme », alors \
                que les avis et les prix n'ont pas changé. Les offres sponsorisées de la \
                plateforme occupent les premières places.",
            wanted: "Des explications sur les paramètres de classement (article 5 du \
                règlement P2B).",
            tags: &["catalogue"],
            events: &[(
                75,
                "us",
                "other",
                "Relevé du classement sur « sac cuir femme »",
                "Page 1 à 4 : aucune de nos offres. Page 5 : sac Bellecour, rang 97.",
            )],
            pieces: &[Piece {
                title: "Capture des résultats de recherche",
                note: "Relevé du classement, page 5.",
                event: 0,
                content: Content::Screen {
                    banner: "RESULTATS : SAC CUIR FEMME",
                    red: false,
                    lines: &[
                        "PAGE 5 - RANG 97",
                        "SAC BELLECOUR - ATELIER CUIR DES CANUTS",
                        "PAGES 1 A 4 : OFFRES SPONSORISEES",
                    ],
                },
            }],
        },
        Script {
            shop: CDISCOUNT,
            category: "ACC-01",
            measure: Some(Measure::Restriction),
            title: "Douze offres désactivées pour « produit non conforme »",
            status: Status::AwaitingAnswer,
            dates: Dates {
                occurred: 60,
                notified: Some(60),
                took_effect: Some(60),
                decision: Some(60),
                complaint_sent: Some(55),
                ..Dates::default()
            },
            reasons: Some(true),
            amounts: (None, Some(860), None),
            amounts_note: "Ventes habituelles des douze offres sur deux mois.",
            reference: "Contrôle qualité CQ-88412",
            description: "Un contrôle automatique a désactivé douze offres de ceintures et de \
                porte-cartes au motif « produit non conforme à la fiche catalogue ». Le motif \
                est donné, mais pas ce qui diffère ; nos fiches reprennent les références du \
                catalogue.",
            wanted: "Le détail de la non-conformité et la réactivation des offres.",
            tags: &["catalogue"],
            events: &[
                (
                    60,
                    "platform",
                    "email",
                    "Offres désactivées après contrôle qualité",
                    "Cher vendeur,\n\nÀ la suite d'un contrôle, 12 de vos offres ont été \
                     désactivées : produit non conforme à la fiche catalogue. Vous pouvez \
                     contester cette décision depuis votre espace vendeur.\n\nL'équipe Qualité",
                ),
                (
                    55,
                    "us",
                    "portal_message",
                    "Contestation de la désactivation",
                    "Bonjour,\n\nPouvez-vous préciser en quoi nos offres ne sont pas \
                     conformes ? Les références, dimensions et matières correspondent à la fiche \
                     catalogue.\n\nCordialement.",
                ),
            ],
            pieces: &[Piece {
                title: "Capture : offres désactivées",
                note: "",
                event: 0,
                content: Content::Screen {
                    banner: "12 OFFRES DESACTIVEES",
                    red: true,
                    lines: &[
                        "MOTIF : PRODUIT NON CONFORME",
                        "A LA FICHE CATALOGUE",
                        "CONTROLE QUALITE CQ-88412",
                    ],
                },
            }],
        },
        Script {
            shop: MANOMANO,
            category: "TEC-01",
            measure: None,
            title: "Stocks non synchronisés pendant les soldes : commandes annulées",
            status: Status::Resolved,
            dates: Dates {
                occurred: 275,
                complaint_sent: Some(274),
                answer_received: Some(268),
                ..Dates::default()
            },
            reasons: None,
            amounts: (None, Some(520), Some(95)),
            amounts_note: "Huit commandes annulées ; pénalités d'annulation remboursées \
                ensuite.",
            reference: "Ticket 541877",
            description: "La synchronisation des stocks a échoué pendant trois jours ; des \
                articles épuisés sont restés en vente et huit commandes ont dû être annulées, \
                avec des pénalités.",
            wanted: "L'annulation des pénalités.",
            tags: &["soldes"],
            events: &[
                (
                    274,
                    "us",
                    "portal_message",
                    "Signalement de la panne de synchronisation",
                    "Bonjour,\n\nDepuis trois jours, nos stocks ne se mettent plus à jour. \
                     Merci de corriger et d'annuler les pénalités des commandes annulées.",
                ),
                (
                    268,
                    "platform",
                    "portal_message",
                    "Panne reconnue, pénalités annulées",
                    "Bonjour,\n\nUn incident technique a touché la synchronisation. Les \
                     pénalités ont été annulées.\n\nL'équipe Support marchands",
                ),
            ],
            pieces: &[],
        },
        Script {
            shop: AMAZON,
            category: "COM-01",
            measure: None,
            title: "Impossible de joindre un interlocuteur pour une facture de stockage",
            status: Status::Abandoned,
            dates: Dates {
                occurred: 250,
                complaint_sent: Some(248),
                ..Dates::default()
            },
            reasons: None,
            amounts: (None, None, Some(46)),
            amounts_note: "Frais de stockage facturés deux fois.",
            reference: "",
            description: "Trois demandes sur une double facturation de frais de stockage, \
                trois réponses automatiques renvoyant vers l'aide en ligne. Montant trop faible \
                pour insister davantage.",
            wanted: "Le remboursement de la facture en double.",
            tags: &[],
            events: &[(
                248,
                "us",
                "portal_message",
                "Demande de remboursement de la facture en double",
                "Bonjour,\n\nLes frais de stockage du mois ont été facturés deux fois \
                 (46 €). Merci de rembourser le doublon.",
            )],
            pieces: &[],
        },
        Script {
            shop: CDISCOUNT,
            category: "REV-01",
            measure: Some(Measure::Restriction),
            title: "Vague de faux avis puis badge « vendeur recommandé » retiré",
            status: Status::Reported,
            dates: Dates {
                occurred: 130,
                notified: Some(126),
                took_effect: Some(126),
                decision: Some(126),
                complaint_sent: Some(125),
                answer_received: Some(110),
                ..Dates::default()
            },
            reasons: Some(false),
            amounts: (None, Some(700), None),
            amounts_note: "",
            reference: "",
            description: "Neuf avis à une étoile en deux jours, sans commande correspondante, \
                ont fait chuter notre note ; le badge a été retiré quatre jours plus tard. \
                Cdiscount refuse de retirer les avis. Signalé sur le formulaire \
                « consultation-plateformes » de l'État.",
            wanted: "Le retrait des faux avis et le rétablissement du badge.",
            tags: &["avis"],
            events: &[
                (
                    125,
                    "us",
                    "portal_message",
                    "Signalement des faux avis",
                    "Bonjour,\n\nNeuf avis ont été publiés en deux jours par des acheteurs \
                     sans commande chez nous. Merci de les retirer et de rétablir notre \
                     badge.",
                ),
                (
                    110,
                    "platform",
                    "email",
                    "Refus de retirer les avis",
                    "Cher vendeur,\n\nLes avis publiés respectent notre charte de modération \
                     et ne seront pas retirés.\n\nL'équipe Marketplace",
                ),
                (
                    100,
                    "us",
                    "other",
                    "Signalement sur le formulaire de l'État",
                    "Dossier déposé sur « consultation-plateformes » : description de la \
                     difficulté, captures des avis et du retrait du badge.",
                ),
            ],
            pieces: &[],
        },
        Script {
            shop: ETSY,
            category: "SRV-01",
            measure: None,
            title: "Publicité hors site imposée avec une commission de 12 %",
            status: Status::Open,
            dates: Dates {
                occurred: 45,
                ..Dates::default()
            },
            reasons: None,
            amounts: (None, None, Some(430)),
            amounts_note: "Frais de publicité hors site prélevés sur les commandes du trimestre.",
            reference: "",
            description: "La boutique ayant dépassé un seuil de chiffre d'affaires, la \
                publicité hors site est devenue obligatoire : 12 % sur chaque commande issue \
                d'une annonce, sans possibilité de refuser.",
            wanted: "Pouvoir refuser ce service, ou un plafonnement des frais.",
            tags: &["commission"],
            events: &[(
                45,
                "platform",
                "email",
                "Publicité hors site désormais obligatoire",
                "Bonjour,\n\nVotre boutique participe désormais obligatoirement à la \
                 publicité hors site. Des frais de 12 % s'appliquent aux commandes \
                 concernées.\n\nL'équipe Etsy",
            )],
            pieces: &[],
        },
        Script {
            shop: AMAZON,
            category: "ACC-03",
            measure: Some(Measure::Suspension),
            title: "Ventes bloquées par une nouvelle vérification d'identité",
            status: Status::Resolved,
            dates: Dates {
                occurred: 215,
                notified: Some(215),
                took_effect: Some(213),
                decision: Some(213),
                complaint_sent: Some(212),
                answer_received: Some(204),
                ..Dates::default()
            },
            reasons: Some(true),
            amounts: (None, Some(1_100), None),
            amounts_note: "Neuf jours sans vente.",
            reference: "",
            description: "Amazon a demandé une nouvelle pièce d'identité de la gérante et un \
                justificatif de domicile déjà fournis ; le compte a été bloqué deux jours après, \
                avant l'examen des documents renvoyés.",
            wanted: "Le déblocage du compte.",
            tags: &[],
            events: &[
                (
                    215,
                    "platform",
                    "email",
                    "Demande de vérification d'identité",
                    "Bonjour,\n\nPour continuer à vendre, veuillez fournir une pièce \
                     d'identité et un justificatif de domicile de moins de 180 jours sous \
                     48 heures.\n\nAmazon",
                ),
                (
                    212,
                    "us",
                    "portal_message",
                    "Documents renvoyés",
                    "Pièce d'identité et facture d'électricité envoyées, comme l'an dernier.",
                ),
                (
                    204,
                    "platform",
                    "email",
                    "Vérification terminée, compte rétabli",
                    "Bonjour,\n\nMerci, votre identité a été vérifiée.\n\nAmazon",
                ),
            ],
            pieces: &[],
        },
        Script {
            shop: CDISCOUNT,
            category: "ACC-02",
            measure: Some(Measure::Termination),
            title: "Résiliation du contrat vendeur annoncée avec 25 jours de préavis",
            status: Status::Open,
            dates: Dates {
                occurred: 5,
                notified: Some(5),
                took_effect: Some(-20),
                decision: Some(5),
                ..Dates::default()
            },
            reasons: Some(false),
            amounts: (None, Some(6_000), None),
            amounts_note: "Chiffre d'affaires Cdiscount des six derniers mois, à titre \
                indicatif.",
            reference: "Résiliation RS-2025-0412",
            description: "Cdiscount annonce la résiliation de notre contrat vendeur dans 25 \
                jours, « dans le cadre de la revue de son offre maroquinerie », sans autre \
                motif. Le règlement P2B impose 30 jours de préavis et un exposé des motifs.",
            wanted: "Les motifs de la résiliation, le respect du préavis de 30 jours et la \
                possibilité d'y répondre.",
            tags: &["urgent"],
            events: &[(
                5,
                "platform",
                "email",
                "Notification de résiliation du contrat",
                "Cher vendeur,\n\nDans le cadre de la revue de notre offre maroquinerie, nous \
                 mettrons fin à notre collaboration dans 25 jours. Vos offres seront \
                 désactivées à cette date.\n\nL'équipe Marketplace",
            )],
            pieces: &[Piece {
                title: "E-mail de résiliation",
                note: "Aucun motif précis.",
                event: 0,
                content: Content::Text {
                    name: "resiliation-cdiscount.eml",
                    media_type: "message/rfc822",
                    body: "From: Cdiscount Marketplace <marketplace@cdiscount.example>\r\n\
                           To: camille.ferrandi@example.org\r\n\
                           Subject: Fin de notre collaboration\r\n\
                           Content-Type: text/plain; charset=utf-8\r\n\r\n\
                           Cher vendeur,\r\n\r\nDans le cadre de la revue de notre offre \
                           maroquinerie, nous mettrons fin a notre collaboration dans 25 \
                           jours.\r\n\r\nL'equipe Marketplace\r\n",
                },
            }],
        },
    ]
}
