//! World knowledge that needs no fact base: countries (names, short forms,
//! demonyms, ISO codes) from the `keshvar` data crate, and their capitals.
//!
//! The checker uses it two ways: nationality words in titles ("Spanish
//! Prime Minister") are recognised for every country, and countries and
//! capitals the fact base never names become entities of their own, so that
//! "The UK, France and Spain pledged ..." names an extra member, and "a
//! summit in Madrid" a wrong place.

use std::sync::LazyLock;

use keshvar::CountryIterator;

use crate::facts::fxhash::FxHashSet;
use crate::facts::{Entity, EntityKind, FactBase};

/// One country as the gazetteer knows it.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2, lower case ("fr").
    pub code: String,
    /// Short English name ("France").
    pub name: String,
    /// Other English spellings and abbreviations ("UK", "Great Britain").
    pub aliases: Vec<String>,
    /// "French"; some countries have several ("Antiguan, Barbudan").
    pub demonyms: Vec<String>,
    pub capital: Option<&'static str>,
}

/// Capitals of the countries news about Europe and its allies names most.
const CAPITALS: &[(&str, &str)] = &[
    ("al", "Tirana"),
    ("at", "Vienna"),
    ("au", "Canberra"),
    ("be", "Brussels"),
    ("bg", "Sofia"),
    ("br", "Brasilia"),
    ("by", "Minsk"),
    ("ca", "Ottawa"),
    ("ch", "Bern"),
    ("cn", "Beijing"),
    ("cy", "Nicosia"),
    ("cz", "Prague"),
    ("de", "Berlin"),
    ("dk", "Copenhagen"),
    ("ee", "Tallinn"),
    ("es", "Madrid"),
    ("fi", "Helsinki"),
    ("fr", "Paris"),
    ("gb", "London"),
    ("ge", "Tbilisi"),
    ("gr", "Athens"),
    ("hr", "Zagreb"),
    ("hu", "Budapest"),
    ("ie", "Dublin"),
    ("il", "Jerusalem"),
    ("in", "New Delhi"),
    ("ir", "Tehran"),
    ("is", "Reykjavik"),
    ("it", "Rome"),
    ("jp", "Tokyo"),
    ("kp", "Pyongyang"),
    ("kr", "Seoul"),
    ("lt", "Vilnius"),
    ("lu", "Luxembourg"),
    ("lv", "Riga"),
    ("md", "Chisinau"),
    ("me", "Podgorica"),
    ("mk", "Skopje"),
    ("mt", "Valletta"),
    ("nl", "Amsterdam"),
    ("no", "Oslo"),
    ("nz", "Wellington"),
    ("pl", "Warsaw"),
    ("pt", "Lisbon"),
    ("ro", "Bucharest"),
    ("rs", "Belgrade"),
    ("ru", "Moscow"),
    ("sa", "Riyadh"),
    ("se", "Stockholm"),
    ("si", "Ljubljana"),
    ("sk", "Bratislava"),
    ("tr", "Ankara"),
    ("ua", "Kyiv"),
    ("us", "Washington"),
    ("za", "Pretoria"),
];

/// A name worth matching in English text: letters, spaces and a few marks,
/// no parentheses, not a translation in another script.
fn usable(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '.' | '\''))
        && name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

fn strip_the(name: &str) -> &str {
    name.strip_prefix("The ").unwrap_or(name)
}

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    let mut out: Vec<Country> = CountryIterator::new()
        .map(|c| {
            let code = c.alpha2().to_string().to_lowercase();
            let short = strip_the(c.iso_short_name());
            let unofficial = c.unofficial_name_list();
            // The first unofficial name is the everyday English one ("United Kingdom").
            let everyday = unofficial.first().map(|n| strip_the(n)).filter(|n| usable(n));
            let name = everyday
                .or(Some(short).filter(|n| usable(n)))
                .unwrap_or(short)
                .to_owned();
            let mut aliases: Vec<String> = Vec::new();
            let mut add = |n: &str| {
                let n = strip_the(n).trim();
                if usable(n) && n != name && !aliases.iter().any(|a| a == n) {
                    aliases.push(n.to_owned());
                }
            };
            add(short);
            for n in unofficial {
                // Abbreviations ("UK", "USA") and English forms sharing a word with the name.
                let abbreviation = n.len() <= 4 && n.chars().all(|c| c.is_ascii_uppercase());
                let english = n.split_whitespace().any(|w| name.split_whitespace().any(|v| v == w));
                if abbreviation || english {
                    add(n);
                }
            }
            let demonyms = c
                .maybe_nationality()
                .map(|d| {
                    d.split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| usable(s))
                        .collect()
                })
                .unwrap_or_default();
            let capital = CAPITALS.iter().find(|(k, _)| *k == code).map(|(_, cap)| *cap);
            Country {
                code,
                name,
                aliases,
                demonyms,
                capital,
            }
        })
        .collect();
    out.sort_by(|a, b| a.code.cmp(&b.code));
    out
});

/// Every country, sorted by code.
pub fn countries() -> &'static [Country] {
    &COUNTRIES
}

/// The country a name, alias, demonym or code names ("Spanish" -> "es").
pub fn country_code(word: &str) -> Option<&'static str> {
    // Looked up, not found by a walk over every country: linking asks often.
    static BY_NAME: LazyLock<std::collections::HashMap<String, &'static str>> = LazyLock::new(|| {
        let mut map = std::collections::HashMap::new();
        for c in countries() {
            for n in std::iter::once(&c.name).chain(&c.aliases).chain(&c.demonyms) {
                // The first country to claim a name keeps it, as the walk did.
                map.entry(n.to_ascii_lowercase()).or_insert(c.code.as_str());
            }
        }
        map
    });
    BY_NAME.get(&word.trim().to_ascii_lowercase()).copied()
}

