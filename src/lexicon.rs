//! Built-in word lists: months, weekdays, nationalities, titles, qualifiers,
//! the cue words of the link rules.
//!
//! Knowledge that does not depend on the fact base lives here so that every
//! extractor and comparison shares one list. The lists are data, in
//! `lang/en/words.toml`, read once (see [`lang`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use jiff::civil::Weekday;
use serde::Deserialize;

/// The word lists file, built into the binary.
pub const WORDS_TOML: &str = include_str!("../lang/en/words.toml");

/// A list of lower-case words or phrases.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct List(Vec<String>);

impl List {
    /// Whether the list holds exactly this word (or phrase).
    pub fn contains(&self, word: impl AsRef<str>) -> bool {
        let word = word.as_ref();
        self.0.iter().any(|w| w == word)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

/// Title vocabulary.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    /// Words a title is made of, besides nationalities.
    pub words: List,
    /// Title words that name an office: a title needs at least one.
    pub offices: List,
    /// Words inside a title that carry no meaning for comparison.
    pub filler: List,
    /// Lower-case words that may follow a title in apposition.
    pub after: List,
    /// Words after a title in apposition that give it a period of its own.
    pub period: List,
}

/// Words of the quotation rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quotes {
    /// Verbs that introduce words, besides the speech verbs.
    pub verbs: List,
    /// Words that may stand between a speaker and the verb.
    pub between: List,
    /// Words right before a quotation that make it a name or a label.
    pub labels: List,
    /// Verbs whose next name is whom the words were addressed to.
    pub objects: List,
}

/// Given names.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Groups of given names that are one name in several forms, one group a
    /// string ("steve steven stephen").
    pub forms: List,
    /// Words before a surname that are no given name ("Mr Johnson").
    pub honorifics: List,
    /// Words right before a shared name that make it a place ("in London").
    pub place_before: List,
}

impl Names {
    /// Whether two given names (lower case) are forms of one name.
    pub fn same(&self, a: &str, b: &str) -> bool {
        self.forms.iter().any(|g| {
            let mut words = g.split(' ');
            words.clone().any(|w| w == a) && words.any(|w| w == b)
        })
    }
}

/// Cue words of the link rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    pub other_occasion: List,
    pub time_words: List,
    pub deadline: List,
    pub relative: List,
    pub speech_verbs: List,
    pub clause_breaks: List,
    pub negators: List,
    pub denial: List,
    pub partitive: List,
    pub pronouns: List,
    pub passive: List,
    pub hypothetical: List,
    pub part_of: List,
    pub including: List,
    pub correction: List,
}

/// Words of the list and unit rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lists {
    pub leads_to: List,
    pub not_the_agent: List,
    pub people_units: List,
    pub country_units: List,
    pub directions: List,
}

/// Approximation words, by the range they allow ([`Qualifier`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualifiers {
    pub more_than: List,
    pub at_least: List,
    pub just_over: List,
    pub fewer_than: List,
    pub at_most: List,
    pub just_under: List,
    pub about: List,
    pub nearly: List,
    pub at_least_after: List,
    pub at_most_after: List,
}

/// Verb forms the `about` phrases match in (src/facts/forms.rs).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verbs {
    /// One irregular verb a line: the base, then every other form.
    pub irregular: List,
}

/// Words of the number rules: ages, spans of years, changes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    /// Units that make a count an age ("69 years old", "a 69-year-old").
    pub age_units: List,
    /// Words right before a number that make it an age ("aged 69", "at the age of 88").
    pub age_cues: List,
    /// Units of a span of time that a four-digit number before them is not
    /// a year of ("2000 years of history").
    pub time_units: List,
    /// Verbs before "from A to B" that make it a change, not a range ("grew
    /// from 338 to 343 seats").
    pub change_verbs: List,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    months: HashMap<String, i8>,
    nations: HashMap<String, String>,
    titles: Titles,
    qualifiers: Qualifiers,
    cues: Cues,
    lists: Lists,
    quotes: Quotes,
    names: Names,
    numbers: Numbers,
    verbs: Verbs,
}

