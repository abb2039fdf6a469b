//! JSON Schemas for the fact base, the JSON report and the claims listing
//! (`factcheck claims --format json`), generated from Rust types with schemars.
//!
//! The fact base is read by a hand-written walker (for every problem at once,
//! with positions), and the report is written from borrowed structs in
//! `report::json`; neither shape is a serde type that could carry a schema.
//! So the types here mirror them, one per table or object, with the docs an
//! editor shows on hover. Two tests keep them honest: `schemas/*.json` must
//! equal what these types generate, and every real fact-base file and report
//! must validate against them (while the bad fixtures must not).
//!
//! Regenerate the committed files with `FACTCHECK_BLESS=1 cargo test schema`,
//! or print one with `factcheck schema facts|report|claims`.

// The mirror types are never built: they exist for their schema.
#![allow(dead_code)]

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value as Json, json};

/// A TOML local date (`2026-01-06`, unquoted). Converted to JSON, as editors
/// do to validate TOML, it is a string in `YYYY-MM-DD` form.
struct TomlDate;

impl JsonSchema for TomlDate {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A date, YYYY-MM-DD. In TOML write it unquoted: 2026-01-06."
        })
    }
}

/// One string, or a list of them (a single string is read as a list of one).
#[derive(JsonSchema)]
#[serde(untagged)]
enum Words {
    One(String),
    Many(Vec<String>),
}

/// A file of the fact base (`claims/*.toml`). Files are loaded together:
/// ids are unique across all of them, and a fact may cite a source or
/// name an entity defined in another file.
#[derive(JsonSchema)]
#[schemars(title = "factcheck fact base", deny_unknown_fields)]
struct FactFile {
    /// About this file.
    meta: Option<MetaDoc>,
    /// Named sources that facts cite, by key: `[sources.elysee]`.
    sources: Option<BTreeMap<String, SourceDoc>>,
    /// People, countries, places and organisations: `[[entity]]`.
    entity: Option<Vec<EntityDoc>>,
    /// Occasions many facts share (a summit, an election, one G7 meeting): `[[event]]`.
    event: Option<Vec<EventDoc>>,
    /// Checked statements, each with exactly one value key: `[[fact]]`.
    fact: Option<Vec<FactDoc>>,
}

/// `[meta]`
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Meta")]
struct MetaDoc {
    /// What the file covers.
    title: Option<String>,
    /// When these facts were last verified. `check` warns when an article
    /// was published after it: the facts may have changed since.
    as_of: Option<TomlDate>,
}

/// A source that facts cite.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Source")]
struct SourceDoc {
    /// Shown in the report next to every verdict that relies on it.
    title: Option<String>,
    url: Option<String>,
}

/// The kind of an entity.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[serde(rename = "EntityKind")]
enum EntityKindDoc {
    Person,
    Country,
    Place,
    Organisation,
    /// Accepted spelling of `organisation`.
    Organization,
}

/// A title that may stand before a person's name: a plain title (always
/// held), or a table with the period it was held.
#[derive(JsonSchema)]
#[serde(untagged)]
#[serde(rename = "Role")]
enum RoleDoc {
    Title(String),
    Dated(DatedRole),
}

/// A title held for a period: `{ title = "UK Prime Minister", from = 2024-07-05 }`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct DatedRole {
    /// The title, as it stands before the name ("UK Prime Minister").
    title: String,
    /// The first day the title was held.
    from: Option<TomlDate>,
    /// The first day it no longer was (so a successor's `from` can equal it).
    until: Option<TomlDate>,
    /// A key of `[sources]` for the dates.
    source: Option<String>,
}

/// `[[entity]]`: a person, country, place or organisation.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Entity")]
struct EntityDoc {
    /// Unique across the fact base; facts refer to the entity by it.
    id: String,
    kind: EntityKindDoc,
    /// The name as the report writes it.
    name: String,
    /// Other accepted spellings and short forms ("Macron", "U.S.").
    aliases: Option<Words>,
    /// Titles that may stand before the name; checked at the article's date.
    roles: Option<Vec<RoleDoc>>,
    /// For a place: the entity id of the place or country it lies in. A
    /// place within the fact's place, or one the fact's place lies in, agrees
    /// with it ("left Ahmedabad" for a flight from the city's airport).
    within: Option<String>,
}

/// `[[event]]`: an occasion that many facts share. Its date and place are
/// facts of their own (`ID.date`, `ID.place`); facts that belong to it say
/// so with `event = ID` and inherit its phrases. Two events may share a
/// name: the year, date or place written near a claim (or the publication
/// date) decides which one it is about.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Event")]
struct EventDoc {
    /// Unique among events; facts name it with `event`.
    id: String,
    /// The occasion's name ("Paris summit of the coalition of the willing").
    name: String,
    /// Other names an article may use for it ("Paris summit").
    aliases: Option<Words>,
    /// Its date, checked like a `date` fact (fact id `ID.date`).
    date: Option<TomlDate>,
    /// An entity id of kind place, checked like an `entity` fact (fact id `ID.place`).
    place: Option<String>,
    /// Phrases that tie a sentence to this occasion; without them, its name and aliases do.
    about: Option<Words>,
    /// A key of `[sources]` for its date and place.
    source: Option<String>,
    /// Shown in the report.
    note: Option<String>,
}

