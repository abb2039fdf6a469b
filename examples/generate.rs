//! A deterministic fact base and news corpus of any size, for benchmarks.
//!
//! ```sh
//! cargo run --release --example generate -- --facts 100000 --articles 6000 --seed 1 --out /tmp/fc
//! cargo run --release --example generate -- --shape real --facts 100000 --articles 6000 --seed 1 --out /tmp/fr
//! ```
//!
//! writes `OUT/claims/*.toml` (a valid fact base: entities with aliases and
//! roles, every kind of value, named sources), `OUT/articles/*/*.md` (news-like
//! Markdown articles citing it, some claims true and some altered) and
//! `OUT/keywords.txt` (every name, alias, title, unit and `about` phrase as
//! written, one a line, for `rg -F -f`).
//!
//! Two shapes. `--shape bench` (the default, the shape of every figure in
//! `docs/performance.md` before the real one): events (a summit, a treaty,
//! a census ...), each with eight facts that share its own `about` phrase (a
//! date, a year, a count, a host place, its signatories, a quotation, an
//! amount and a percentage), and every name unique. `--shape real`: a
//! newsroom's base, where phrases, surnames and occasions' names are shared
//! (see the section on it below). In both, event `i` is drawn from its own
//! random stream, so the first events of a large base are exactly a small
//! base with the same seed: `--facts 1000` is a 1% subset of `--facts
//! 100000`. No dependencies: a splitmix64 generator and `std`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Facts per event; the fact base holds `facts / FACTS_PER_EVENT` events.
const FACTS_PER_EVENT: usize = 8;
/// Events per fact-base file.
const EVENTS_PER_FILE: usize = 500;
/// Articles per folder.
const ARTICLES_PER_DIR: usize = 500;

/// splitmix64: tiny, fast, and the same stream on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// True with probability `p` percent.
    fn chance(&mut self, p: u64) -> bool {
        self.next() % 100 < p
    }
}

const FIRST_NAMES: &[&str] = &[
    "Anna", "Boris", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Lukas", "Marta",
    "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tereza", "Viktor", "Yara", "Zofia", "Amir", "Leila", "Mateo",
    "Sofia", "Omar", "Nadia", "Ivan", "Petra",
];

/// Syllables of surnames (consonants k, l, m, n, r, v) and of invented
/// adjectives and places (b, d, g, p, s, t): the two sets never start alike,
/// so no adjective reads as a misspelt surname.
const NAME_SYLLABLES: &[&str] = &[
    "ka", "ke", "ki", "ko", "ku", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo", "mu", "na", "ne", "ni", "no",
    "nu", "ra", "re", "ri", "ro", "ru", "va", "ve", "vi", "vo", "vu",
];
const PLACE_SYLLABLES: &[&str] = &[
    "ba", "be", "bi", "bo", "bu", "da", "de", "di", "do", "du", "ga", "ge", "gi", "go", "gu", "pa", "pe", "pi", "po",
    "pu", "sa", "se", "si", "so", "su", "ta", "te", "ti", "to", "tu",
];

/// Nationalities and offices the title parser knows.
const NATIONALITIES: &[&str] = &[
    "French",
    "German",
    "Italian",
    "Polish",
    "Spanish",
    "Dutch",
    "Belgian",
    "Danish",
    "Finnish",
    "Swedish",
    "Norwegian",
    "Irish",
    "Portuguese",
    "Greek",
    "Romanian",
    "Estonian",
    "Latvian",
    "Lithuanian",
];
const OFFICES: &[&str] = &[
    "Finance Minister",
    "Foreign Minister",
    "Defence Minister",
    "Prime Minister",
    "President",
    "Ambassador",
    "Commissioner",
    "Governor",
    "Mayor",
    "Senator",
];

const EVENT_NOUNS: &[&str] = &[
    "summit",
    "accord",
    "congress",
    "conference",
    "treaty",
    "festival",
    "forum",
    "census",
    "expedition",
    "assembly",
    "convention",
    "games",
    "tribunal",
    "compact",
    "programme",
];

const UNITS: &[&str] = &[
    "delegations",
    "troops",
    "volunteers",
    "ships",
    "aircraft",
    "teams",
    "athletes",
    "candidates",
    "seats",
    "schools",
    "hospitals",
    "villages",
    "farms",
    "bridges",
    "stations",
    "vessels",
    "drones",
    "doctors",
    "nurses",
    "teachers",
    "officers",
    "judges",
    "observers",
    "journalists",
    "refugees",
    "workers",
    "students",
    "clubs",
    "flights",
    "trains",
    "factories",
    "ministries",
    "regions",
    "provinces",
    "cities",
    "banks",
];

const CURRENCIES: &[(&str, &str)] = &[("EUR", "€"), ("USD", "$"), ("GBP", "£")];

/// Words of quotations and of the filler prose around the claims.
const QUOTE_WORDS: &[&str] = &[
    "we", "will", "stand", "together", "for", "peace", "and", "security", "our", "people", "deserve", "nothing",
    "less", "this", "is", "a", "moment", "of", "resolve", "history", "watches", "every", "step", "take", "must",
    "build", "trust", "across", "borders", "with", "courage", "patience", "never", "give", "up", "on", "future",
    "children", "all", "promise", "keep",
];
const FILLER: &[&str] = &[
    "Officials spent much of the morning in closed sessions, and aides described the talks as constructive.",
    "Negotiators worked late into the night on the wording of the final text.",
    "Critics argued that the plan left important questions open, including how it would be paid for.",
    "Local residents gathered outside the venue, some carrying banners and others simply watching.",
    "The agenda also covered energy, migration and the reconstruction of damaged infrastructure.",
    "Analysts said the outcome would be judged by what happens over the coming months.",
    "Several delegations asked for more time to consult their parliaments before committing.",
    "Security was tight, with roads closed around the district for most of the day.",
    "A joint statement is expected to follow once the legal teams have reviewed the draft.",
    "Observers noted that the tone of the discussions had improved compared with earlier rounds.",
    "The organisers thanked the host city for its hospitality and the volunteers for their help.",
    "Opposition figures called for a public debate on the commitments made behind closed doors.",
];

