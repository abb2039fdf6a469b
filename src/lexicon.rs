//! Built-in word lists: months, weekdays, nationalities, titles, qualifiers.
//!
//! Knowledge that does not depend on the fact base lives here so that every
//! extractor and comparison shares one list.

use jiff::civil::Weekday;

pub const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

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
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
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

/// Nationality forms, lower-case without full stops, and the country they name.
/// "UK", "U.K.", "British", "Britain" and "United Kingdom" are one country.
pub const NATIONS: &[(&str, &str)] = &[
    ("uk", "gb"),
    ("united kingdom", "gb"),
    ("britain", "gb"),
    ("great britain", "gb"),
    ("british", "gb"),
    ("france", "fr"),
    ("french", "fr"),
    ("ukraine", "ua"),
    ("ukrainian", "ua"),
    ("us", "us"),
    ("usa", "us"),
    ("united states", "us"),
    ("united states of america", "us"),
    ("america", "us"),
    ("american", "us"),
    ("germany", "de"),
    ("german", "de"),
    ("italy", "it"),
    ("italian", "it"),
    ("poland", "pl"),
    ("polish", "pl"),
    ("canada", "ca"),
    ("canadian", "ca"),
    ("russia", "ru"),
    ("russian", "ru"),
    ("spain", "es"),
    ("spanish", "es"),
    ("netherlands", "nl"),
    ("dutch", "nl"),
    ("belgium", "be"),
    ("belgian", "be"),
    ("denmark", "dk"),
    ("danish", "dk"),
    ("finland", "fi"),
    ("finnish", "fi"),
    ("sweden", "se"),
    ("swedish", "se"),
    ("norway", "no"),
    ("norwegian", "no"),
    ("turkey", "tr"),
    ("turkish", "tr"),
    ("türkiye", "tr"),
    ("japan", "jp"),
    ("japanese", "jp"),
    ("australia", "au"),
    ("australian", "au"),
    ("ireland", "ie"),
    ("irish", "ie"),
    ("portugal", "pt"),
    ("portuguese", "pt"),
    ("greece", "gr"),
    ("greek", "gr"),
    ("romania", "ro"),
    ("romanian", "ro"),
    ("czech", "cz"),
    ("czechia", "cz"),
    ("estonia", "ee"),
    ("estonian", "ee"),
    ("latvia", "lv"),
    ("latvian", "lv"),
    ("lithuania", "lt"),
    ("lithuanian", "lt"),
    ("eu", "eu"),
    ("european union", "eu"),
    ("european", "eu"),
    ("nato", "nato"),
];

/// Words a title is made of, besides nationalities ("Prime", "Minister", ...).
pub const TITLE_WORDS: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "deputy",
    "chancellor",
    "foreign",
    "defence",
    "defense",
    "home",
    "finance",
    "secretary",
    "state",
    "general",
    "secretary-general",
    "king",
    "queen",
    "prince",
    "pope",
    "premier",
    "envoy",
    "special",
    "commissioner",
    "admiral",
    "ambassador",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "chief",
    "commander",
    "senator",
    "governor",
    "mayor",
    "acting",
    "interim",
    "former",
    "of",
    "the",
    "republic",
    "commission",
    "council",
    "federal",
    "sir",
    "dame",
    "pm",
];

/// Title words that name an office: a title needs at least one.
pub const OFFICE_WORDS: &[&str] = &[
    "president",
    "minister",
    "chancellor",
    "secretary",
    "secretary-general",
    "king",
    "queen",
    "prince",
    "pope",
    "premier",
    "envoy",
    "commissioner",
    "admiral",
    "ambassador",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "leader",
    "chief",
    "commander",
    "senator",
    "governor",
    "mayor",
    "pm",
];

/// Words inside a title that carry no meaning for comparison.
const TITLE_FILLER: &[&str] = &["of", "the", "republic", "federal", "sir", "dame"];