/// The country whose capital `name` is ("Washington" -> "us").
pub fn capital_of(name: &str) -> Option<&'static str> {
    countries()
        .iter()
        .find(|c| c.capital.is_some_and(|cap| cap.eq_ignore_ascii_case(name)))
        .map(|c| c.code.as_str())
}

/// The country whose people `word` names: a plural demonym ("Germans",
/// "Americans") or one that is its own plural ("French", "British",
/// "Dutch", "Japanese", "Swiss").
pub fn people_of(word: &str) -> Option<&'static str> {
    if !is_country_word(word) && !word.ends_with('s') {
        return None;
    }
    let collective = |d: &str| d.ends_with("ch") || d.ends_with("sh") || d.ends_with("ese") || d.ends_with("ss");
    countries()
        .iter()
        .find(|c| {
            c.demonyms.iter().any(|d| {
                (collective(d) && d.eq_ignore_ascii_case(word))
                    || word
                        .strip_suffix('s')
                        .is_some_and(|w| !collective(d) && d.eq_ignore_ascii_case(w))
            })
        })
        .map(|c| c.code.as_str())
}

/// Whether `word` is part of some country's name or demonym ("south", "korean").
pub fn is_country_word(word: &str) -> bool {
    static WORDS: LazyLock<std::collections::BTreeSet<String>> = LazyLock::new(|| {
        countries()
            .iter()
            .flat_map(|c| std::iter::once(&c.name).chain(&c.aliases).chain(&c.demonyms))
            .flat_map(|n| n.split_whitespace().map(|w| w.to_lowercase()).collect::<Vec<_>>())
            .filter(|w| !matches!(w.as_str(), "and" | "of" | "the"))
            .collect()
    });
    WORDS.contains(&word.to_lowercase())
}

/// The fact base with every country and capital it does not name added as
/// an entity (ids `country:es`, `place:madrid`), so that they are recognised
/// in the text. Spellings the fact base already gives a place, country or
/// organisation are left to it; a person's ("London" for Jack London) is
/// shared with the place, and the context tells them apart ("in London").
pub fn augment(base: FactBase) -> FactBase {
    let taken: FxHashSet<String> = base
        .entities
        .iter()
        .filter(|e| e.kind != EntityKind::Person)
        .flat_map(|e| e.spellings().map(str::to_lowercase))
        .collect();
    let mut extra = Vec::new();
    for c in countries() {
        let spellings: Vec<String> = std::iter::once(c.name.clone())
            .chain(c.aliases.iter().cloned())
            .collect();
        if spellings.iter().any(|s| taken.contains(&s.to_lowercase())) {
            continue;
        }
        extra.push(Entity {
            id: format!("country:{}", c.code),
            kind: EntityKind::Country,
            name: c.name.clone(),
            aliases: c.aliases.clone(),
            roles: Vec::new(),
            within: None,
        });
    }
    for c in countries() {
        // Every capital the fact base does not name (its "France" but no "Paris" too).
        if let Some(cap) = c.capital
            && !taken.contains(&cap.to_lowercase())
            && !extra.iter().any(|e| e.name == cap)
        {
            extra.push(Entity {
                id: format!("place:{}", cap.to_lowercase().replace(' ', "-")),
                kind: EntityKind::Place,
                name: cap.to_owned(),
                aliases: Vec::new(),
                roles: Vec::new(),
                within: Some(format!("country:{}", c.code)),
            });
        }
    }
    // Moved, not cloned: a large fact base is copied nowhere, and its
    // lookups are not built again.
    base.with_entities(extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_demonyms_and_codes() {
        assert_eq!(country_code("Spanish"), Some("es"));
        assert_eq!(country_code("Germany"), Some("de"));
        assert_eq!(country_code("United Kingdom"), Some("gb"));
        assert_eq!(country_code("UK"), Some("gb"));
        assert_eq!(country_code("South Korea"), Some("kr"));
        assert_eq!(country_code("Narnia"), None);
        assert_eq!(capital_of("Washington"), Some("us"));
        assert_eq!(capital_of("Springfield"), None);
        assert_eq!(people_of("Germans"), Some("de"));
        assert_eq!(people_of("French"), Some("fr"));
        assert_eq!(people_of("British"), Some("gb"));
        assert_eq!(people_of("German"), None);
        assert_eq!(people_of("Frenchs"), None);
        let be = countries().iter().find(|c| c.code == "be").unwrap();
        assert_eq!(be.capital, Some("Brussels"));
        assert!(is_country_word("korean"));
    }

    #[test]
    fn augment_adds_only_what_the_fact_base_lacks() {
        let base = FactBase::new(
            vec![],
            Default::default(),
            Default::default(),
            vec![Entity {
                id: "france".into(),
                kind: EntityKind::Country,
                name: "France".into(),
                aliases: vec![],
                roles: vec![],
                within: None,
            }],
            vec![],
        );
        let aug = augment(base);
        assert!(aug.entity("country:fr").is_none());
        assert_eq!(aug.entity("france").map(|e| e.name.as_str()), Some("France"));
        // The lookups of the entities added are those a base built whole would have.
        let whole = FactBase::new(
            vec![],
            Default::default(),
            Default::default(),
            aug.entities.clone(),
            vec![],
        );
        for e in &whole.entities {
            assert_eq!(aug.entity(&e.id).map(|a| &a.name), whole.entity(&e.id).map(|w| &w.name));
        }
        assert_eq!(aug.entity("country:es").map(|e| e.name.as_str()), Some("Spain"));
        assert_eq!(aug.entity("place:paris").map(|e| e.kind), Some(EntityKind::Place));
        assert_eq!(aug.entity("place:madrid").map(|e| e.name.as_str()), Some("Madrid"));
    }
}
