/**
 * Name matching for merge-on-import. Two names that normalise to the same key are offered for
 * merge: "Ansar Dine", "Ansar al-Din" and "ANSAR EDDINE"; "al-Qaeda" and "Al Qa’ida";
 * "Jama’at Nasr al-Islam wal Muslimin" and "Jamaat Nasr al Islam wal-Muslimin".
 *
 * The rules undo the usual differences between romanisations of Arabic and Berber names (the
 * source of most duplicates in this field) while leaving distinct names apart:
 * - case, diacritics (NFKD, marks removed) and apostrophe-like marks (’ ' ʼ ‘ ʻ ʿ ʾ ` ´);
 * - the article: "al-", "el-", "ul-", "wal-", and its assimilated forms ("ad-Din", "ash-Shabaab",
 *   "Eddine");
 * - vowels: Arabic has three (a, i, u), written e/i and o/u at will: e→i, o→u, ou/oo→u, ee→i;
 * - consonant spellings: kh→k, q→k, dh→d, th→t, gh→g, ph→f, dj→j, tch→ch; doubled letters (not digits) once;
 * - endings: a final silent "e" (Dine→Din), a final "y" (Ghaly→Ghali), ta marbuta "-ah"/"-at" → "-a".
 */

const APOSTROPHES = /['’ʼ‘ʻʿʾ`´′]/g;
const HYPHENATED_ARTICLE = /(^|[\s(])(?:al|el|ul|il|wal|ad|ed|ud|adh|ath|ash|as|at|ar|az|an|en)-(?=\p{L})/gu;
const STANDALONE_ARTICLES = new Set(['al', 'el', 'ul', 'wal']);
/** "eddine", "assalam", "ennahda": an article assimilated to a doubled sun letter. */
const JOINED_ARTICLE = /^[aeu](d|t|r|z|s|n)\1(.{2,})$/;

function foldToken(token: string): string {
  let t = token;
  const joined = JOINED_ARTICLE.exec(t);
  if (joined) t = `${joined[1]}${joined[2]}`;
  if (t.length > 3 && t.endsWith('e')) t = t.slice(0, -1);
  if (t.length > 2 && t.endsWith('y')) t = `${t.slice(0, -1)}i`;
  t = t
    .replace(/tch/g, 'ch')
    .replace(/dj/g, 'j')
    .replace(/kh/g, 'k')
    .replace(/q/g, 'k')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/gh/g, 'g')
    .replace(/ph/g, 'f')
    .replace(/ou|oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/e/g, 'i')
    .replace(/o/g, 'u')
    // Doubled letters are a spelling; doubled digits are a different number (APT3 is not APT33).
    .replace(/(\p{L})\1+/gu, '$1');
  if (t.length > 3 && (t.endsWith('ah') || t.endsWith('at'))) t = t.slice(0, -1);
  return t;
}

/** The case-, accent- and transliteration-insensitive key of a name ("" for a name of no letters). */
export function normaliseName(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(HYPHENATED_ARTICLE, '$1');
  const tokens = plain
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
  const meaningful = tokens.filter((token) => !STANDALONE_ARTICLES.has(token));
  const kept = meaningful.length > 0 ? meaningful : tokens;
  return kept.map(foldToken).join(' ');
}

const BRACKETED = /^(.*\S)\s*[([]\s*([^()[\]]+?)\s*[)\]]\s*$/u;

/**
 * The names a name stands for when it carries its acronym in brackets: "Al Qaida in the Islamic
 * Maghreb (AQIM)" is also "Al Qaida in the Islamic Maghreb" and "AQIM", so it matches a case that
 * knows the group by either. A name without a trailing bracket stands for itself only.
 */
export function nameVariants(name: string): string[] {
  const match = BRACKETED.exec(name.trim());
  if (!match) return [name];
  const [, outside, inside] = match as unknown as [string, string, string];
  return [name, outside, inside];
}

/**
 * How alike two normalised names are, from 0 to 1: one minus their edit distance (Levenshtein,
 * on code points) over the longer one's length. Used to offer near-identical transliterations
 * ("jama nusra islam" / "jama nasr islam": 0.88) as merge candidates, never to merge them.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = [...a];
  const y = [...b];
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return 1 - (previous[y.length] as number) / longest;
}

/** Trigrams of a normalised name (padded), the index that finds similar names without comparing all pairs. */
export function nameTrigrams(key: string): Set<string> {
  const padded = `  ${key} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}