/// A unique capitalised word for index `i`, from syllables `set`, at least `min` syllables long.
fn word(i: usize, set: &[&str], min: usize) -> String {
    let mut n = i;
    let mut out = String::new();
    let mut count = 0;
    while count < min || n > 0 {
        out.push_str(set[n % set.len()]);
        n /= set.len();
        count += 1;
    }
    let mut c = out.chars();
    let first = c.next().expect("at least one syllable").to_ascii_uppercase();
    std::iter::once(first).chain(c).collect()
}

/// Scramble `i` within `0..n` (n a power of the syllable count), so
/// neighbouring events get unlike names.
fn scramble(i: usize, n: usize) -> usize {
    // 7919 is prime and so coprime with 30^k: a bijection on 0..n.
    (i.wrapping_mul(7919) + 12345) % n
}

#[derive(Clone, Copy)]
struct Day {
    year: i32,
    month: u32,
    day: u32,
}

impl Day {
    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn words(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            factcheck::lexicon::MONTH_NAMES[(self.month - 1) as usize],
            self.year
        )
    }
}

struct Person {
    id: String,
    first: String,
    surname: String,
    /// (title, from) of the role.
    role: (String, Option<Day>),
}

impl Person {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.surname)
    }
}

/// One event and the eight facts about it.
struct Event {
    index: usize,
    phrase: String,
    date: Day,
    founded: i32,
    count: u64,
    unit: &'static str,
    /// A count that changed: the earlier figure, valid until `date`.
    earlier_count: Option<u64>,
    place_id: String,
    place: String,
    people: [Person; 2],
    /// Signatories: this event's people and, when there are any, one of the previous event's.
    signers: Vec<(String, String)>,
    quote: String,
    amount: f64,
    currency: usize,
    percent: f64,
    source: String,
}

const SURNAME_SPACE: usize = 30 * 30 * 30 * 30;
const ADJECTIVE_SPACE: usize = 30 * 30 * 30;

fn person(seed: u64, k: usize) -> Person {
    let mut rng = Rng::new(seed, 1_000_000 + k as u64);
    let first = rng.pick(FIRST_NAMES).to_string();
    let surname = word(scramble(k, SURNAME_SPACE), NAME_SYLLABLES, 3);
    let title = format!("{} {}", rng.pick(NATIONALITIES), rng.pick(OFFICES));
    let from = rng.chance(30).then(|| Day {
        year: 2018 + rng.below(5) as i32,
        month: 1 + rng.below(12) as u32,
        day: 1 + rng.below(28) as u32,
    });
    Person {
        id: format!("p{k}"),
        first,
        surname,
        role: (title, from),
    }
}

fn event(seed: u64, i: usize) -> Event {
    let mut rng = Rng::new(seed, i as u64);
    // Adjectives end in "-ian", places in "-a": never the same word.
    let adjective = format!("{}ian", word(scramble(i, ADJECTIVE_SPACE), PLACE_SYLLABLES, 2));
    let phrase = format!("{adjective} {}", rng.pick(EVENT_NOUNS));
    let date = Day {
        year: 2023 + rng.below(3) as i32,
        month: 1 + rng.below(12) as u32,
        day: 1 + rng.below(28) as u32,
    };
    let people = [person(seed, 2 * i), person(seed, 2 * i + 1)];
    let mut signers: Vec<(String, String)> = people.iter().map(|p| (p.id.clone(), p.name())).collect();
    if i > 0 {
        let other = person(seed, 2 * i - 1);
        signers.push((other.id.clone(), other.name()));
    }
    let quote_len = rng.range(7, 12) as usize;
    let quote: Vec<&str> = (0..quote_len).map(|_| rng.pick(QUOTE_WORDS)).collect();
    let mut quote = quote.join(" ");
    quote[..1].make_ascii_uppercase();
    let count = rng.range(3, 5000);
    Event {
        index: i,
        phrase,
        date,
        founded: 1900 + rng.below(120) as i32,
        count,
        unit: rng.pick(UNITS),
        earlier_count: rng.chance(10).then(|| count.saturating_sub(rng.range(1, 3)).max(1)),
        place_id: format!("place{i}"),
        place: format!("{}a", word(scramble(i, ADJECTIVE_SPACE), PLACE_SYLLABLES, 2)),
        people,
        signers,
        quote,
        amount: rng.range(1, 900) as f64 * 1e6,
        currency: rng.below(CURRENCIES.len()),
        percent: rng.range(1, 99) as f64,
        source: format!("s{}", i / 10),
    }
}

fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The TOML for events `from..to`, with sources, entities and facts.
fn fact_file(events: &[Event]) -> String {
    let mut out = String::new();
    let first = &events[0];
    writeln!(
        out,
        "[meta]\ntitle = \"Generated events {}\"\nas_of = 2026-12-31\n",
        first.index
    )
    .unwrap();
    let mut sources: Vec<&str> = events.iter().map(|e| e.source.as_str()).collect();
    sources.dedup();
    for s in sources {
        writeln!(
            out,
            "[sources.{s}]\ntitle = \"Generated record {s}\"\nurl = \"https://example.org/{s}\"\n"
        )
        .unwrap();
    }
    for e in events {
        for p in &e.people {
            let role = match p.role.1 {
                Some(from) => format!("{{ title = {}, from = {} }}", toml_str(&p.role.0), from.iso()),
                None => toml_str(&p.role.0),
            };
            writeln!(
                out,
                "[[entity]]\nid = \"{}\"\nkind = \"person\"\nname = {}\naliases = [{}]\nroles = [{role}]\n",
                p.id,
                toml_str(&p.name()),
                toml_str(&p.surname)
            )
            .unwrap();
        }
        writeln!(
            out,
            "[[entity]]\nid = \"{}\"\nkind = \"place\"\nname = {}\n",
            e.place_id,
            toml_str(&e.place)
        )
        .unwrap();
        let about = format!("about = [{}]", toml_str(&e.phrase));
        let id = format!("e{}", e.index);
        let src = &e.source;
        let mut fact = |suffix: &str, body: String| {
            writeln!(
                out,
                "[[fact]]\nid = \"{id}.{suffix}\"\n{about}\n{body}\nsource = \"{src}\"\n"
            )
            .unwrap();
        };
        fact("date", format!("date = {}", e.date.iso()));
        fact("founded", format!("year = {}", e.founded));
        match e.earlier_count {
            Some(before) => {
                fact(
                    "count_before",
                    format!("count = {before}\nunit = [\"{}\"]\nuntil = {}", e.unit, e.date.iso()),
                );
                fact(
                    "count",
                    format!("count = {}\nunit = [\"{}\"]\nfrom = {}", e.count, e.unit, e.date.iso()),
                );
            }
            None => fact("count", format!("count = {}\nunit = [\"{}\"]", e.count, e.unit)),
        }
        fact("place", format!("entity = \"{}\"", e.place_id));
        let ids: Vec<String> = e.signers.iter().map(|(id, _)| toml_str(id)).collect();
        fact("signed", format!("entities = [{}]\ncomplete = true", ids.join(", ")));
        fact(
            "quote",
            format!("quote = {}\nspeaker = \"{}\"", toml_str(&e.quote), e.people[0].id),
        );
        fact(
            "amount",
            format!("amount = {}\ncurrency = \"{}\"", e.amount, CURRENCIES[e.currency].0),
        );
        fact("turnout", format!("percent = {}", e.percent));
    }
    out
}

/// A name with two letters of its last word swapped ("Kalovemu" -> "Kalovmeu").
fn misspell(name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    if n >= 4 {
        chars.swap(n - 2, n - 3);
    }
    chars.into_iter().collect()
}

/// "€90 million", written the way a reporter would.
fn money(amount: f64, symbol: &str) -> String {
    format!("{symbol}{} million", amount / 1e6)
}

/// One paragraph or two about `e`, each claim true or (with `wrong` percent chance) altered.
fn write_event(out: &mut String, e: &Event, rng: &mut Rng, wrong: u64, all: usize, seed: u64) {
    let phrase = &e.phrase;
    let cap = {
        let mut p = phrase.clone();
        p[..1].make_ascii_uppercase();
        p
    };
    let mut sentences: Vec<String> = Vec::new();
    let mut date = e.date;
    if rng.chance(wrong) {
        date.day = if date.day > 1 { date.day - 1 } else { 2 };
    }
    sentences.push(format!("The {phrase} opened on {}.", date.words()));
    let count = if rng.chance(wrong) { e.count + 1 } else { e.count };
    sentences.push(format!(
        "Representatives of {count} {} took part in the {phrase}.",
        e.unit
    ));
    let place = if rng.chance(wrong) && all > 1 {
        let other = event(seed, (e.index + 1) % all);
        other.place
    } else {
        e.place.clone()
    };
    sentences.push(format!("The {phrase} was held in {place}."));
    let (p0, p1) = (&e.people[0], &e.people[1]);
    let title = if rng.chance(wrong) {
        let office = OFFICES
            .iter()
            .find(|o| !p0.role.0.ends_with(**o))
            .expect("several offices");
        format!("{} {office}", p0.role.0.split(' ').next().expect("a nationality"))
    } else {
        p0.role.0.clone()
    };
    let quote = if rng.chance(wrong) {
        let mut words: Vec<&str> = e.quote.split(' ').collect();
        let k = words.len() / 2;
        words[k] = if words[k] == "peace" { "victory" } else { "peace" };
        words.join(" ")
    } else {
        e.quote.clone()
    };
    sentences.push(format!("\u{201c}{quote},\u{201d} said {title} {}.", p0.name()));
    // A misspelt name now and then: letters swapped in a surname, or a whole name.
    let mut signers: Vec<String> = e.signers.iter().map(|(_, n)| n.clone()).collect();
    if rng.chance(wrong) {
        let k = rng.below(signers.len());
        signers[k] = misspell(&signers[k]);
    }
    let list = match signers.as_slice() {
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        _ => signers.join(", "),
    };
    sentences.push(format!("{list} signed the {phrase}."));
    let amount = if rng.chance(wrong) { e.amount * 2.0 } else { e.amount };
    sentences.push(format!(
        "{cap} pledged {} for reconstruction.",
        money(amount, CURRENCIES[e.currency].1)
    ));
    let percent = if rng.chance(wrong) { e.percent + 5.0 } else { e.percent };
    sentences.push(format!("Support for the {phrase} stood at {percent}%."));
    let year = if rng.chance(wrong) { e.founded + 1 } else { e.founded };
    sentences.push(format!("The {phrase} was founded in {year}."));
    let surname = if rng.chance(wrong) {
        misspell(&p1.surname)
    } else {
        p1.surname.clone()
    };
    sentences.push(format!(
        "{} Finance officials from {surname} welcomed the outcome.",
        rng.pick(FILLER)
    ));
    // Two paragraphs, with filler between the claims.
    let half = sentences.len() / 2;
    for (k, s) in sentences.iter().enumerate() {
        out.push_str(s);
        out.push(' ');
        if rng.chance(40) {
            out.push_str(rng.pick(FILLER));
            out.push(' ');
        }
        if k + 1 == half {
            out.push_str("\n\n");
        }
    }
    out.push_str("\n\n");
}