/// Every word list of the language.
#[derive(Debug)]
pub struct Words {
    /// Month names and abbreviations, and the month they name.
    pub months: HashMap<String, i8>,
    /// Nationality forms and the country code they name.
    pub nations: HashMap<String, String>,
    pub titles: Titles,
    /// The qualifier phrases, longest first ("just over" is tried before "over").
    pub qualifiers: Vec<(String, Qualifier)>,
    /// The qualifier phrases that follow the number ("172 or more seats").
    pub qualifiers_after: Vec<(String, Qualifier)>,
    /// The qualifier lists as written.
    pub qualifier_lists: Qualifiers,
    pub cues: Cues,
    pub lists: Lists,
    pub quotes: Quotes,
    pub names: Names,
    pub numbers: Numbers,
    pub verbs: Verbs,
}

impl Words {
    /// Parse a word lists file.
    pub fn parse(text: &str) -> Result<Words, toml::de::Error> {
        let file: WordsFile = toml::from_str(text)?;
        let q = file.qualifiers;
        let mut qualifiers: Vec<(String, Qualifier)> = [
            (&q.more_than, Qualifier::MoreThan),
            (&q.at_least, Qualifier::AtLeast),
            (&q.just_over, Qualifier::JustOver),
            (&q.fewer_than, Qualifier::FewerThan),
            (&q.at_most, Qualifier::AtMost),
            (&q.just_under, Qualifier::JustUnder),
            (&q.about, Qualifier::About),
            (&q.nearly, Qualifier::Nearly),
        ]
        .into_iter()
        .flat_map(|(phrases, kind)| phrases.iter().map(move |p| (p.to_owned(), kind)))
        .collect();
        qualifiers.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let qualifiers_after = [
            (&q.at_least_after, Qualifier::AtLeast),
            (&q.at_most_after, Qualifier::AtMost),
        ]
        .into_iter()
        .flat_map(|(phrases, kind)| phrases.iter().map(move |p| (p.to_owned(), kind)))
        .collect();
        Ok(Words {
            qualifiers_after,
            qualifier_lists: q,
            months: file.months,
            nations: file.nations,
            titles: file.titles,
            qualifiers,
            cues: file.cues,
            lists: file.lists,
            quotes: file.quotes,
            names: file.names,
            numbers: file.numbers,
            verbs: file.verbs,
        })
    }
}

impl Words {
    /// A list by its name in the file ("cues.negators", "titles.offices").
    pub fn list(&self, name: &str) -> Option<&List> {
        Some(match name {
            "titles.words" => &self.titles.words,
            "titles.offices" => &self.titles.offices,
            "titles.filler" => &self.titles.filler,
            "titles.after" => &self.titles.after,
            "titles.period" => &self.titles.period,
            "names.forms" => &self.names.forms,
            "names.honorifics" => &self.names.honorifics,
            "names.place_before" => &self.names.place_before,
            "quotes.verbs" => &self.quotes.verbs,
            "quotes.between" => &self.quotes.between,
            "quotes.labels" => &self.quotes.labels,
            "quotes.objects" => &self.quotes.objects,
            "cues.other_occasion" => &self.cues.other_occasion,
            "cues.time_words" => &self.cues.time_words,
            "cues.deadline" => &self.cues.deadline,
            "cues.relative" => &self.cues.relative,
            "cues.speech_verbs" => &self.cues.speech_verbs,
            "cues.clause_breaks" => &self.cues.clause_breaks,
            "cues.negators" => &self.cues.negators,
            "cues.denial" => &self.cues.denial,
            "cues.partitive" => &self.cues.partitive,
            "cues.pronouns" => &self.cues.pronouns,
            "cues.passive" => &self.cues.passive,
            "cues.hypothetical" => &self.cues.hypothetical,
            "cues.part_of" => &self.cues.part_of,
            "cues.including" => &self.cues.including,
            "cues.correction" => &self.cues.correction,
            "lists.leads_to" => &self.lists.leads_to,
            "lists.not_the_agent" => &self.lists.not_the_agent,
            "lists.people_units" => &self.lists.people_units,
            "lists.country_units" => &self.lists.country_units,
            "lists.directions" => &self.lists.directions,
            "qualifiers.more_than" => &self.qualifier_lists.more_than,
            "qualifiers.at_least" => &self.qualifier_lists.at_least,
            "qualifiers.just_over" => &self.qualifier_lists.just_over,
            "qualifiers.fewer_than" => &self.qualifier_lists.fewer_than,
            "qualifiers.at_most" => &self.qualifier_lists.at_most,
            "qualifiers.just_under" => &self.qualifier_lists.just_under,
            "qualifiers.about" => &self.qualifier_lists.about,
            "qualifiers.nearly" => &self.qualifier_lists.nearly,
            "qualifiers.at_least_after" => &self.qualifier_lists.at_least_after,
            "qualifiers.at_most_after" => &self.qualifier_lists.at_most_after,
            "numbers.age_units" => &self.numbers.age_units,
            "numbers.age_cues" => &self.numbers.age_cues,
            "numbers.time_units" => &self.numbers.time_units,
            "numbers.change_verbs" => &self.numbers.change_verbs,
            "verbs.irregular" => &self.verbs.irregular,
            _ => return None,
        })
    }