/// The value keys of a fact: exactly one per fact.
const VALUE_KEYS: [&str; 9] = [
    "date", "year", "count", "entity", "entities", "quote", "amount", "percent", "ordinal",
];

/// Exactly one value key; the optional keys only with the value they belong to; an amount with its currency.
fn one_value(schema: &mut Schema) {
    let one_of: Vec<Json> = VALUE_KEYS.iter().map(|k| json!({ "required": [k] })).collect();
    schema.insert("oneOf".into(), Json::Array(one_of));
    schema.insert(
        "dependencies".into(),
        json!({
            "unit": { "anyOf": [{ "required": ["count"] }, { "required": ["ordinal"] }] },
            "speaker": ["quote"],
            "currency": ["amount"],
            "amount": ["currency"],
            "complete": ["entities"],
        }),
    );
}

/// `[[fact]]`: one checked statement.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = one_value)]
#[serde(rename = "Fact")]
struct FactDoc {
    /// Unique across the fact base ("summit.countries").
    id: String,
    /// Words or phrases that tie a sentence to this fact; they must stand in
    /// the same sentence as the claim, close to it. Choose words specific to
    /// the fact, never common words ("the", "said").
    about: Option<Words>,
    /// Value: a date ("on Tuesday (January 6)", "6 January 2026").
    date: Option<TomlDate>,
    /// Value: a year ("first invaded Ukraine in 2014").
    #[schemars(range(min = 1, max = 9999))]
    year: Option<i64>,
    /// Value: a count ("35 countries"), with `unit`.
    count: Option<u64>,
    /// Value: an entity id ("a summit in Paris").
    entity: Option<String>,
    /// Value: a list of entity ids (signatories, participants).
    #[schemars(length(min = 1))]
    entities: Option<Vec<String>>,
    /// Value: a quotation, with `speaker`.
    quote: Option<String>,
    /// Value: an amount of money, with `currency`.
    amount: Option<f64>,
    /// Value: a percentage ("about 20% of Ukraine").
    percent: Option<f64>,
    /// Value: a rank ("the fifth meeting", "for the first time": 1), with `unit`.
    #[schemars(range(min = 1))]
    ordinal: Option<u64>,
    /// Count and ordinal only: the nouns it counts or ranks ("countries", "meeting").
    unit: Option<Words>,
    /// Quote only: the entity id of who said it.
    speaker: Option<String>,
    /// Amount only: ISO 4217 code ("EUR").
    #[schemars(regex(pattern = r"^[A-Z]{3}$"))]
    currency: Option<String>,
    /// Entities only: the list is the whole set, so an omission is a discrepancy.
    complete: Option<bool>,
    /// Count, amount, percent: the absolute difference still counted as a match.
    #[schemars(range(min = 0))]
    tolerance: Option<f64>,
    /// A key of `[sources]`. An empty string marks a draft still to be sourced.
    source: Option<String>,
    /// Shown in the report next to the verdict.
    note: Option<String>,
    /// The id of the `[[event]]` (occasion) it belongs to; it inherits the event's phrases.
    event: Option<String>,
    /// The entity id it is about. Without it, a fact whose id starts with an
    /// entity's id and a dot (`leo14.birth_year`) is about that entity.
    subject: Option<String>,
    /// The first day the value holds. A value that changes over time is
    /// several facts with distinct ids and periods that do not overlap.
    from: Option<TomlDate>,
    /// The first day the value no longer holds.
    until: Option<TomlDate>,
}

/// The JSON report (`factcheck check --format json`), version 1.
#[derive(JsonSchema)]
#[schemars(title = "factcheck JSON report", deny_unknown_fields)]
#[serde(rename = "Report")]
struct ReportDoc {
    /// Version of this shape; fields are only added within a version.
    #[schemars(range(min = 1, max = 1))]
    version: u32,
    tool: ToolDoc,
    facts: FactsDoc,
    articles: Vec<ArticleDoc>,
    summary: TotalDoc,
    /// Articles that could not be read (missing, unreadable, not UTF-8, too
    /// large), in the order given; the run exits 2. Present only when there
    /// are any; the articles that could be read are reported as usual.
    #[serde(default)]
    #[schemars(length(min = 1))]
    errors: Vec<ErrorDoc>,
}

