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
  'nav.company': 'Entreprise',
  'nav.platforms': 'Plateformes',
  'lock.button': 'Verrouiller',
  'lock.unavailable': 'Aucun coffre n’est encore ouvert',
  'lock.keepKeyFirst': 'Conservez d’abord votre clé de secours',
  'language.label': 'Langue',
  'common.cancel': 'Annuler',
  'common.show': 'Afficher',
  'common.hide': 'Masquer',
  'common.loading': 'Chargement…',
  'common.remove': 'Retirer',
  'common.edit': 'Modifier',
  'common.saving': 'Enregistrement…',

  'welcome.title': 'Bienvenue dans Carnet',
  'welcome.intro':
    'Compte suspendu, offres déréférencées, versements retenus, frais changés sans préavis, réclamations sans réponse, contrefaçons : notez ce que font les plateformes, au fil de l’eau et preuves à l’appui. Le jour venu, Carnet en fait un dossier complet, prêt à déposer.',
  'welcome.stepsLabel': 'Comment ça marche',
  'welcome.step1.title': 'Noter',
  'welcome.step1.body': 'Chaque incident, daté, avec ses échanges : e-mails, messages, appels.',
  'welcome.step2.title': 'Prouver',
  'welcome.step2.body': 'Chaque pièce reçoit son empreinte SHA‑256 dès son ajout.',
  'welcome.step3.title': 'Transmettre',
  'welcome.step3.body':
    'Un dossier PDF pour le signalement à l’État, le Médiateur des entreprises, la réclamation interne ou un médiateur.',
  'welcome.exampleTitle': 'À quoi ressemble une ligne du journal',
  'welcome.exampleLine': '{date} — versements retenus par la plateforme : {amount}',
  'welcome.privacy':
    'Vos données restent sur cet ordinateur, chiffrées. Rien ne part sans votre geste.',

  'create.title': 'Créer mon coffre',
  'create.intro':
    'Tout ce que vous notez est rangé dans un coffre chiffré, sur cet ordinateur. Choisissez une phrase de passe : quelques mots faciles à retenir pour vous, difficiles à deviner pour les autres.',
  'create.passphrase': 'Phrase de passe',
  'create.passphraseHint':
    'Au moins 10 caractères. Quatre ou cinq mots sans rapport entre eux, c’est l’idéal.',
  'create.confirmation': 'Confirmez la phrase de passe',
  'create.warning':
    'Sans la phrase de passe ni la clé de secours qui va suivre, personne ne peut rouvrir le coffre, pas même l’équipe de Carnet : il n’existe aucun autre moyen de récupérer vos données.',
  'create.submit': 'Créer mon coffre',
  'create.busy': 'Création du coffre…',

  'remember.label': 'Se souvenir de moi sur cet ordinateur',
  'remember.help':
    'Le trousseau du système garde la clé du coffre, et Carnet s’ouvre sans rien saisir. Votre phrase de passe fonctionne toujours aussi.',
  'remember.title': 'Cet ordinateur',
  'remember.on': 'Cet ordinateur ouvrira le coffre sans saisie.',
  'remember.off': 'Cet ordinateur a oublié la clé : la phrase de passe sera demandée.',

  'strength.label': 'Solidité',
  'strength.value': 'Solidité : {level}',
  'strength.level0': 'Très faible',
  'strength.level1': 'Faible',
  'strength.level2': 'Moyenne',
  'strength.level3': 'Forte',
  'strength.level4': 'Très forte',
  'strength.acceptable': 'Assez solide pour protéger le coffre.',
  'strength.notAcceptable': 'Pas encore assez : au moins 10 caractères et le niveau « Forte ».',

  'recovery.title': 'Votre clé de secours',
  'recovery.intro':
    'Si vous oubliez votre phrase de passe, cette clé est le seul autre moyen d’ouvrir votre coffre. Elle ne sera plus jamais affichée.',
  'recovery.keyLabel': 'Clé de secours, en 6 groupes de 5 caractères',
  'recovery.howTo':
    'Recopiez-la sur papier, ou imprimez-la, et rangez ce papier en lieu sûr, loin de l’ordinateur. Un clic sur la clé la sélectionne en entier.',
  'recovery.noFile': 'Ne la gardez pas dans un fichier sur cet ordinateur : elle y serait avec le coffre.',
  'recovery.kept': 'J’ai conservé ma clé de secours',
  'recovery.continue': 'Continuer',
  'recovery.keyringTitle': 'Cet ordinateur ne pourra pas ouvrir le coffre sans saisie',
  'recovery.keyringUnavailable':
    'Le trousseau du système n’a pas pu garder la clé : Carnet vous demandera votre phrase de passe à chaque ouverture. Vous pourrez réessayer dans les Paramètres.',
  'recovery.keyringMismatch':
    'Le trousseau du système a rendu une autre clé que celle de ce coffre : Carnet vous demandera votre phrase de passe à chaque ouverture. Vous pourrez réessayer dans les Paramètres.',

  'unlock.title': 'Déverrouiller le coffre',
  'unlock.intro': 'Saisissez votre phrase de passe pour ouvrir votre carnet.',
  'unlock.passphrase': 'Phrase de passe',
  'unlock.submit': 'Déverrouiller',
  'unlock.busy': 'Ouverture du coffre…',
  'unlock.forgot': 'J’ai oublié ma phrase de passe',
  'unlock.recoveryTitle': 'Avec la clé de secours',
  'unlock.recoveryIntro':
    'Saisissez la clé de secours notée à la création du coffre. Majuscules ou minuscules, espaces ou tirets : peu importe.',
  'unlock.recoveryKey': 'Clé de secours',
  'unlock.recoverySubmit': 'Déverrouiller avec la clé',
  'unlock.usePassphrase': 'Utiliser ma phrase de passe',
  'unlock.thisComputer': 'Ouvrir avec cet ordinateur',
  'unlock.thisComputerBusy': 'Ouverture avec le trousseau de cet ordinateur…',
  'unlock.autoLocked': 'Le coffre s’est verrouillé de lui-même : après un moment sans activité, ou à la mise en veille de l’ordinateur.',
  'unlock.problemTitle': 'Le coffre ne peut pas s’ouvrir normalement',
  'unlock.errorTitle': 'Le coffre reste verrouillé',
  'unlock.restoreBackup': 'Restaurer une sauvegarde',
  'unlock.backupsHelp':
    'Les copies du coffre que Carnet a faites sur cet ordinateur. Pour en restaurer une, il vous faudra votre phrase de passe ou votre clé de secours.',
  'unlock.noBackup': 'Aucune sauvegarde sur cet ordinateur : restaurez plutôt une archive.',

  'home.title': 'Votre coffre est ouvert',
  'home.intro':
    'Le journal des incidents arrive bientôt dans Carnet. En attendant, trois gestes pour bien démarrer :',
  'home.next1': 'Réglez le verrouillage automatique et choisissez si cet ordinateur se souvient de vous.',
  'home.next2':
    'Exportez une archive chiffrée sur une clé USB : votre copie de secours, hors de l’ordinateur.',
  'home.next3': 'Quand vous vous absentez, verrouillez le coffre avec le bouton en haut à droite.',
  'home.openSettings': 'Ouvrir les paramètres',
  'home.recoveryTitle': 'Vous avez ouvert le coffre avec la clé de secours',
  'home.recoveryBody':
    'Si vous avez oublié votre phrase de passe, choisissez-en une nouvelle dans les Paramètres : votre clé de secours y remplace l’ancienne.',
  'home.recoveryAction': 'Choisir une nouvelle phrase de passe',

  'settings.title': 'Paramètres',
  'settings.languageHelp': 'La langue de l’interface et, par défaut, celle des dossiers.',

  'autoLock.title': 'Verrouillage automatique',
  'autoLock.help': 'Le coffre se verrouille seul après ce délai sans activité au clavier ni à la souris.',
  'autoLock.label': 'Délai, en minutes (de 1 à 240)',
  'autoLock.save': 'Enregistrer le délai',
  'autoLock.saved': 'Délai enregistré : {minutes} min.',
  'autoLock.notANumber': 'Saisissez un nombre entier de minutes, de 1 à 240.',

  'change.title': 'Changer de phrase de passe',
  'change.current': 'Phrase de passe actuelle ou clé de secours',
  'change.currentHint':
    'Phrase de passe oubliée ? Saisissez ici votre clé de secours : elle suffit pour en choisir une nouvelle.',
  'change.next': 'Nouvelle phrase de passe',
  'change.confirmation': 'Confirmez la nouvelle phrase de passe',
  'change.submit': 'Changer la phrase de passe',
  'change.busy': 'Changement en cours…',
  'change.done': 'Phrase de passe changée. Votre clé de secours reste la même.',

  'backups.title': 'Sauvegardes',
  'backups.help':
    'Carnet garde une copie chiffrée du coffre chaque jour où vous l’ouvrez (les 7 dernières), et avant chaque mise à jour ou restauration.',
  'backups.empty': 'Pas encore de sauvegarde : la première est faite à l’ouverture du coffre.',
  'backups.listLabel': 'Sauvegardes disponibles',
  'backups.kind.daily': 'Quotidienne',
  'backups.kind.migration': 'Avant mise à jour',
  'backups.kind.restore': 'Avant restauration',
  'backups.takenAt': '{date} à {time}',
  'backups.restore': 'Restaurer',
  'backups.confirm':
    'Remettre le coffre tel qu’il était le {date} ? Son état actuel est d’abord gardé dans une sauvegarde « Avant restauration ».',
  'backups.confirmYes': 'Oui, restaurer',
  'backups.busy': 'Restauration…',
  'backups.restored': 'Le coffre a été remis dans son état du {date}.',
  'backups.secretLegend': 'Ce qui ouvre le coffre',
  'backups.withPassphrase': 'Ma phrase de passe',
  'backups.withRecovery': 'Ma clé de secours',
  'backups.passphrase': 'Phrase de passe du coffre',
  'backups.recoveryKey': 'Clé de secours du coffre',
  'backups.secretHint':
    'Votre phrase de passe actuelle, ou celle que vous aviez le jour de cette sauvegarde. La clé de secours, elle, ne change jamais.',
  'backups.damaged':
    'Cette sauvegarde est abîmée : rien n’a été modifié. Essayez-en une autre, ou restaurez une archive.',
  'backups.gone': 'Cette sauvegarde n’existe plus : la liste vient d’être relue.',

  'archive.title': 'Archive chiffrée',
  'archive.help':
    'Tout le coffre dans un seul fichier .carnet, chiffré, qui s’ouvre avec la phrase de passe ou la clé de secours, sur cet ordinateur ou un autre. Gardez-en une sur une clé USB.',
  'archive.export': 'Exporter une archive chiffrée',
  'archive.exportBusy': 'Export en cours…',
  'archive.exported': 'Archive enregistrée : {fileName}',
  'archive.cancelled': 'Aucun fichier choisi : rien n’a été fait.',
  'archive.import': 'Restaurer depuis une archive',
  'archive.importReplaces':
    'Le coffre de l’archive remplace le coffre actuel, qui est d’abord gardé dans une sauvegarde.',
  'archive.importNew': 'Vous avez déjà un coffre Carnet ? Ouvrez son archive .carnet.',
  'archive.secretLegend': 'Ce qui ouvre l’archive',
  'archive.withPassphrase': 'Sa phrase de passe',
  'archive.withRecovery': 'Sa clé de secours',
  'archive.passphrase': 'Phrase de passe du coffre archivé',
  'archive.recoveryKey': 'Clé de secours du coffre archivé',
  'archive.choose': 'Choisir l’archive et restaurer',
  'archive.imported': 'Archive restaurée : le coffre est ouvert.',
  'archive.importBusy': 'Vérification de l’archive…',

  'company.title': 'Votre entreprise',
  'company.intro': 'Ce profil est repris dans chaque dossier.',
  'company.updatedAt': 'Dernière modification : {date} à {time}.',
  'company.emptyTitle': 'Un profil pour tous vos dossiers',
  'company.emptyBody':
    'Chaque dossier commence par votre entreprise : raison sociale, SIRET, adresse, personne à contacter. Remplissez ce profil une fois ; Carnet le reprend partout, que vous signaliez une difficulté à l’État, saisissiez le Médiateur des entreprises ou écriviez à une plateforme. Seule la raison sociale est obligatoire pour enregistrer.',
  'company.identity': 'Identité',
  'company.legalName': 'Raison sociale',
  'company.legalNameHint': 'Le nom officiel, tel qu’il figure sur l’extrait Kbis ou l’avis de situation Insee.',
  'company.siret': 'SIRET',
  'company.siretHint':
    '14 chiffres : ceux de l’établissement qui vend sur les plateformes. Le formulaire de signalement de l’État le demande en premier.',
  'company.siren': 'SIREN',
  'company.sirenHint': '9 chiffres. Laissé vide, il est tiré du SIRET.',
  'company.legalForm': 'Forme juridique',
  'company.legalFormHint': 'Par exemple SARL, SAS, EURL ou entreprise individuelle.',
  'company.naf': 'Code NAF (APE)',
  'company.nafHint': 'Par exemple 47.91B.',
  'company.sizeClass': 'Taille de l’entreprise',
  'company.sizeClassHint':
    'Au sens européen : le chiffre d’affaires et le bilan comptent aussi, c’est pourquoi Carnet ne la déduit pas de l’effectif.',
  'company.size.none': 'Non précisée',
  'company.size.micro': 'Micro-entreprise (moins de 10 personnes)',
  'company.size.small': 'Petite entreprise (moins de 50 personnes)',
  'company.size.medium': 'Moyenne entreprise (moins de 250 personnes)',
  'company.size.large': 'Grande entreprise',
  'company.headcount': 'Effectif',
  'company.headcountHint': 'Nombre de personnes employées.',
  'company.address': 'Adresse',
  'company.street': 'Numéro et rue',
  'company.postcode': 'Code postal',
  'company.city': 'Ville',
  'company.country': 'Pays',
  'company.contact': 'Personne à contacter',
  'company.contactHelp':
    'La personne qui suit les dossiers. Le Médiateur des entreprises demande son adresse e-mail et son numéro de mobile personnels.',
  'company.contactName': 'Prénom et nom',
  'company.contactRole': 'Fonction',
  'company.contactRoleHint': 'Par exemple gérante, président ou responsable e-commerce.',
  'company.contactEmail': 'E-mail personnel',
  'company.contactEmailHint': 'Une adresse qui joint directement cette personne, plutôt que contact@….',
  'company.contactPhone': 'Téléphone mobile',
  'company.contactPhoneHint': 'Par exemple 06 12 34 56 78 : Carnet l’écrit au format international.',
  'company.insolvencyTitle': 'Procédure collective',
  'company.insolvency':
    'L’entreprise fait l’objet d’une procédure collective (sauvegarde, redressement ou liquidation judiciaire)',
  'company.insolvencyHelp':
    'Le Médiateur des entreprises ne peut pas prendre un dossier dans ce cas : les organes de la procédure s’en chargent. Le signalement à l’État et les réclamations auprès des plateformes restent possibles.',
  'company.save': 'Enregistrer le profil',
  'company.saved':
    'Profil enregistré. Les numéros, le code NAF et le téléphone sont écrits ci-dessus comme Carnet les reprendra dans vos dossiers.',

  'platforms.title': 'Vos plateformes',
  'platforms.intro':
    'Les plateformes où vous vendez, et ce qu’un dossier dira de chacune : la société qui l’exploite, vos comptes, la part de votre chiffre d’affaires, les voies de réclamation.',
  'platforms.emptyTitle': 'Aucune plateforme pour l’instant',
  'platforms.emptyBody':
    'Ajoutez celles où vous vendez : chaque incident du journal se rattache à l’une d’elles.',
  'platforms.add': 'Ajouter une plateforme',
  'platforms.addTitle': 'Nouvelle plateforme',
  'platforms.editTitle': 'Modifier {name}',
  'platforms.editNamed': 'Modifier {name}',
  'platforms.identity': 'La plateforme',
  'platforms.name': 'Nom de la plateforme',
  'platforms.nameHint':
    'Choisissez-la dans le catalogue de Carnet (Amazon, Cdiscount, Booking.com…) ou saisissez le nom d’une autre plateforme.',
  'platforms.matched': '{name} : plateforme du catalogue de Carnet ({service}, {charter}).',
  'platforms.notMatched': 'Plateforme hors catalogue : choisissez son type de service.',
  'platforms.service': 'Type de service',
  'platforms.serviceFromCatalogue': 'Celui du catalogue : {service}',
  'platforms.serviceChoose': 'Choisissez un type',
  'platforms.entity': 'La société qui l’exploite',
  'platforms.entityHelp':
    'Le Médiateur des entreprises demande l’identité exacte de l’autre partie : recopiez-la d’une facture ou des conditions générales.',
  'platforms.legalEntity': 'Raison sociale de l’exploitant',
  'platforms.legalEntityHint': 'Telle qu’écrite sur une facture, par exemple Amazon EU S.à r.l.',
  'platforms.country': 'Pays de cette société',
  'platforms.siret': 'SIRET de cette société',
  'platforms.siretHint':
    'Tel qu’écrit sur une facture, si la société est française. Carnet ne le devine jamais.',
  'platforms.relationship': 'Votre relation avec la plateforme',
  'platforms.sellerAccounts': 'Identifiants de compte vendeur',
  'platforms.sellerAccountsHint': 'Tels qu’affichés dans votre espace vendeur, un par compte.',
  'platforms.sellerAccount': 'Compte {n}',
  'platforms.addSellerAccount': 'Ajouter un compte',
  'platforms.removeSellerAccount': 'Retirer le compte {n}',
  'platforms.relationshipStart': 'Début de la relation',
  'platforms.relationshipStartHint': 'Vos premières ventes, par exemple 15/03/2021.',
  'platforms.turnoverShare': 'Part du chiffre d’affaires (%)',
  'platforms.turnoverShareHint': 'Un nombre entier de 0 à 100 : il montre votre dépendance envers la plateforme.',
  'platforms.complaints': 'Réclamations et médiation',
  'platforms.complaintChannel': 'Comment lui adresser une réclamation',
  'platforms.complaintChannelHint':
    'Le formulaire, l’adresse ou le service que la plateforme indique pour les réclamations.',
  'platforms.mediators': 'Médiateurs désignés dans ses conditions',
  'platforms.mediatorsHint':
    'Le règlement européen P2B demande aux plateformes d’en nommer au moins deux dans leurs conditions générales.',
  'platforms.mediator': 'Médiateur {n}',
  'platforms.addMediator': 'Ajouter un médiateur',
  'platforms.removeMediator': 'Retirer le médiateur {n}',
  'platforms.termsVersion': 'Version des conditions générales',
  'platforms.termsVersionHint': 'La date ou le numéro de la version en vigueur, par exemple « 12 juin 2025 ».',
  'platforms.save': 'Enregistrer la plateforme',
  'platforms.saved': 'Plateforme enregistrée : {name}.',
  'platforms.notGiven': 'Non renseigné',
  'platforms.turnoverShareShort': 'Part du chiffre d’affaires',
  'platforms.since': 'Relation depuis le',
  'platforms.legalEntityShort': 'Exploitant',
  'platforms.siretShort': 'SIRET de l’exploitant',
  'platforms.sellerAccountsShort': 'Comptes vendeur',
  'platforms.mediatorsShort': 'Médiateurs',
  'platforms.complaintShort': 'Réclamations',
  'platforms.termsShort': 'Conditions générales',
  'platforms.charter.yes': 'Signataire de la charte de 2019',
  'platforms.charter.yesHelp':
    'A signé la Charte des acteurs du e-commerce du 26 mars 2019 : ses engagements, volontaires, peuvent être rappelés dans un signalement.',
  'platforms.charter.no': 'Non signataire de la charte',
  'platforms.charter.noHelp':
    'N’a pas signé la Charte des acteurs du e-commerce de 2019. Le règlement européen P2B s’applique quand même.',
  'platforms.charter.disputed': 'Signature de la charte incertaine',
  'platforms.charter.disputedHelp':
    'Les sources ne s’accordent pas sur sa signature de la Charte des acteurs du e-commerce de 2019.',
  'platforms.charter.unknown': 'Charte : non renseigné',
  'platforms.charter.unknownHelp':
    'Plateforme hors catalogue : Carnet ne sait pas si elle a signé la Charte des acteurs du e-commerce de 2019.',
  'platforms.delete': 'Mettre à la corbeille',
  'platforms.deleteNamed': 'Mettre {name} à la corbeille',
  'platforms.deleted': '{name} est dans la corbeille.',
  'platforms.restoreNamed': 'Restaurer {name}',
  'platforms.restored': '{name} est de retour dans la liste.',

  'error.title': 'Erreur',
  'error.unexpected': 'Une erreur inattendue est survenue. Vos données n’ont pas été modifiées.',
  'error.dismiss': 'Fermer',
} as const;

export type MessageKey = keyof typeof fr;
export type Catalogue = Record<MessageKey, string>;
