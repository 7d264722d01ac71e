import type { Catalogue } from './fr';

// The English catalogue: exactly the keys of fr.ts.
export const en: Catalogue = {
  'app.name': 'Carnet',
  'app.tagline': 'The encrypted logbook of your disputes with online platforms',
  'shell.skipToContent': 'Skip to content',
  'shell.today': 'Today, {date}',
  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.settings': 'Settings',
  'lock.button': 'Lock',
  'lock.unavailable': 'No vault is open yet',
  'language.label': 'Language',
  'welcome.title': 'Welcome to Carnet',
  'welcome.intro':
    'Suspended account, delisted offers, payouts held, fees changed without notice, complaints left unanswered, counterfeits: record what the platforms do, as it happens and with the evidence. When the time comes, Carnet turns it into a complete dossier, ready to submit.',
  'welcome.stepsLabel': 'How it works',
  'welcome.step1.title': 'Record',
  'welcome.step1.body':
    'Every incident, dated, with its exchanges: e-mails, seller-portal messages, phone calls.',
  'welcome.step2.title': 'Prove',
  'welcome.step2.body':
    'Screenshots, invoices, e-mails: each piece gets its SHA-256 fingerprint the moment it is added.',
  'welcome.step3.title': 'Submit',
  'welcome.step3.body':
    'A PDF dossier for the State’s reporting form, the Médiateur des entreprises, the platform’s complaint system or a mediator.',
  'welcome.exampleTitle': 'What a line of the journal looks like',
  'welcome.exampleLine': '{date} — payouts held by the platform: {amount}',
  'welcome.privacy':
    'Your data stays on this computer, encrypted. Nothing leaves it unless you say so.',
  'settings.title': 'Settings',
  'settings.languageHelp': 'The language of the interface and, by default, of the dossiers.',
  'error.title': 'Error',
  'error.unexpected': 'An unexpected error occurred. Your data was not changed.',
  'error.dismiss': 'Close',
};