    /// The names [`Words::list`] knows.
    pub const LISTS: &'static [&'static str] = &[
        "titles.words",
        "titles.offices",
        "titles.filler",
        "titles.after",
        "titles.period",
        "names.forms",
        "quotes.verbs",
        "quotes.between",
        "quotes.labels",
        "quotes.objects",
        "cues.other_occasion",
        "cues.time_words",
        "cues.deadline",
        "cues.relative",
        "cues.speech_verbs",
        "cues.clause_breaks",
        "cues.negators",
        "cues.denial",
        "cues.partitive",
        "cues.pronouns",
        "cues.passive",
        "cues.hypothetical",
        "cues.part_of",
        "cues.including",
        "cues.correction",
        "lists.leads_to",
        "lists.not_the_agent",
        "lists.people_units",
        "lists.country_units",
        "lists.directions",
        "qualifiers.more_than",
        "qualifiers.at_least",
        "qualifiers.just_over",
        "qualifiers.fewer_than",
        "qualifiers.at_most",
        "qualifiers.just_under",
        "qualifiers.about",
        "qualifiers.nearly",
        "qualifiers.at_least_after",
        "qualifiers.at_most_after",
        "numbers.age_units",
        "numbers.age_cues",
        "numbers.time_units",
        "numbers.change_verbs",
        "verbs.irregular",
    ];
}

/// Common English words (`lang/en/common-words.txt`), built into the binary.
pub const COMMON_WORDS: &str = include_str!("../lang/en/common-words.txt");

/// Whether `word` (any case) is a common English word of four letters or
/// more: such a word is never a misspelling of a name ("Change", "Chang").
pub fn is_common_word(word: &str) -> bool {
    static WORDS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
        COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    WORDS.contains(word.to_lowercase().as_str())
}

/// The built-in word lists, read once.
pub fn lang() -> &'static Words {
    static WORDS: LazyLock<Words> =
        LazyLock::new(|| Words::parse(WORDS_TOML).expect("lang/en/words.toml is checked by a unit test"));
    &WORDS
}

/// Number words below twenty, by value.
pub const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Tens in words, by value / 10 (empty below twenty).
pub const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Regex alternation of month names, longest first.
pub const MONTH_PATTERN: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

pub const WEEKDAY_PATTERN: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

pub fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    lang().months.get(&w).copied()
}

pub fn weekday(word: &str) -> Option<Weekday> {
    Some(match word.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// Normalise a nationality form: lower case, no full stops, no possessive.
pub fn nation_key(word: &str) -> String {
    let w = word.trim().trim_end_matches("'s").trim_end_matches("\u{2019}s");
    w.chars().filter(|c| *c != '.').collect::<String>().to_lowercase()
}

/// The country (or union) a nationality form names: the built-in list
/// first (it knows "U.S.", "EU", "NATO"), then the gazetteer.
pub fn nation_code(phrase: &str) -> Option<&'static str> {
    let key = nation_key(phrase);
    lang()
        .nations
        .get(&key)
        .map(String::as_str)
        .or_else(|| crate::gazetteer::country_code(&key))
}

/// A title split into the country it names (if any) and its office words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub nation: Option<&'static str>,
    /// The office words, an "of" qualifier first: "Governor of the Bank of
    /// Canada" and "Bank of Canada Governor" are both "bank governor".
    pub office: Vec<String>,
    /// The words of the "of" qualifier that is no nation ("Nvidia" in "CEO
    /// of Nvidia"), also in `office`.
    pub qualifier: Vec<String>,
    pub former: bool,
}

