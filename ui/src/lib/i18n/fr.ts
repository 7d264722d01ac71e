// The French catalogue: the reference. Every key here must exist in en.ts (the type checker
// and i18n.test.ts both say so). Write ordinary spaces before « : ; ! ? »: the narrow
// no-break spaces of French typography are put in at display time.
export const fr = {
  'app.name': 'Carnet',
  'app.tagline': 'Le carnet de bord chiffré de vos litiges avec les plateformes',
  'shell.skipToContent': 'Aller au contenu',
  'shell.today': 'Aujourd’hui, {date}',
  'nav.label': 'Navigation principale',
  'nav.home': 'Accueil',
  'nav.settings': 'Paramètres',
  'lock.button': 'Verrouiller',
  'lock.unavailable': 'Aucun coffre n’est encore ouvert',
  'language.label': 'Langue',
  'welcome.title': 'Bienvenue dans Carnet',
  'welcome.intro':
    'Compte suspendu, offres déréférencées, versements retenus, frais changés sans préavis, réclamations sans réponse, contrefaçons : notez ce que font les plateformes, au fil de l’eau et preuves à l’appui. Le jour venu, Carnet en fait un dossier complet, prêt à déposer.',
  'welcome.stepsLabel': 'Comment ça marche',
  'welcome.step1.title': 'Noter',
  'welcome.step1.body':
    'Chaque incident, daté, avec ses échanges : e-mails, messages du portail vendeur, appels.',
  'welcome.step2.title': 'Prouver',
  'welcome.step2.body':
    'Captures, factures, e-mails : chaque pièce reçoit son empreinte SHA-256 dès son ajout.',
  'welcome.step3.title': 'Transmettre',
  'welcome.step3.body':
    'Un dossier PDF pour le signalement à l’État, le Médiateur des entreprises, la réclamation interne ou un médiateur.',
  'welcome.exampleTitle': 'À quoi ressemble une ligne du journal',
  'welcome.exampleLine': '{date} — versements retenus par la plateforme : {amount}',
  'welcome.privacy':
    'Vos données restent sur cet ordinateur, chiffrées. Rien ne part sans votre geste.',
  'settings.title': 'Paramètres',
  'settings.languageHelp': 'La langue de l’interface et, par défaut, celle des dossiers.',
  'error.title': 'Erreur',
  'error.unexpected': 'Une erreur inattendue est survenue. Vos données n’ont pas été modifiées.',
  'error.dismiss': 'Fermer',
} as const;

export type MessageKey = keyof typeof fr;
export type Catalogue = Record<MessageKey, string>;
