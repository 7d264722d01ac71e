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
  'lock.keepKeyFirst': 'Keep your recovery key first',
  'language.label': 'Language',
  'common.cancel': 'Cancel',
  'common.show': 'Show',
  'common.hide': 'Hide',
  'common.loading': 'Loading…',

  'welcome.title': 'Welcome to Carnet',
  'welcome.intro':
    'Suspended account, delisted offers, payouts held, fees changed without notice, complaints left unanswered, counterfeits: record what the platforms do, as it happens and with the evidence. When the time comes, Carnet turns it into a complete dossier, ready to submit.',
  'welcome.stepsLabel': 'How it works',
  'welcome.step1.title': 'Record',
  'welcome.step1.body': 'Every incident, dated, with its exchanges: e-mails, messages, calls.',
  'welcome.step2.title': 'Prove',
  'welcome.step2.body': 'Each piece of evidence gets its SHA‑256 fingerprint the moment it is added.',
  'welcome.step3.title': 'Submit',
  'welcome.step3.body':
    'A PDF dossier for the State’s reporting form, the Médiateur des entreprises, the platform’s complaint system or a mediator.',
  'welcome.exampleTitle': 'What a line of the journal looks like',
  'welcome.exampleLine': '{date} — payouts held by the platform: {amount}',
  'welcome.privacy':
    'Your data stays on this computer, encrypted. Nothing leaves it unless you say so.',

  'create.title': 'Create my vault',
  'create.intro':
    'Everything you record is kept in an encrypted vault, on this computer. Choose a passphrase: a few words easy for you to remember and hard for others to guess.',
  'create.passphrase': 'Passphrase',
  'create.passphraseHint': 'At least 10 characters. Four or five unrelated words are ideal.',
  'create.confirmation': 'Confirm the passphrase',
  'create.warning':
    'Without the passphrase or the recovery key that comes next, nobody can open the vault again, not even Carnet’s team: there is no other way to recover your data.',
  'create.submit': 'Create my vault',
  'create.busy': 'Creating the vault…',

  'remember.label': 'Remember me on this computer',
  'remember.help':
    'The system keyring keeps the vault’s key, and Carnet opens without typing anything. Your passphrase always works too.',
  'remember.title': 'This computer',
  'remember.on': 'This computer will open the vault without typing.',
  'remember.off': 'This computer has forgotten the key: the passphrase will be asked for.',

  'strength.label': 'Strength',
  'strength.value': 'Strength: {level}',
  'strength.level0': 'Very weak',
  'strength.level1': 'Weak',
  'strength.level2': 'Fair',
  'strength.level3': 'Strong',
  'strength.level4': 'Very strong',
  'strength.acceptable': 'Strong enough to protect the vault.',
  'strength.notAcceptable': 'Not yet: at least 10 characters and the “Strong” level.',

  'recovery.title': 'Your recovery key',
  'recovery.intro':
    'If you forget your passphrase, this key is the only other way to open your vault. It will never be shown again.',
  'recovery.keyLabel': 'Recovery key, in 6 groups of 5 characters',
  'recovery.howTo':
    'Write it down on paper, or print it, and keep that paper somewhere safe, away from the computer. One click on the key selects all of it.',
  'recovery.noFile': 'Do not keep it in a file on this computer: it would sit right next to the vault.',
  'recovery.kept': 'I have kept my recovery key',
  'recovery.continue': 'Continue',
  'recovery.keyringTitle': 'This computer will not be able to open the vault without typing',
  'recovery.keyringUnavailable':
    'The system keyring could not keep the key: Carnet will ask for your passphrase each time it opens. You can try again in the Settings.',
  'recovery.keyringMismatch':
    'The system keyring gave back a different key from this vault’s: Carnet will ask for your passphrase each time it opens. You can try again in the Settings.',

  'unlock.title': 'Unlock the vault',
  'unlock.intro': 'Enter your passphrase to open your logbook.',
  'unlock.passphrase': 'Passphrase',
  'unlock.submit': 'Unlock',
  'unlock.busy': 'Opening the vault…',
  'unlock.forgot': 'I forgot my passphrase',
  'unlock.recoveryTitle': 'With the recovery key',
  'unlock.recoveryIntro':
    'Enter the recovery key you wrote down when the vault was created. Upper or lower case, spaces or dashes: it does not matter.',
  'unlock.recoveryKey': 'Recovery key',
  'unlock.recoverySubmit': 'Unlock with the key',
  'unlock.usePassphrase': 'Use my passphrase',
  'unlock.thisComputer': 'Open with this computer',
  'unlock.thisComputerBusy': 'Opening with this computer’s keyring…',
  'unlock.autoLocked': 'The vault locked itself: after a while without activity, or as the computer went to sleep.',
  'unlock.problemTitle': 'The vault cannot open normally',
  'unlock.errorTitle': 'The vault stays locked',
  'unlock.restoreBackup': 'Restore a backup',
  'unlock.backupsHelp':
    'The copies of the vault Carnet made on this computer. To restore one, you will need your passphrase or your recovery key.',
  'unlock.noBackup': 'No backup on this computer: restore an archive instead.',

  'home.title': 'Your vault is open',
  'home.intro': 'The incident journal is coming soon to Carnet. Meanwhile, three steps to start well:',
  'home.next1': 'Set the automatic lock and choose whether this computer remembers you.',
  'home.next2': 'Export an encrypted archive to a USB stick: your backup copy, off the computer.',
  'home.next3': 'When you step away, lock the vault with the button at the top right.',
  'home.openSettings': 'Open the settings',
  'home.recoveryTitle': 'You opened the vault with the recovery key',
  'home.recoveryBody':
    'If you have forgotten your passphrase, choose a new one in the Settings: your recovery key stands in for the old one there.',
  'home.recoveryAction': 'Choose a new passphrase',

  'settings.title': 'Settings',
  'settings.languageHelp': 'The language of the interface and, by default, of the dossiers.',

  'autoLock.title': 'Automatic lock',
  'autoLock.help': 'The vault locks itself after this long without keyboard or mouse activity.',
  'autoLock.label': 'Delay, in minutes (1 to 240)',
  'autoLock.save': 'Save the delay',
  'autoLock.saved': 'Delay saved: {minutes} min.',
  'autoLock.notANumber': 'Enter a whole number of minutes, from 1 to 240.',

  'change.title': 'Change the passphrase',
  'change.current': 'Current passphrase or recovery key',
  'change.currentHint':
    'Forgotten your passphrase? Enter your recovery key here: it is enough to choose a new one.',
  'change.next': 'New passphrase',
  'change.confirmation': 'Confirm the new passphrase',
  'change.submit': 'Change the passphrase',
  'change.busy': 'Changing…',
  'change.done': 'Passphrase changed. Your recovery key stays the same.',

  'backups.title': 'Backups',
  'backups.help':
    'Carnet keeps an encrypted copy of the vault each day you open it (the last 7), and before each update or restore.',
  'backups.empty': 'No backup yet: the first one is taken when the vault is opened.',
  'backups.listLabel': 'Available backups',
  'backups.kind.daily': 'Daily',
  'backups.kind.migration': 'Before an update',
  'backups.kind.restore': 'Before a restore',
  'backups.takenAt': '{date} at {time}',
  'backups.restore': 'Restore',
  'backups.confirm':
    'Put the vault back as it was on {date}? Its current state is first kept in a “Before a restore” backup.',
  'backups.confirmYes': 'Yes, restore',
  'backups.busy': 'Restoring…',
  'backups.restored': 'The vault is back as it was on {date}.',
  'backups.secretLegend': 'What opens the vault',
  'backups.withPassphrase': 'My passphrase',
  'backups.withRecovery': 'My recovery key',
  'backups.passphrase': 'The vault’s passphrase',
  'backups.recoveryKey': 'The vault’s recovery key',
  'backups.secretHint':
    'Your current passphrase, or the one you had on the day of this backup. The recovery key never changes.',
  'backups.damaged':
    'This backup is damaged: nothing was changed. Try another one, or restore an archive.',
  'backups.gone': 'This backup no longer exists: the list has just been read again.',

  'archive.title': 'Encrypted archive',
  'archive.help':
    'The whole vault in a single encrypted .carnet file, which opens with the passphrase or the recovery key, on this computer or another. Keep one on a USB stick.',
  'archive.export': 'Export an encrypted archive',
  'archive.exportBusy': 'Exporting…',
  'archive.exported': 'Archive saved: {fileName}',
  'archive.cancelled': 'No file chosen: nothing was done.',
  'archive.import': 'Restore from an archive',
  'archive.importReplaces':
    'The archive’s vault replaces the current vault, which is first kept in a backup.',
  'archive.importNew': 'Already have a Carnet vault? Open its .carnet archive.',
  'archive.secretLegend': 'What opens the archive',
  'archive.withPassphrase': 'Its passphrase',
  'archive.withRecovery': 'Its recovery key',
  'archive.passphrase': 'Passphrase of the archived vault',
  'archive.recoveryKey': 'Recovery key of the archived vault',
  'archive.choose': 'Choose the archive and restore',
  'archive.imported': 'Archive restored: the vault is open.',
  'archive.importBusy': 'Checking the archive…',

  'error.title': 'Error',
  'error.unexpected': 'An unexpected error occurred. Your data was not changed.',
  'error.dismiss': 'Close',
};