/// Normalise a nationality form: lower case, no full stops, no possessive.
pub fn nation_key(word: &str) -> String {
    let w = word.trim().trim_end_matches("'s").trim_end_matches("\u{2019}s");
    w.chars().filter(|c| *c != '.').collect::<String>().to_lowercase()
}

/// The country (or union) a nationality form names: the built-in list
/// first (it knows "U.S.", "EU", "NATO"), then the gazetteer.
pub fn nation_code(phrase: &str) -> Option<&'static str> {
    let key = nation_key(phrase);
    NATIONS
        .iter()
        .find(|(n, _)| *n == key)
        .map(|(_, c)| *c)
        .or_else(|| crate::gazetteer::country_code(&key))
}

/// A title split into the country it names (if any) and its office words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub nation: Option<&'static str>,
    pub office: Vec<String>,
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
        let mut office = Vec::new();
        let mut former = false;
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
            } else if !TITLE_FILLER.contains(&w) {
                office.push(if w == "defense" {
                    "defence".to_owned()
                } else {
                    w.to_owned()
                });
            }
            i += 1;
        }
        Title { nation, office, former }
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
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Qualifier {
    /// "about", "some", "around": a little either side.
    About,
    /// "nearly", "almost": a little below, up to the number.
    Nearly,
    /// "more than", "over", "at least": the number or above.
    AtLeast,
    /// "fewer than", "under", "up to": the number or below.
    AtMost,
}

/// Qualifier phrases, longest first so "just over" wins over "over".
pub const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::AtLeast),
    ("just over", Qualifier::AtLeast),
    ("upwards of", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("over", Qualifier::AtLeast),
    ("above", Qualifier::AtLeast),
    ("fewer than", Qualifier::AtMost),
    ("less than", Qualifier::AtMost),
    ("just under", Qualifier::AtMost),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("under", Qualifier::AtMost),
    ("below", Qualifier::AtMost),
    ("an estimated", Qualifier::About),
    ("approximately", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("some", Qualifier::About),
    ("close to", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
];

impl Qualifier {
    /// The inclusive range `n` with this qualifier allows (None = unbounded).
    ///
    /// Bounds are generous on purpose: "over 35" said of 35 is loose wording,
    /// not a false statement, and a false alarm costs more than a miss.
    pub fn range(self, n: f64) -> (Option<f64>, Option<f64>) {
        let slack = (n * 0.1).max(1.0);
        match self {
            Qualifier::About => (Some(n - slack), Some(n + slack)),
            Qualifier::Nearly => (Some(n - slack.max(2.0)), Some(n)),
            Qualifier::AtLeast => (Some(n), None),
            Qualifier::AtMost => (None, Some(n)),
        }
    }
}

/// Cue words that a sentence is about some other occasion than the fact's
/// ("the next summit"): a link across one of them is too weak to judge.
pub const OTHER_OCCASION: &[&str] = &[
    "next",
    "previous",
    "prior",
    "upcoming",
    "earlier",
    "later",
    "another",
    "planned",
    "future",
    "former",
    "last",
    "second",
    "third",
    "following",
    "preceding",
    "first",
];

/// Words after "last", "earlier" or "later" that make a time, not an occasion.
pub const TIME_WORDS: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "this",
    "that",
    "on",
    "in",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words before a date that make it a bound, not the day something happened.
pub const DEADLINE_WORDS: &[&str] = &[
    "by", "until", "till", "before", "after", "since", "from", "through", "ahead",
];

/// Reporting verbs: a date right after one dates the saying, not the event.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "stated",
    "added",
    "warned",
    "noted",
    "insisted",
    "confirmed",
    "declared",
    "wrote",
    "tweeted",
    "posted",
    "argued",
    "claimed",
    "recorded",
    "published",
    "updated",
    "filed",
    "broadcast",
    "aired",
    "reported",
    "written",
];

/// Words that end a clause: evidence across them counts for less.
pub const CLAUSE_BREAKS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "after", "before", "when", "since",
];

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
