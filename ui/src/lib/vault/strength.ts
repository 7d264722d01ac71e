// The passphrase meter: Rust's zxcvbn score (0–4) as one of five named levels.
import type { MessageKey } from '../i18n/fr';

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export const STRENGTH_LEVELS: readonly StrengthLevel[] = [0, 1, 2, 3, 4];

const LABELS: Record<StrengthLevel, MessageKey> = {
  0: 'strength.level0',
  1: 'strength.level1',
  2: 'strength.level2',
  3: 'strength.level3',
  4: 'strength.level4',
};

/** The level for a score, whatever arrives: rounded, and kept within 0–4 (NaN is 0). */
export function strengthLevel(score: number): StrengthLevel {
  if (!Number.isFinite(score)) return score === Infinity ? 4 : 0;
  return Math.min(4, Math.max(0, Math.round(score))) as StrengthLevel;
}

/** The catalogue key naming a score's level ("Très faible" … "Très forte"). */
export function strengthLabel(score: number): MessageKey {
  return LABELS[strengthLevel(score)];
}
