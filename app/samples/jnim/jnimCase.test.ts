import { describe, it, expect } from 'vitest';
import { comparePartialDates, isPartialDate, CREDIBILITY_GRADES, RELIABILITY_GRADES } from '../../domain';
import { isKnownEntityType } from '../../entityTypes';
import { isKnownLinkType } from '../../linkTypes';
import { locateQuote, type SampleCitation } from '../sampleCase';
import article from './article.txt';
import { jnimCase } from './jnimCase';

const { entities, links } = jnimCase;
const entityKeys = new Set(entities.map((e) => e.key));

const allCitations: { owner: string; citation: SampleCitation }[] = [
  ...entities.flatMap((e) => e.citations.map((citation) => ({ owner: `entity ${e.key}`, citation }))),
  ...links.flatMap((l) => l.citations.map((citation) => ({ owner: `link ${l.key}`, citation }))),
];

function linksOf(type: string, source: string, target: string) {
  return links.filter((l) => l.type === type && l.source === source && l.target === target);
}

describe('jnim sample case', () => {
  it('uses the article as its source body', () => {
    expect(jnimCase.source.body).toBe(article);
    expect(article.length).toBeGreaterThan(1000);
    expect(jnimCase.slug).toBe('jnim');
    expect(jnimCase.source.title).toBe('Jama’at Nasr al-Islam wal Muslimin: a merger of al-Qaeda affiliates');
    expect(RELIABILITY_GRADES).toContain(jnimCase.source.reliability);
    expect(jnimCase.source.publishedDate).toBe('2020');
  });

  it('has every citation quote verbatim in the article', () => {
    const missing = allCitations.filter(({ citation }) => locateQuote(article, citation.quote) === null);
    expect(missing.map(({ owner, citation }) => `${owner}: ${citation.quote}`)).toEqual([]);
  });

  it('grades every citation 1–6', () => {
    for (const { citation } of allCitations) expect(CREDIBILITY_GRADES).toContain(citation.credibility);
  });

  it('cites every entity and every link at least once', () => {
    expect(entities.filter((e) => e.citations.length === 0).map((e) => e.key)).toEqual([]);
    expect(links.filter((l) => l.citations.length === 0).map((l) => l.key)).toEqual([]);
  });

  it('has unique kebab-case keys across entities and links', () => {
    const keys = [...entities.map((e) => e.key), ...links.map((l) => l.key)];
    const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(duplicates).toEqual([]);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('links only existing entities', () => {
    const dangling = links.filter((l) => !entityKeys.has(l.source) || !entityKeys.has(l.target)).map((l) => l.key);
    expect(dangling).toEqual([]);
    expect(links.filter((l) => l.source === l.target).map((l) => l.key)).toEqual([]);
  });

  it('uses only catalogue types', () => {
    expect(entities.filter((e) => !isKnownEntityType(e.type)).map((e) => `${e.key}: ${e.type}`)).toEqual([]);
    expect(links.filter((l) => !isKnownLinkType(l.type)).map((l) => `${l.key}: ${l.type}`)).toEqual([]);
  });

  it('has valid partial dates, with start <= end', () => {
    for (const item of [...entities, ...links]) {
      for (const date of [item.startDate, item.endDate]) {
        if (date !== undefined) expect(isPartialDate(date), `${item.key}: ${date}`).toBe(true);
      }
      if (item.startDate !== undefined && item.endDate !== undefined) {
        expect(comparePartialDates(item.startDate, item.endDate), item.key).toBeLessThanOrEqual(0);
      }
    }
  });

  it('has JNIM with its four founding factions', () => {
    const jnim = entities.find((e) => e.key === 'jnim');
    expect(jnim).toBeDefined();
    expect(jnim?.startDate).toBe('2017-03-02');
    expect(jnim?.label).toBe('JNIM');
    expect(jnim?.aliases).toEqual(expect.arrayContaining(['Jama’at Nasr al-Islam wal Muslimin', 'the Group to Support Islam and Muslims']));
    for (const faction of ['aqim-sahara-branch', 'ansar-al-din', 'al-murabitoon', 'katibat-macina']) {
      expect(entityKeys.has(faction), faction).toBe(true);
      const founding = linksOf('founding_faction_of', faction, 'jnim');
      expect(founding, faction).toHaveLength(1);
      expect(founding[0]?.startDate).toBe('2017-03-02');
    }
    expect(linksOf('affiliate_of', 'katibat-macina', 'ansar-al-din')).toHaveLength(1);
    expect(linksOf('branch_of', 'aqim-sahara-branch', 'aqim')).toHaveLength(1);
    expect(linksOf('pledged_allegiance_to', 'jnim', 'aqim')).toHaveLength(1);
    expect(linksOf('subordinate_to', 'jnim', 'aqim')).toHaveLength(1);
    expect(linksOf('subordinate_to', 'jnim', 'al-qaeda')).toHaveLength(1);
  });

  it('has Iyad ag Ghali leading JNIM and sworn to the three leaders', () => {
    const leads = linksOf('leads', 'iyad-ag-ghali', 'jnim');
    expect(leads).toHaveLength(1);
    expect(leads[0]?.startDate).toBe('2017-03-02');
    expect(linksOf('formerly_led', 'iyad-ag-ghali', 'ansar-al-din')[0]?.endDate).toBe('2017-03-02');
    for (const leader of ['abu-musab-abdel-wadoud', 'ayman-al-zawahiri', 'haibatullah-akhundzada']) {
      expect(linksOf('pledged_allegiance_to', 'iyad-ag-ghali', leader), leader).toHaveLength(1);
    }
    expect(linksOf('leads', 'abu-musab-abdel-wadoud', 'aqim')).toHaveLength(1);
    expect(linksOf('leads', 'ayman-al-zawahiri', 'al-qaeda')).toHaveLength(1);
    expect(linksOf('leads', 'haibatullah-akhundzada', 'islamic-emirate-in-afghanistan')).toHaveLength(1);
  });

  it('leaves no entity isolated', () => {
    const linked = new Set(links.flatMap((l) => [l.source, l.target]));
    expect(entities.filter((e) => !linked.has(e.key)).map((e) => e.key)).toEqual([]);
  });

  it('is of the intended size', () => {
    expect(entities.length).toBeGreaterThanOrEqual(50);
    expect(links.length).toBeGreaterThanOrEqual(80);
  });
});

describe('jnim sample case as an analyst would chart it (issue #13 review)', () => {
  const link = (key: string) => links.find((l) => l.key === key);
  const quotes = (key: string) => link(key)?.citations.map((c) => c.quote) ?? [];

  it('draws no opposition the article does not state, and none to JNIM before it existed (March 2017)', () => {
    expect(link('coalition-for-the-sahel-opposes-jnim')).toBeUndefined();
    const early = links.filter((l) => (l.source === 'jnim' || l.target === 'jnim') && l.startDate && comparePartialDates(l.startDate, '2017-03') < 0);
    expect(early.map((l) => `${l.key} from ${l.startDate}`)).toEqual([]);
  });

  it('cites the affiliation for AQIM’s affiliation, not its Sahel ambitions', () => {
    expect(quotes('aqim-affiliate-of-al-qaeda').some((q) => q.includes('long-standing ambitions'))).toBe(false);
    expect(quotes('aqim-affiliate-of-al-qaeda').some((q) => q.includes('al-Qaeda in the Islamic Maghreb'))).toBe(true);
  });

  it('grades inferences as inferences, and the attack direction coherently with the command it instances', () => {
    const rebellion = link('tuaregs-participated-in-tuareg-rebellion-2012');
    expect(rebellion && Math.min(...rebellion.citations.map((c) => c.credibility))).toBeGreaterThanOrEqual(3);
    const best = (key: string) => Math.min(...(link(key)?.citations.map((c) => c.credibility) ?? [6]));
    // JNIM under AQIM's command is stated (2); AQIM directing its attacks follows from it: no worse than 3, no better than the command.
    expect(best('aqim-commands-jnim-attacks')).toBeLessThanOrEqual(3);
    expect(best('aqim-commands-jnim-attacks')).toBeGreaterThanOrEqual(best('jnim-subordinate-to-aqim'));
  });

  it('charts ethnic make-up as presence in JNIM, not recruitment', () => {
    const ethnic = new Set(entities.filter((e) => e.type === 'ethnic_group').map((e) => e.key));
    expect(links.filter((l) => l.type === 'recruits_from' && ethnic.has(l.target)).map((l) => l.key)).toEqual([]);
    for (const group of ethnic) expect(linksOf('member_of', group, 'jnim').length).toBe(1);
  });

  it('says the US opposed a funding proposal, not the Secretary-General', () => {
    expect(link('united-states-opposes-antonio-guterres')?.description).toMatch(/funding/);
  });

  it('charts the merger once: no faction is tied to JNIM and to the merger event both', () => {
    const factions = links.filter((l) => l.type === 'founding_faction_of' && l.target === 'jnim').map((l) => l.source);
    expect(factions.length).toBe(4);
    const event = links.filter((l) => l.source === 'jnim-formation' || l.target === 'jnim-formation');
    expect(event.map((l) => `${l.source} ${l.type} ${l.target}`)).toEqual(['jnim-formation created jnim']);
  });

  it('has JNIM targeting civilians and recruiting from local communities exploiting grievances', () => {
    expect(linksOf('targets', 'jnim', 'civilians')).toHaveLength(1);
    const recruits = linksOf('recruits_from', 'jnim', 'local-communities-mali');
    expect(recruits).toHaveLength(1);
    expect(recruits[0]!.citations[0]!.quote).toContain('local grievances towards government, particularly in Mali');
  });

  it('says why the unattributed article is graded as it is, against the usual F (cannot be judged)', () => {
    expect(['C', 'F']).toContain(jnimCase.source.reliability);
    expect(jnimCase.source.reliabilityRationale).toMatch(/usually graded F \(reliability cannot be judged\)/);
  });
});

describe('jnim sample locations', () => {
  const gazetteer = jnimCase.gazetteer;
  it('locates every place and state from the gazetteers, each line standing in its source', () => {
    expect(gazetteer).toBeDefined();
    if (!gazetteer) return;
    const located = new Set(gazetteer.places.map((p) => p.key));
    const places = entities.filter((e) => e.type === 'place' || e.type === 'state').map((e) => e.key);
    // The Sahel, West Africa and the Saharo–Sahelian belt are too vague to be a point: left unlocated.
    expect(places.filter((key) => !located.has(key)).sort()).toEqual(['saharo-sahelian-belt', 'sahel', 'west-africa']);
    for (const place of gazetteer.places) {
      expect(entityKeys.has(place.key)).toBe(true);
      expect(locateQuote(gazetteer.sources[place.gazetteer].body, place.record)).not.toBeNull();
    }
    expect(gazetteer.sources.geonames.reference).toContain('CC BY 4.0');
    expect(gazetteer.sources['natural-earth'].reference).toContain('public domain');
  });

  it('locates entities at places only where their own citation names the place', () => {
    for (const entity of entities.filter((e) => e.location)) {
      const location = entity.location;
      if (!location) continue;
      const place = entities.find((e) => e.key === location.place);
      expect(place?.type).toMatch(/^(place|state)$/);
      const quote = entity.citations[location.citation]?.quote ?? '';
      const word = (place?.label ?? '?').split(' ')[0] ?? '?';
      expect(quote.toLowerCase()).toContain(word.toLowerCase());
    }
  });
});