impl Title {
    /// Parse "UK Prime Minister", "President of France", "French president".
    pub fn parse(text: &str) -> Title {
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(|w| nation_key(w).replace('-', " "))
            .flat_map(|w| w.split(' ').map(str::to_owned).collect::<Vec<_>>())
            .collect();
        let mut nation = None;
        let mut office: Vec<String> = Vec::new();
        let mut former = false;
        // Where the first "of" after an office word splits the title.
        let mut head_len = None;
        let mut i = 0;
        while i < words.len() {
            // Longest nationality phrase starting here (up to four words).
            let mut matched = 0;
            for len in (1..=4.min(words.len() - i)).rev() {
                if let Some(code) = nation_code(&words[i..i + len].join(" ")) {
                    nation = nation.or(Some(code));
                    matched = len;
                    break;
                }
            }
            if matched > 0 {
                i += matched;
                continue;
            }
            let w = words[i].as_str();
            if w == "former" {
                former = true;
            } else if w == "pm" {
                office.extend(["prime".to_owned(), "minister".to_owned()]);
            } else if w == "of" && head_len.is_none() && !office.is_empty() {
                head_len = Some(office.len());
            } else if !lang().titles.filler.contains(w) {
                office.push(if w == "defense" {
                    "defence".to_owned()
                } else {
                    w.to_owned()
                });
            }
            i += 1;
        }
        // A title that ends on its office ("Bank of Canada Governor") has its
        // qualifier before it already.
        let ends_on_office = office.last().is_some_and(|w| lang().titles.offices.contains(w));
        let qualifier = head_len
            .filter(|_| !ends_on_office)
            .map_or_else(Vec::new, |h| office.split_off(h));
        office.splice(0..0, qualifier.iter().cloned());
        Title {
            nation,
            office,
            qualifier,
            former,
        }
    }

    /// The title without its "of" qualifier ("CEO" of "CEO of Nvidia").
    pub fn head(&self) -> Title {
        Title {
            office: self.office[self.qualifier.len()..].to_vec(),
            qualifier: Vec::new(),
            ..self.clone()
        }
    }

    /// Whether this (shorter or equal) title is consistent with `role`:
    /// same office or a run of its words, and no other country.
    pub fn fits(&self, role: &Title) -> bool {
        if self.office.is_empty() {
            return false;
        }
        let office_ok = role
            .office
            .windows(self.office.len())
            .any(|w| w == self.office.as_slice());
        let nation_ok = match (self.nation, role.nation) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        office_ok && nation_ok
    }
}

/// Approximation words before a number and the range they allow.
///
/// Newsroom semantics: a strict bound excludes its own number ("more than
/// 35" is 36 or more), an inclusive one includes it ("at least 35"),
/// "nearly" and "almost" lie a little below, never at, the number, and
/// "about" a little either side. See the table in the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// "about", "some", "around": a little either side.
    About,
    /// "nearly", "almost", "close to": a little below, the number excluded.
    Nearly,
    /// "more than", "over", "above": above the number, which is excluded.
    MoreThan,
    /// "at least", "no fewer than": the number or above.
    AtLeast,
    /// "just over": a little above the number, which is excluded.
    JustOver,
    /// "fewer than", "less than", "under", "below": below the number, which is excluded.
    FewerThan,
    /// "up to", "at most", "no more than": the number or below.
    AtMost,
    /// "just under": a little below the number, which is excluded.
    JustUnder,
}

impl Qualifier {
    /// The range `n` with this qualifier allows.
    pub fn range(self, n: f64) -> Range {
        let slack = Self::slack(n);
        let closed = |min, max| Range {
            min,
            max,
            min_open: false,
            max_open: false,
        };
        match self {
            Qualifier::About => closed(Some(n - slack), Some(n + slack)),
            Qualifier::Nearly | Qualifier::JustUnder => Range {
                max_open: true,
                ..closed(Some(n - slack.max(2.0)), Some(n))
            },
            Qualifier::MoreThan => Range {
                min_open: true,
                ..closed(Some(n), None)
            },
            Qualifier::AtLeast => closed(Some(n), None),
            Qualifier::JustOver => Range {
                min_open: true,
                ..closed(Some(n), Some(n + slack.max(2.0)))
            },
            Qualifier::FewerThan => Range {
                max_open: true,
                ..closed(None, Some(n))
            },
            Qualifier::AtMost => closed(None, Some(n)),
        }
    }