/// An article that could not be read.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Error")]
struct ErrorDoc {
    /// As given on the command line, `/`-separated; `<stdin>` for standard input.
    path: String,
    /// The one-line error printed on stderr (after `error: `), naming the
    /// file and, where there is one, the line and column.
    error: String,
    /// The same text, under the name the contract gives it.
    message: String,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Tool")]
struct ToolDoc {
    name: String,
    version: String,
}

/// The fact base the articles were checked against.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Facts")]
struct FactsDoc {
    /// The files read, in load order.
    files: Vec<String>,
    /// How many facts they hold.
    count: u64,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = require_all)]
#[serde(rename = "Article")]
struct ArticleDoc {
    /// As given on the command line, `/`-separated; `<stdin>` for standard input.
    path: String,
    /// From front matter or `--published`, YYYY-MM-DD.
    published: Option<String>,
    /// Front-matter keys other than `published`.
    front_matter: BTreeMap<String, Json>,
    summary: SummaryDoc,
    claims: Vec<ClaimDoc>,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Summary")]
struct SummaryDoc {
    #[serde(rename = "match")]
    matches: u64,
    discrepancy: u64,
    unverifiable: u64,
    /// Claims an `ignore` comment or setting suppressed; not counted in the three above.
    suppressed: u64,
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Total")]
struct TotalDoc {
    articles: u64,
    #[serde(rename = "match")]
    matches: u64,
    discrepancy: u64,
    unverifiable: u64,
    /// Claims an `ignore` comment or setting suppressed; not counted in the three above.
    suppressed: u64,
}

#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[serde(rename = "Verdict")]
enum VerdictDoc {
    Match,
    Discrepancy,
    Unverifiable,
}

#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[serde(rename = "Kind")]
enum KindDoc {
    Date,
    Weekday,
    Year,
    Count,
    Entity,
    Entities,
    Role,
    Name,
    Quote,
    Amount,
    Percent,
    /// An ordinal or rank ("fifth meeting"): an addition to the contract's kinds.
    Ordinal,
}

/// Every property is present in the output, `null` where it does not apply.
fn require_all(schema: &mut Schema) {
    require_all_but(schema, "");
}

/// As [`require_all`], except `path`, which only `--format jsonl` writes,
/// `suppressed`, present only on a suppressed claim, and `candidates`,
/// present only on a claim a shared name left unverifiable.
fn require_all_but_path(schema: &mut Schema) {
    require_all_but(schema, "path suppressed candidates");
}

/// Every property is required but those named in `optional` (space-separated).
fn require_all_but(schema: &mut Schema, optional: &str) {
    let optional: Vec<&str> = optional.split_whitespace().collect();
    let names: Vec<Json> = match schema.get("properties").and_then(Json::as_object) {
        Some(props) => props
            .keys()
            .filter(|k| !optional.contains(&k.as_str()))
            .map(|k| json!(k))
            .collect(),
        None => return,
    };
    schema.insert("required".into(), Json::Array(names));
}

/// Where a claim is: byte offsets into the file, 1-based lines and columns (in characters).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename = "Span")]
struct SpanDoc {
    start: u64,
    end: u64,
    line: u64,
    column: u64,
    end_line: u64,
    end_column: u64,
}

/// What an approximation allows ("more than 30": min 30, excluded, max
/// null), or a rounded figure ("$44 billion": 43.5 to 44.5 billion).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = require_all_but_exclusive)]
#[serde(rename = "Range")]
struct RangeDoc {
    min: Option<f64>,
    max: Option<f64>,
    /// `min` itself is excluded ("more than 30"); present only then.
    min_exclusive: bool,
    /// `max` itself is excluded ("nearly 30", "under 30"); present only then.
    max_exclusive: bool,
}

/// As [`require_all`], except the flags of an excluded end of a range,
/// present only when true.
fn require_all_but_exclusive(schema: &mut Schema) {
    require_all_but(schema, "min_exclusive max_exclusive");
}

#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = require_all)]
#[serde(rename = "SourceRef")]
struct SourceRefDoc {
    /// The source's key in the fact base.
    id: String,
    title: Option<String>,
    url: Option<String>,
}

/// One claim and its verdict. In `--format jsonl`, one per line, with `path`.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = require_all_but_path)]
#[serde(rename = "Claim")]
struct ClaimDoc {
    /// The article (jsonl only).
    path: Option<String>,
    verdict: VerdictDoc,
    kind: KindDoc,
    /// The code of the rule behind the verdict (`factcheck rules CODE`); null on a plain match.
    #[schemars(regex(pattern = r"^[DLU][0-9]{3}$"))]
    rule: Option<String>,
    /// Exactly the file's bytes in `span.start..span.end`.
    text: String,
    /// The sentence, on one line.
    sentence: String,
    span: SpanDoc,
    /// What the article says, normalised by kind (dates as YYYY-MM-DD, entity lists as arrays of ids).
    found: Json,
    /// What the fact base holds; null when no fact applies.
    expected: Option<Json>,
    /// The fact's id; null for roles and names (they live on entities) and unverifiable claims.
    fact: Option<String>,
    source: Option<SourceRefDoc>,
    message: String,
    /// The corrected text for a discrepancy.
    suggestion: Option<String>,
    /// Why the claim was tied to its fact.
    because: Option<String>,
    range: Option<RangeDoc>,
    /// The entity a `role` or `name` claim was checked against.
    entity: Option<String>,
    /// On a claim that rests on a name several entities share, nothing in the
    /// article telling which (rule U016): the entity ids it may be. Absent otherwise.
    #[schemars(length(min = 2))]
    candidates: Option<Vec<String>>,
    /// True on a claim an `ignore` comment or setting suppressed (absent otherwise):
    /// it is reported but never fails the run.
    suppressed: Option<bool>,
}

/// The claims found, without verdicts (`factcheck claims --format json`), version 1.
#[derive(JsonSchema)]
#[schemars(title = "factcheck claims", deny_unknown_fields)]
#[serde(rename = "Claims")]
struct ClaimsDoc {
    /// Version of this shape; fields are only added within a version.
    #[schemars(range(min = 1, max = 1))]
    version: u32,
    tool: ToolDoc,
    /// Every claim found, article by article in the order given, each in
    /// the order it stands in its article.
    claims: Vec<FoundDoc>,
    /// Articles that could not be read, in the order given; the run exits
    /// 2. Present only when there are any.
    #[serde(default)]
    #[schemars(length(min = 1))]
    errors: Vec<ErrorDoc>,
}

/// One claim as found, typed, before any fact is looked for.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, transform = require_all)]
#[serde(rename = "Found")]
struct FoundDoc {
    /// The article, `/`-separated; `<stdin>` for standard input.
    path: String,
    kind: KindDoc,
    /// Exactly the file's bytes in `span.start..span.end`.
    text: String,
    span: SpanDoc,
    /// What the article says, normalised by kind (dates as YYYY-MM-DD, entity lists as arrays of ids).
    found: Json,
}

/// Drop `null` from every type and `anyOf` (TOML has no null).
fn no_null(v: &mut Json) {
    let is_null = |s: &Json| s.get("type").is_some_and(|t| t == "null") && s.as_object().is_some_and(|o| o.len() == 1);
    match v {
        Json::Object(map) => {
            if let Some(Json::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Json::Array(any)) = map.get_mut("anyOf") {
                any.retain(|s| !is_null(s));
                if any.len() == 1 {
                    let only = any.remove(0);
                    map.remove("anyOf");
                    if let Json::Object(inner) = only {
                        map.extend(inner);
                    }
                }
            }
            map.values_mut().for_each(no_null);
        }
        Json::Array(items) => items.iter_mut().for_each(no_null),
        _ => {}
    }
}

fn generate<T: JsonSchema>(nullable: bool) -> String {
    // Draft 7: what editors' TOML language servers (Taplo) support best.
    let schema = SchemaSettings::draft07().into_generator().into_root_schema_for::<T>();
    let mut json = schema.to_value();
    if !nullable {
        no_null(&mut json);
    }
    let mut text = serde_json::to_string_pretty(&json).expect("a schema is plain JSON");
    text.push('\n');
    text
}

/// The JSON Schema of a fact-base file, as committed in `schemas/facts.schema.json`.
pub fn facts_schema() -> String {
    // TOML has no null: an absent key is the only way to leave a field out.
    generate::<FactFile>(false)
}

/// The JSON Schema of the JSON report, as committed in `schemas/report.schema.json`.
pub fn report_schema() -> String {
    generate::<ReportDoc>(true)
}

/// The JSON Schema of `factcheck claims --format json`, as committed in
/// `schemas/claims.schema.json`.
pub fn claims_schema() -> String {
    generate::<ClaimsDoc>(true)
}

/// A TOML document as JSON, dates as `YYYY-MM-DD` strings: what editors
/// (Taplo) validate against the fact-base schema.
pub fn toml_to_json(text: &str) -> Result<Json, String> {
    fn convert(v: toml::Value) -> Json {
        match v {
            toml::Value::String(s) => Json::String(s),
            toml::Value::Integer(i) => json!(i),
            toml::Value::Float(f) => json!(f),
            toml::Value::Boolean(b) => Json::Bool(b),
            toml::Value::Datetime(d) => Json::String(d.to_string()),
            toml::Value::Array(items) => Json::Array(items.into_iter().map(convert).collect()),
            toml::Value::Table(t) => Json::Object(t.into_iter().map(|(k, v)| (k, convert(v))).collect()),
        }
    }
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| e.message().to_owned())?;
    Ok(convert(toml::Value::Table(table)))
}