fn article(seed: u64, n: usize, events: usize, wrong: u64) -> String {
    let mut rng = Rng::new(seed, 0xA000_0000_0000 + n as u64);
    let picked: Vec<usize> = (0..rng.range(3, 5)).map(|_| rng.below(events)).collect();
    let lead = event(seed, picked[0]);
    let published = Day {
        year: lead.date.year + 1,
        month: 1 + rng.below(12) as u32,
        day: 1 + rng.below(28) as u32,
    };
    let mut out = String::new();
    writeln!(
        out,
        "---\ntitle: \"Report {n}\"\npublished: {}\n---\n\n# {} in focus\n",
        published.iso(),
        lead.phrase
    )
    .unwrap();
    for &i in &picked {
        let e = event(seed, i);
        writeln!(out, "## The {}\n", e.phrase).unwrap();
        write_event(&mut out, &e, &mut rng, wrong, events, seed);
        for _ in 0..rng.range(2, 4) {
            out.push_str(rng.pick(FILLER));
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out
}

/// Which kind of fact base and articles to write.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Shape {
    /// Eight facts an event sharing only its own phrase; every name unique.
    Bench,
    /// Shared phrases, surnames and occasions' names (see `World`).
    Real,
}

/// What to generate (`benches/stages.rs` includes this file and calls [`run`]).
pub(crate) struct Args {
    pub(crate) shape: Shape,
    pub(crate) facts: usize,
    pub(crate) articles: usize,
    pub(crate) seed: u64,
    pub(crate) out: PathBuf,
    /// Percent of claims altered.
    pub(crate) wrong: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        shape: Shape::Bench,
        facts: 1000,
        articles: 100,
        seed: 1,
        out: PathBuf::from("target/generated"),
        wrong: 20,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("{flag}: not a number: {v}"));
        match flag.as_str() {
            "--facts" => args.facts = number(value()?)? as usize,
            "--articles" => args.articles = number(value()?)? as usize,
            "--seed" => args.seed = number(value()?)?,
            "--wrong" => args.wrong = number(value()?)?.min(100),
            "--out" => args.out = PathBuf::from(value()?),
            "--shape" => {
                args.shape = match value()?.as_str() {
                    "bench" => Shape::Bench,
                    "real" => Shape::Real,
                    other => return Err(format!("--shape: bench or real, not {other}")),
                }
            }
            "-h" | "--help" => {
                return Err(
                    "usage: generate --facts N --articles M --seed S --out DIR [--wrong PERCENT] [--shape bench|real]"
                        .to_owned(),
                );
            }
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok(args)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn run(args: &Args) -> Result<(), String> {
    let events = args.facts.div_ceil(FACTS_PER_EVENT).max(1);
    let claims = args.out.join("claims");
    let articles = args.out.join("articles");
    for dir in [&claims, &articles] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    if args.shape == Shape::Real {
        let (facts, bytes, keywords) = run_real(args, &claims, &articles)?;
        write(
            &args.out.join("keywords.txt"),
            &keywords.iter().map(|k| format!("{k}\n")).collect::<String>(),
        )?;
        println!(
            "{}: {facts} facts (real shape), {} articles ({bytes} bytes), {} keywords",
            args.out.display(),
            args.articles,
            keywords.len()
        );
        return Ok(());
    }
    let mut keywords: std::collections::BTreeSet<String> = Default::default();
    let all: Vec<Event> = (0..events).map(|i| event(args.seed, i)).collect();
    for (k, chunk) in all.chunks(EVENTS_PER_FILE).enumerate() {
        write(&claims.join(format!("events-{k:04}.toml")), &fact_file(chunk))?;
        for e in chunk {
            keywords.insert(e.phrase.clone());
            keywords.insert(e.unit.to_owned());
            keywords.insert(e.place.clone());
            for p in &e.people {
                keywords.insert(p.name());
                keywords.insert(p.surname.clone());
                keywords.insert(p.role.0.clone());
            }
        }
    }
    let mut bytes = 0;
    for n in 0..args.articles {
        let dir = articles.join(format!("{:04}", n / ARTICLES_PER_DIR));
        if n % ARTICLES_PER_DIR == 0 {
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let text = article(args.seed, n, events, args.wrong);
        bytes += text.len();
        write(&dir.join(format!("report-{n:06}.md")), &text)?;
    }
    let mut list = String::new();
    for k in &keywords {
        list.push_str(k);
        list.push('\n');
    }
    write(&args.out.join("keywords.txt"), &list)?;
    println!(
        "{}: {} facts ({events} events), {} articles ({bytes} bytes), {} keywords",
        args.out.display(),
        events * FACTS_PER_EVENT + all.iter().filter(|e| e.earlier_count.is_some()).count(),
        args.articles,
        keywords.len()
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// The real shape (`--shape real`): a newsroom's base, not the bench's.
//
// Occasions are `[[event]]` tables with their date and place; each has a
// count, its signatories (or, for an election, who was elected) and a
// founding year, five facts an event with the two the event's date and
// place make. Generic phrases are shared by thousands of facts ("signed",
// "founded", "elected", "born"; each event's noun, "summit", by a
// fifteenth of them), surnames by several people (a third of the people
// have one of sixty common surnames; the first two are Boris and Mike
// Johnson), some people are named like a place ("Jackson", "Lincoln"),
// occasions recur under one name every year (the "G7 summit" of 1996 to
// 2025), and most people and every organisation only give names (no roles).
// The world (people, places, organisations, the recurring occasions' names)
// does not depend on the size asked for, and event `i` is drawn from its own
// stream: a small base is the first events of a large one with the entities
// they name.
// ---------------------------------------------------------------------------

/// People, places and organisations of the real shape, whatever its size.
const REAL_PEOPLE: usize = 5_000;
const REAL_PLACES: usize = 500;
const REAL_ORGS: usize = 300;
/// Names of occasions held every year.
const REAL_SERIES: usize = 200;
/// Facts per event: its date and place (the event's), count, signatories, founding year.
const REAL_FACTS_PER_EVENT: usize = 5;
const REAL_EVENTS_PER_FILE: usize = 1_000;

const COMMON_SURNAMES: &[&str] = &[
    "Johnson",
    "Smith",
    "Brown",
    "Miller",
    "Davis",
    "Garcia",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Young",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Roberts",
    "Carter",
    "Phillips",
    "Evans",
    "Turner",
    "Parker",
    "Collins",
    "Edwards",
    "Stewart",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Morgan",
    "Cooper",
    "Peterson",
    "Reed",
    "Bailey",
    "Bell",
    "Kelly",
    "Howard",
    "Ward",
    "Cox",
    "Richardson",
    "Wood",
    "Watson",
    "Brooks",
    "Bennett",
    "Gray",
    "Hughes",
];
/// Real places whose names are surnames too (or could be).
const SURNAME_PLACES: &[&str] = &[
    "Jackson",
    "Lincoln",
    "Austin",
    "Florence",
    "Chester",
    "Kent",
    "Preston",
    "Douglas",
    "Warren",
    "Madison",
    "Clifton",
    "Sheffield",
    "Bradford",
    "Camden",
    "Hamilton",
    "Aberdeen",
];
const MORE_FIRST_NAMES: &[&str] = &[
    "Mike", "Sarah", "James", "Emma", "Robert", "Alice", "Thomas", "Laura", "Daniel", "Julia", "Peter", "Maria",
    "George", "Helen", "Paul", "Irene",
];
const REAL_NOUNS: &[&str] = &[
    "summit",
    "accord",
    "congress",
    "conference",
    "treaty",
    "festival",
    "forum",
    "election",
    "convention",
    "games",
    "assembly",
    "compact",
    "charter",
    "council meeting",
    "expo",
];
const ORG_KINDS: &[&str] = &[
    "Council",
    "Union",
    "Alliance",
    "Federation",
    "Institute",
    "League",
    "Commission",
    "Foundation",
];

struct RealPerson {
    id: String,
    first: String,
    surname: String,
    /// A title, with the day it began if known; most people have none.
    role: Option<(String, Option<Day>)>,
    born: i32,
}

impl RealPerson {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.surname)
    }
}

struct Org {
    id: String,
    name: String,
    acronym: Option<String>,
    founded: i32,
}

/// Who signed: a person or an organisation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Party {
    Person(usize),
    Org(usize),
}

/// Everything an event may name, the same at every size.
struct World {
    people: Vec<RealPerson>,
    places: Vec<String>,
    orgs: Vec<Org>,
    series: Vec<(String, &'static str)>,
}

impl World {
    fn new(seed: u64) -> World {
        let mut places: Vec<String> = SURNAME_PLACES.iter().map(|s| s.to_string()).collect();
        let mut k = 0;
        while places.len() < REAL_PLACES {
            // "-a" words from their own index space: never an adjective or surname.
            places.push(format!("{}a", word(scramble(k, ADJECTIVE_SPACE), PLACE_SYLLABLES, 2)));
            k += 1;
        }
        let mut people = Vec::with_capacity(REAL_PEOPLE);
        let mut taken: std::collections::HashSet<(String, String)> = Default::default();
        let mut rng = Rng::new(seed, 0xB000_0000);
        let firsts: Vec<&str> = FIRST_NAMES.iter().chain(MORE_FIRST_NAMES).copied().collect();
        while people.len() < REAL_PEOPLE {
            let k = people.len();
            let (first, surname) = match k {
                0 => ("Boris".to_owned(), "Johnson".to_owned()),
                1 => ("Mike".to_owned(), "Johnson".to_owned()),
                _ => {
                    let surname = match rng.below(100) {
                        0..=32 => rng.pick(COMMON_SURNAMES).to_owned(),
                        33..=34 => rng.pick(SURNAME_PLACES).to_owned(),
                        // Invented surnames, drawn from 3,000: many are shared by two or three.
                        _ => word(scramble(rng.below(3_000), SURNAME_SPACE), NAME_SYLLABLES, 3),
                    };
                    (rng.pick(&firsts).to_owned(), surname)
                }
            };
            if !taken.insert((first.clone(), surname.clone())) {
                continue;
            }
            let role = rng.chance(40).then(|| {
                let title = format!("{} {}", rng.pick(NATIONALITIES), rng.pick(OFFICES));
                let from = rng.chance(30).then(|| Day {
                    year: 2015 + rng.below(10) as i32,
                    month: 1 + rng.below(12) as u32,
                    day: 1 + rng.below(28) as u32,
                });
                (title, from)
            });
            people.push(RealPerson {
                id: format!("p{k}"),
                first,
                surname,
                role,
                born: 1940 + rng.below(50) as i32,
            });
        }
        let orgs = (0..REAL_ORGS)
            .map(|k| {
                let adjective = format!("{}ian", word(scramble(k, ADJECTIVE_SPACE), PLACE_SYLLABLES, 3));
                let kind = ORG_KINDS[k % ORG_KINDS.len()];
                let name = format!("{adjective} {kind}");
                let acronym = (k % 3 == 0)
                    .then(|| format!("{}{}", &adjective[..1], &kind[..1]).to_ascii_uppercase() + &format!("{k}"));
                Org {
                    id: format!("org{k}"),
                    name,
                    acronym,
                    founded: 1900 + rng.below(120) as i32,
                }
            })
            .collect();
        let series = (0..REAL_SERIES)
            .map(|s| {
                let noun = REAL_NOUNS[s % REAL_NOUNS.len()];
                let name = if s == 0 {
                    "G7 summit".to_owned()
                } else {
                    // Adjectives of two syllables and "-ese": apart from the one-off events' "-ian".
                    format!("{}ese {noun}", word(scramble(s, ADJECTIVE_SPACE), PLACE_SYLLABLES, 2))
                };
                (name, if s == 0 { "summit" } else { noun })
            })
            .collect();
        World {
            people,
            places,
            orgs,
            series,
        }
    }

    fn party_name(&self, p: Party) -> String {
        match p {
            Party::Person(k) => self.people[k].name(),
            Party::Org(k) => self.orgs[k].name.clone(),
        }
    }

    fn party_id(&self, p: Party) -> &str {
        match p {
            Party::Person(k) => &self.people[k].id,
            Party::Org(k) => &self.orgs[k].id,
        }
    }
}

/// One occasion of the real shape.
struct RealEvent {
    index: usize,
    name: String,
    alias: String,
    noun: &'static str,
    date: Day,
    place: usize,
    count: u64,
    unit: &'static str,
    /// Signatories, or (for an election) the one person elected.
    parties: Vec<Party>,
    founded: i32,
    source: String,
}

impl RealEvent {
    fn id(&self) -> String {
        format!("ev{}", self.index)
    }

    fn elected(&self) -> bool {
        self.noun == "election"
    }
}

fn real_event(seed: u64, world: &World, i: usize) -> RealEvent {
    let mut rng = Rng::new(seed, 0xC000_0000 + i as u64);
    let (name, noun, year) = if i % 10 < 3 {
        // Three events in ten are one of a series held every year, 1996 to 2025.
        let j = i / 10 * 3 + i % 10;
        let (name, noun) = &world.series[j % REAL_SERIES];
        (name.clone(), *noun, 2025 - ((j / REAL_SERIES) % 30) as i32)
    } else {
        let noun = REAL_NOUNS[rng.below(REAL_NOUNS.len())];
        let adjective = format!("{}ian", word(scramble(i, SURNAME_SPACE), PLACE_SYLLABLES, 3));
        (format!("{adjective} {noun}"), noun, 1990 + rng.below(36) as i32)
    };
    let date = Day {
        year,
        month: 1 + rng.below(12) as u32,
        day: 1 + rng.below(28) as u32,
    };
    let parties = if noun == "election" {
        vec![Party::Person(rng.below(REAL_PEOPLE))]
    } else {
        let mut list: Vec<Party> = Vec::new();
        while list.len() < 3 {
            let p = if rng.chance(20) {
                Party::Org(rng.below(REAL_ORGS))
            } else {
                Party::Person(rng.below(REAL_PEOPLE))
            };
            if !list.contains(&p) {
                list.push(p);
            }
        }
        list
    };
    RealEvent {
        index: i,
        alias: format!("{year} {name}"),
        name,
        noun,
        date,
        place: rng.below(REAL_PLACES),
        count: rng.range(3, 5000),
        unit: rng.pick(UNITS),
        parties,
        founded: year - 1 - rng.below(80) as i32,
        source: format!("src{}", i / 50),
    }
}

/// The fact-base files of the real shape: events, then the entities they name.
fn real_files(world: &World, events: &[RealEvent]) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for (k, chunk) in events.chunks(REAL_EVENTS_PER_FILE).enumerate() {
        let mut out = format!(
            "[meta]\ntitle = \"Generated occasions {}\"\nas_of = 2026-12-31\n\n",
            chunk[0].index
        );
        let mut sources: Vec<&str> = chunk.iter().map(|e| e.source.as_str()).collect();
        sources.dedup();
        for s in sources {
            writeln!(
                out,
                "[sources.{s}]\ntitle = \"Generated record {s}\"\nurl = \"https://example.org/{s}\"\n"
            )
            .unwrap();
        }
        for e in chunk {
            let id = e.id();
            writeln!(
                out,
                "[[event]]\nid = \"{id}\"\nname = {}\naliases = [{}]\ndate = {}\nplace = \"place{}\"\nabout = [{}]\nsource = \"{}\"\n",
                toml_str(&e.name),
                toml_str(&e.alias),
                e.date.iso(),
                e.place,
                toml_str(e.noun),
                e.source
            )
            .unwrap();
            let src = &e.source;
            writeln!(
                out,
                "[[fact]]\nid = \"{id}.count\"\nevent = \"{id}\"\ncount = {}\nunit = [{}]\nsource = \"{src}\"\n",
                e.count,
                toml_str(e.unit)
            )
            .unwrap();
            if e.elected() {
                writeln!(
                    out,
                    "[[fact]]\nid = \"{id}.elected\"\nevent = \"{id}\"\nabout = [\"elected\"]\nentity = \"{}\"\nsource = \"{src}\"\n",
                    world.party_id(e.parties[0])
                )
                .unwrap();
            } else {
                let ids: Vec<String> = e.parties.iter().map(|p| toml_str(world.party_id(*p))).collect();
                writeln!(
                    out,
                    "[[fact]]\nid = \"{id}.signed\"\nevent = \"{id}\"\nabout = [\"signed\"]\nentities = [{}]\ncomplete = true\nsource = \"{src}\"\n",
                    ids.join(", ")
                )
                .unwrap();
            }
            writeln!(
                out,
                "[[fact]]\nid = \"{id}.founded\"\nevent = \"{id}\"\nabout = [\"founded\"]\nyear = {}\nsource = \"{src}\"\n",
                e.founded
            )
            .unwrap();
        }
        files.push((format!("events-{k:04}.toml"), out));
    }
    // The entities the events name, in the world's order, with their own facts.
    let mut people = vec![false; REAL_PEOPLE];
    let mut orgs = vec![false; REAL_ORGS];
    let mut places = vec![false; REAL_PLACES];
    for e in events {
        places[e.place] = true;
        for p in &e.parties {
            match *p {
                Party::Person(k) => people[k] = true,
                Party::Org(k) => orgs[k] = true,
            }
        }
    }
    let registry = "[sources.registry]\ntitle = \"Generated registry\"\nurl = \"https://example.org/registry\"\n\n";
    let mut out = format!("[meta]\ntitle = \"Generated people\"\nas_of = 2026-12-31\n\n{registry}");
    for p in world
        .people
        .iter()
        .zip(&people)
        .filter(|(_, used)| **used)
        .map(|(p, _)| p)
    {
        let roles = match &p.role {
            Some((title, Some(from))) => {
                format!("roles = [{{ title = {}, from = {} }}]\n", toml_str(title), from.iso())
            }
            Some((title, None)) => format!("roles = [{}]\n", toml_str(title)),
            None => String::new(),
        };
        writeln!(
            out,
            "[[entity]]\nid = \"{}\"\nkind = \"person\"\nname = {}\naliases = [{}]\n{roles}",
            p.id,
            toml_str(&p.name()),
            toml_str(&p.surname)
        )
        .unwrap();
        writeln!(
            out,
            "[[fact]]\nid = \"{}.born\"\nabout = [\"born\"]\nyear = {}\nsource = \"registry\"\n",
            p.id, p.born
        )
        .unwrap();
    }
    files.push(("people.toml".to_owned(), out));
    let mut out = format!("[meta]\ntitle = \"Generated organisations\"\nas_of = 2026-12-31\n\n{registry}");
    for o in world.orgs.iter().zip(&orgs).filter(|(_, used)| **used).map(|(o, _)| o) {
        let aliases = o
            .acronym
            .as_deref()
            .map(|a| format!("aliases = [{}]\n", toml_str(a)))
            .unwrap_or_default();
        writeln!(
            out,
            "[[entity]]\nid = \"{}\"\nkind = \"organisation\"\nname = {}\n{aliases}",
            o.id,
            toml_str(&o.name)
        )
        .unwrap();
        writeln!(
            out,
            "[[fact]]\nid = \"{}.founded\"\nabout = [\"founded\"]\nyear = {}\nsource = \"registry\"\n",
            o.id, o.founded
        )
        .unwrap();
    }
    files.push(("organisations.toml".to_owned(), out));
    let mut out = String::from("[meta]\ntitle = \"Generated places\"\nas_of = 2026-12-31\n\n");
    for (k, name) in world.places.iter().enumerate().filter(|(k, _)| places[*k]) {
        writeln!(
            out,
            "[[entity]]\nid = \"place{k}\"\nkind = \"place\"\nname = {}\n",
            toml_str(name)
        )
        .unwrap();
    }
    files.push(("places.toml".to_owned(), out));
    files
}

/// A list as a reporter writes it: "A, B and C".
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One section of a real-shape article about `e`, each claim true or (with
/// `wrong` percent chance) altered.
fn real_section(out: &mut String, world: &World, e: &RealEvent, rng: &mut Rng, wrong: u64) {
    let year = e.date.year;
    writeln!(out, "## The {} of {year}\n", e.name).unwrap();
    let mut s: Vec<String> = Vec::new();
    let mut date = e.date;
    if rng.chance(wrong) {
        date.day = if date.day > 1 { date.day - 1 } else { 2 };
    }
    let place = if rng.chance(wrong) {
        world.places[(e.place + 1) % REAL_PLACES].clone()
    } else {
        world.places[e.place].clone()
    };
    s.push(format!("The {} opened in {place} on {}.", e.name, date.words()));
    let count = if rng.chance(wrong) { e.count + 1 } else { e.count };
    s.push(format!(
        "Representatives of {count} {} attended the {} {}.",
        e.unit, year, e.name
    ));
    let mut names: Vec<String> = e.parties.iter().map(|p| world.party_name(*p)).collect();
    if e.elected() {
        let k = match e.parties[0] {
            Party::Person(k) if rng.chance(wrong) => Party::Person((k + 1) % REAL_PEOPLE),
            p => p,
        };
        s.push(format!(
            "{} was elected at the {} {}.",
            world.party_name(k),
            year,
            e.name
        ));
    } else {
        if rng.chance(wrong) {
            // Another signatory named in place of one (a wrong or missing member).
            let k = rng.below(names.len());
            names[k] = world.people[rng.below(REAL_PEOPLE)].name();
        }
        s.push(format!("{} signed the {} in {year}.", and_list(&names), e.noun));
    }
    // A person by title and surname only: the surname may be shared.
    if let Some(p) = e.parties.iter().find_map(|p| match p {
        Party::Person(k) if world.people[*k].role.is_some() => Some(&world.people[*k]),
        _ => None,
    }) {
        let (title, _) = p.role.as_ref().expect("a role");
        s.push(format!("{title} {} spoke at the closing session.", p.surname));
    }
    let founded = if rng.chance(wrong) { e.founded + 1 } else { e.founded };
    s.push(format!("The {} was founded in {founded}.", e.name));
    for p in &e.parties {
        match *p {
            Party::Org(k) => {
                let o = &world.orgs[k];
                let y = if rng.chance(wrong) { o.founded - 1 } else { o.founded };
                let name = o
                    .acronym
                    .clone()
                    .filter(|_| rng.chance(50))
                    .unwrap_or_else(|| o.name.clone());
                s.push(format!("{name} was founded in {y}."));
            }
            Party::Person(k) if rng.chance(30) => {
                let person = &world.people[k];
                let y = if rng.chance(wrong) {
                    person.born + 2
                } else {
                    person.born
                };
                s.push(format!("{}, born in {y}, welcomed the outcome.", person.name()));
            }
            Party::Person(_) => {}
        }
    }
    let half = s.len() / 2;
    for (k, sentence) in s.iter().enumerate() {
        out.push_str(sentence);
        out.push(' ');
        if rng.chance(50) {
            out.push_str(rng.pick(FILLER));
            out.push(' ');
        }
        if k + 1 == half {
            out.push_str("\n\n");
        }
    }
    out.push_str("\n\n");
    for _ in 0..rng.range(2, 4) {
        out.push_str(rng.pick(FILLER));
        out.push(' ');
    }
    out.push_str("\n\n");
}

fn real_article(seed: u64, world: &World, n: usize, events: usize, wrong: u64) -> String {
    let mut rng = Rng::new(seed, 0xD000_0000_0000 + n as u64);
    let picked: Vec<usize> = (0..rng.range(4, 6)).map(|_| rng.below(events)).collect();
    let lead = real_event(seed, world, picked[0]);
    let published = Day {
        year: lead.date.year + 1,
        month: 1 + rng.below(12) as u32,
        day: 1 + rng.below(28) as u32,
    };
    let mut out = String::new();
    writeln!(
        out,
        "---\ntitle: \"Report {n}\"\npublished: {}\n---\n\n# The {} of {} in focus\n",
        published.iso(),
        lead.name,
        lead.date.year
    )
    .unwrap();
    for &i in &picked {
        real_section(&mut out, world, &real_event(seed, world, i), &mut rng, wrong);
    }
    out
}

/// The real shape: fact base, articles and keywords; the facts written and the keywords.
fn run_real(
    args: &Args,
    claims: &Path,
    articles: &Path,
) -> Result<(usize, usize, std::collections::BTreeSet<String>), String> {
    let world = World::new(args.seed);
    let events = args.facts.div_ceil(REAL_FACTS_PER_EVENT).max(1);
    let all: Vec<RealEvent> = (0..events).map(|i| real_event(args.seed, &world, i)).collect();
    let mut facts = 0;
    for (name, text) in real_files(&world, &all) {
        facts += text.matches("\n[[fact]]\n").count() + usize::from(text.starts_with("[[fact]]"));
        facts += text.matches("\n[[event]]\n").count() * 2;
        write(&claims.join(name), &text)?;
    }
    let mut keywords: std::collections::BTreeSet<String> = Default::default();
    for text in std::fs::read_dir(claims).map_err(|e| e.to_string())?.flatten() {
        // Every name, alias, title, unit and phrase as written in the files.
        let text = std::fs::read_to_string(text.path()).map_err(|e| e.to_string())?;
        for line in text.lines() {
            let list = ["name = ", "aliases = [", "about = [", "unit = [", "roles = ["]
                .iter()
                .find_map(|k| line.strip_prefix(k));
            if let Some(rest) = list {
                for quoted in rest.split('"').skip(1).step_by(2) {
                    keywords.insert(quoted.to_owned());
                }
            }
        }
    }
    keywords.retain(|k| !k.is_empty());
    let mut bytes = 0;
    for n in 0..args.articles {
        let dir = articles.join(format!("{:04}", n / ARTICLES_PER_DIR));
        if n % ARTICLES_PER_DIR == 0 {
            std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let text = real_article(args.seed, &world, n, events, args.wrong);
        bytes += text.len();
        write(&dir.join(format!("report-{n:06}.md")), &text)?;
    }
    Ok((facts, bytes, keywords))
}

fn main() -> ExitCode {
    match parse_args().and_then(|a| run(&a)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