    /// How far "about", "nearly" and "just over" reach: 10% of the number,
    /// and at least one.
    pub fn slack(n: f64) -> f64 {
        (n.abs() * 0.1).max(1.0)
    }

    /// Whether the qualifier excludes its own number ("more than 35" is not 35).
    pub fn strict(self) -> bool {
        matches!(
            self,
            Qualifier::Nearly | Qualifier::MoreThan | Qualifier::JustOver | Qualifier::FewerThan | Qualifier::JustUnder
        )
    }

    /// Whether the qualifier is a bound (dropped when a figure is corrected)
    /// rather than a hedge around it (kept: "about 30%" becomes "about 20%").
    pub fn bound(self) -> bool {
        self != Qualifier::About
    }
}

/// The values a figure's wording allows: bounds (None = open-ended), each
/// of which may exclude its own value ("more than 35": above 35, 35 excluded).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// `min` itself is excluded.
    pub min_open: bool,
    /// `max` itself is excluded.
    pub max_open: bool,
}

impl Range {
    /// From `min` to `max`, both included.
    pub fn closed(min: f64, max: f64) -> Range {
        Range {
            min: Some(min),
            max: Some(max),
            min_open: false,
            max_open: false,
        }
    }

    /// Whether the range holds some value of `[lo, hi]`.
    pub fn meets(&self, lo: f64, hi: f64) -> bool {
        const EPS: f64 = 1e-9;
        let above_min = self.min.is_none_or(|m| {
            let m_eps = EPS * m.abs().max(1.0);
            if self.min_open { hi > m + m_eps } else { hi >= m - m_eps }
        });
        let below_max = self.max.is_none_or(|m| {
            let m_eps = EPS * m.abs().max(1.0);
            if self.max_open { lo < m - m_eps } else { lo <= m + m_eps }
        });
        above_min && below_max
    }

    /// Whether the range holds `x`.
    pub fn contains(&self, x: f64) -> bool {
        self.meets(x, x)
    }

    /// The bounds as numbers, each included or not.
    pub fn bounds(&self) -> (Option<f64>, Option<f64>) {
        (self.min, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_parse_lower_case_without_repeats() {
        let w = Words::parse(WORDS_TOML).unwrap();
        for name in Words::LISTS {
            let list = w.list(name).unwrap();
            let mut seen = std::collections::HashSet::new();
            for word in list.iter() {
                assert_eq!(word, word.to_lowercase(), "{word}");
                assert!(seen.insert(word), "{word} twice");
            }
        }
        for office in w.titles.offices.iter() {
            assert!(
                w.titles.words.contains(office),
                "{office} is an office but not a title word"
            );
        }
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(nation_code("U.K."), Some("gb"));
        // Longest first: "just over" is tried before "over".
        let at = |p: &str| w.qualifiers.iter().position(|(q, _)| q == p).unwrap();
        assert!(at("just over") < at("over"));
        assert!(at("just under") < at("under"));
        assert!(Words::parse("[months]\njanuary = 1\n[unknown]").is_err());
    }

    #[test]
    fn titles_normalise_nationality_forms() {
        let role = Title::parse("UK Prime Minister");
        for t in [
            "U.K. Prime Minister",
            "British prime minister",
            "British PM",
            "United Kingdom Prime Minister",
            "Prime Minister",
            "Britain's Prime Minister",
        ] {
            assert!(Title::parse(t).fits(&role), "{t}");
        }
        assert!(!Title::parse("French Prime Minister").fits(&role));
        assert!(!Title::parse("UK President").fits(&role));
        assert!(Title::parse("President").fits(&Title::parse("President of France")));
        assert!(Title::parse("French President").fits(&Title::parse("President of the French Republic")));
        // An "of" qualifier comes first, as it is written before the office.
        let bank = Title::parse("Governor of the Bank of Canada");
        assert_eq!(
            (bank.office.join(" "), bank.nation),
            ("bank governor".to_owned(), Some("ca"))
        );
        assert!(Title::parse("former Bank of Canada Governor").fits(&bank));
        assert!(Title::parse("leader of the Green Party").fits(&Title::parse("Green Party leader")));
        assert_eq!(Title::parse("CEO of Nvidia").head().office, ["ceo"]);
    }
}
