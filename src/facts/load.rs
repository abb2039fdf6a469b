//! Loading and validating the fact base.
//!
//! TOML is parsed into a spanned tree (`toml::de::DeTable`) and walked by
//! hand instead of through serde derive: serde stops at the first problem,
//! and a researcher fixing a fact base wants every problem at once, each with
//! `file:line:column`.

use std::collections::BTreeMap;
use std::collections::hash_map::Entry;
use std::ops::Range;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use super::model::*;
pub use super::problem::{Problem, Severity};
use crate::span::LineIndex;

/// Load the fact base with its warnings; any error-level problem fails the load.
pub fn load_with_warnings(paths: &[PathBuf]) -> Result<(FactBase, Vec<Problem>), Vec<Problem>> {
    let (base, problems) = validate_paths(paths);
    let (errors, warnings): (Vec<Problem>, Vec<Problem>) =
        problems.into_iter().partition(|p| p.severity == Severity::Error);
    match base {
        Some(base) if errors.is_empty() => Ok((base, warnings)),
        _ => Err(errors),
    }
}

/// Load the fact base; any error-level problem fails the load.
pub fn load_paths(paths: &[PathBuf]) -> Result<FactBase, Vec<Problem>> {
    let (base, problems) = validate_paths(paths);
    let errors: Vec<Problem> = problems.into_iter().filter(|p| p.severity == Severity::Error).collect();
    match base {
        Some(base) if errors.is_empty() => Ok(base),
        _ => Err(errors),
    }
}

/// Load the fact base and return every problem found, sorted by place.
pub fn validate_paths(paths: &[PathBuf]) -> (Option<FactBase>, Vec<Problem>) {
    validate_inner(paths, None)
}

/// As [`validate_paths`], with the file at `path` read as `text` instead of
/// from disk (and added when the paths do not include it): a file as it
/// would be after an edit, checked before anything is written.
pub fn validate_with(paths: &[PathBuf], path: &Path, text: &str) -> (Option<FactBase>, Vec<Problem>) {
    validate_inner(paths, Some((path, text)))
}

/// A path made absolute and free of `..`, for telling two spellings of one file apart.
fn same_file_key(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            std::fs::canonicalize(dir).map_or_else(|_| path.to_path_buf(), |d| d.join(name))
        }
        _ => path.to_path_buf(),
    }
}

fn validate_inner(paths: &[PathBuf], replaced: Option<(&Path, &str)>) -> (Option<FactBase>, Vec<Problem>) {
    let mut loader = Loader::default();
    let (mut files, problems) = collect_files(paths);
    loader.problems = problems;
    let replaced = replaced.map(|(p, t)| (same_file_key(p), p, t));
    if let Some((key, path, _)) = &replaced
        && !files.iter().any(|f| same_file_key(f) == *key)
    {
        loader.problems.retain(|p| p.file != display_path(path));
        files.push(path.to_path_buf());
    }
    if files.is_empty() && loader.problems.is_empty() {
        let shown = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        loader
            .problems
            .push(whole_file(&shown, "no fact-base files (*.toml) found".into()));
    }
    // Read every file, then parse and walk each on its own (in parallel
    // when the base is large: parsing and walking are most of the time to
    // load one), and merge what they found in file order, so that
    // duplicates across files are found, and reported, as in one pass.
    let texts: Vec<Text<'_>> = files
        .iter()
        .map(|file| match &replaced {
            Some((key, _, text)) if same_file_key(file) == *key => (display_path(file), Ok((*text).into())),
            _ => (display_path(file), read_text(file).map(Into::into)),
        })
        .collect();
    let size: usize = texts.iter().map(|(_, t)| t.as_ref().map_or(0, |t| t.len())).sum();
    let large = texts.len() > 1 && size > 1 << 20;
    let walk = |(file, text): &Text<'_>| match text {
        Ok(text) => Walk::file(file.clone(), text, parse(text)),
        Err(problem) => Walk {
            problems: vec![problem.clone()],
            ..Walk::default()
        },
    };
    let walks: Vec<Walk> = if large {
        texts.par_iter().map(walk).collect()
    } else {
        texts.iter().map(walk).collect()
    };
    loader.merge(walks);
    // A fact whose id starts with an entity's id and a dot is about that
    // entity, unless it says otherwise; so is one whose id has, before its
    // last part, the last part of a namespaced entity id ("francis." for
    // "conclave.francis", "ca2025.carney.seat" for "ca.carney"), when no
    // other entity's id ends so.
    {
        let ids: HashSet<&str> = loader.entities.iter().map(|(e, _)| e.id.as_str()).collect();
        let mut short: HashMap<&str, Option<&str>> = HashMap::default();
        for (e, _) in &loader.entities {
            if let Some((_, last)) = e.id.rsplit_once('.') {
                short
                    .entry(last)
                    .and_modify(|v| *v = None)
                    .or_insert(Some(e.id.as_str()));
            }
        }
        let inferred: Vec<Option<String>> = loader
            .facts
            .iter()
            .map(|f| {
                if f.subject.is_some() {
                    return None;
                }
                // The longest such prefix: entity ids may hold dots too.
                f.id.rmatch_indices('.')
                    .map(|(i, _)| &f.id[..i])
                    .find(|prefix| ids.contains(prefix))
                    .or_else(|| {
                        // Any part but the last ("ca2025.carney.seat": "carney").
                        let (head, _) = f.id.rsplit_once('.')?;
                        head.split('.')
                            .find_map(|part| short.get(part).copied().flatten().filter(|_| !ids.contains(part)))
                    })
                    .map(str::to_owned)
            })
            .collect();
        for (f, s) in loader.facts.iter_mut().zip(inferred) {
            if s.is_some() {
                f.subject = s;
            }
        }
    }
    // The fact base's own lookups are built while it is checked.
    let lookups = || Lookups::new(loader.entities.iter().map(|(e, _)| e.id.as_str()), &loader.facts);
    let (more, lookups) = if large {
        rayon::join(|| loader.cross_check(true), lookups)
    } else {
        (loader.cross_check(false), lookups())
    };
    loader.problems.extend(more);
    let mut problems = std::mem::take(&mut loader.problems);
    problems.sort_by(|a, b| (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message)));
    problems.dedup();
    let base = FactBase::with_lookups(
        files.iter().map(|p| display_path(p)).collect(),
        loader.meta,
        loader.sources,
        loader.entities.into_iter().map(|(e, _)| e).collect(),
        loader.facts,
        loader.events,
        lookups,
    );
    (Some(base), problems)
}

/// A file's text, or the problem that keeps it from being read.
fn read_text(path: &Path) -> Result<String, Problem> {
    let file = display_path(path);
    let bytes = std::fs::read(path).map_err(|e| whole_file(&file, io_reason(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let valid_up_to = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or("");
        let idx = LineIndex::new(valid);
        let pos = idx.position(valid, valid.len());
        Problem {
            file,
            line: pos.line,
            column: pos.column,
            severity: Severity::Error,
            message: "not valid UTF-8 (TOML files must be UTF-8)".into(),
        }
    })
}

/// A file parsed: its line index, its tree and its syntax errors.
type Parsed<'i> = (LineIndex, Spanned<DeTable<'i>>, Vec<toml::de::Error>);

fn parse(text: &str) -> Parsed<'_> {
    let (root, errors) = DeTable::parse_recoverable(text);
    (LineIndex::new(text), root, errors)
}

/// A file's shown path and its text (or why it has none).
type Text<'t> = (String, Result<std::borrow::Cow<'t, str>, Problem>);

/// A path as shown in messages: as the user gave it, `/` separated, no `./`.
pub(crate) fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

fn whole_file(file: &str, message: String) -> Problem {
    Problem {
        file: file.to_owned(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        message,
    }
}

/// The fact-base files under `paths`, in load order, and the problems met listing them.
pub(crate) fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        collect_toml(path, &mut files, &mut problems);
    }
    (files, problems)
}

/// Expand a file or folder into the `*.toml` files under it, sorted.
fn collect_toml(path: &Path, out: &mut Vec<PathBuf>, problems: &mut Vec<Problem>) {
    match std::fs::metadata(path) {
        Err(e) => problems.push(whole_file(&display_path(path), io_reason(&e))),
        Ok(meta) if meta.is_dir() => {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    problems.push(whole_file(&display_path(path), io_reason(&e)));
                    return;
                }
            };
            entries.sort();
            for entry in entries {
                let is_toml = entry.extension().is_some_and(|x| x == "toml");
                // Symlinked folders are not followed (they may loop back to an ancestor).
                let followable_dir = entry.is_dir() && !crate::input::is_symlink(&entry);
                if followable_dir || (is_toml && !entry.is_dir()) {
                    collect_toml(&entry, out, problems);
                }
            }
        }
        Ok(_) => out.push(path.to_path_buf()),
    }
}

/// A short, human reason for an I/O error.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_owned(),
                None => s,
            }
        }
    }
}

const TOP_KEYS: &[&str] = &["meta", "sources", "entity", "event", "fact"];
const EVENT_KEYS: &[&str] = &["id", "name", "aliases", "date", "place", "about", "source", "note"];
const META_KEYS: &[&str] = &["title", "as_of"];
const SOURCE_KEYS: &[&str] = &["title", "url"];
const ENTITY_KEYS: &[&str] = &["id", "kind", "name", "aliases", "roles", "within"];
const ROLE_KEYS: &[&str] = &["title", "from", "until", "source"];
const VALUE_KEYS: &[&str] = &[
    "date", "year", "count", "entity", "entities", "quote", "amount", "percent", "ordinal",
];
const FACT_KEYS: &[&str] = &[
    "id",
    "about",
    "date",
    "year",
    "count",
    "entity",
    "entities",
    "quote",
    "amount",
    "percent",
    "ordinal",
    "unit",
    "speaker",
    "currency",
    "complete",
    "tolerance",
    "source",
    "note",
    "from",
    "until",
    "event",
    "subject",
];

/// A reference to check once every file is loaded.
struct Ref {
    file: String,
    line: usize,
    column: usize,
    id: String,
    what: &'static str,
}

#[derive(Default)]
struct Loader {
    problems: Vec<Problem>,
    meta: Meta,
    sources: BTreeMap<String, Source>,
    source_origin: BTreeMap<String, Origin>,
    entities: Vec<(Entity, Origin)>,
    facts: Vec<Fact>,
    events: Vec<Event>,
    /// References to entities, and (`what` = "event") to events.
    entity_refs: Vec<Ref>,
    source_refs: Vec<Ref>,
    /// Every name and alias, with its entity id and where it is written.
    spellings: Vec<(String, String, Origin)>,
}

/// What walking one file found, in the order it is written, before it is
/// merged with what the files before it hold (duplicate ids are found then).
#[derive(Default)]
struct Walk {
    problems: Vec<Problem>,
    /// Each `[meta]`: its title, and its `as_of` with where it is written.
    meta: Vec<MetaWalked>,
    items: Vec<Item>,
    /// The references and spellings of the items, in item order: each item
    /// says how many of them are its own.
    entity_refs: Vec<Ref>,
    source_refs: Vec<Ref>,
    spellings: Vec<(String, String, Origin)>,
}

/// A `[meta]` table's title, and its `as_of` with where it is written.
type MetaWalked = (Option<String>, Option<(Date, Origin)>);

/// A source, entity or fact as walked.
enum Item {
    Source {
        source: Source,
        /// Where its id is written.
        origin: Origin,
    },
    Entity {
        entity: Entity,
        origin: Origin,
        source_refs: usize,
        spellings: usize,
        /// 1 when it names the place it lies in (`within`).
        entity_refs: usize,
    },
    Fact {
        fact: Fact,
        entity_refs: usize,
        source_refs: usize,
        /// Made from an event's `date` or `place`.
        generated: bool,
    },
    Event {
        event: Event,
        source_refs: usize,
    },
}

/// One file being walked: its text for positions, and where problems go.
struct FileCtx<'a> {
    file: String,
    text: &'a str,
    index: LineIndex,
}

impl FileCtx<'_> {
    fn origin(&self, span: &Range<usize>) -> Origin {
        let pos = self.index.position(self.text, span.start.min(self.text.len()));
        Origin {
            file: self.file.clone(),
            line: pos.line,
            column: pos.column,
        }
    }

    fn problem(&self, span: &Range<usize>, message: String) -> Problem {
        let o = self.origin(span);
        Problem {
            file: o.file,
            line: o.line,
            column: o.column,
            severity: Severity::Error,
            message,
        }
    }
}

type Table<'i> = DeTable<'i>;
type Value<'i> = Spanned<DeValue<'i>>;

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The known key closest to `key`, if it is close enough to be a typo of it.
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(key, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

fn did_you_mean(key: &str, known: &[&str]) -> String {
    match closest(key, known) {
        Some(k) => format!(" (did you mean `{k}`?)"),
        None => format!(" (expected one of: {})", known.join(", ")),
    }
}

impl Loader {
    /// Add what each file holds, in file order: an id already taken is
    /// reported where it is taken again, and dropped with its references
    /// and spellings.
    fn merge(&mut self, walks: Vec<Walk>) {
        // Which entities and facts take an id already taken: found first by
        // reference, so that no id is copied for the lookup.
        let mut dups: Vec<(usize, usize, Problem)> = Vec::new();
        let mut given_way: Vec<(usize, usize, Option<Problem>)> = Vec::new();
        {
            let count = |kind: fn(&Item) -> bool| walks.iter().flat_map(|w| &w.items).filter(|i| kind(i)).count();
            let mut entities: HashMap<&str, &Origin> = HashMap::default();
            entities.reserve(count(|i| matches!(i, Item::Entity { .. })));
            let mut facts: HashMap<&str, &Origin> = HashMap::default();
            facts.reserve(count(|i| matches!(i, Item::Fact { .. })));
            let mut events: HashMap<&str, &Origin> = HashMap::default();
            // A fact written as `EVENT.date` (or `.place`) for an event that
            // gives its date is that date with phrases of its own: the date
            // made from the event gives way to it, if they agree.
            let written: HashMap<&str, &Fact> = walks
                .iter()
                .flat_map(|w| &w.items)
                .filter_map(|i| match i {
                    Item::Fact {
                        fact, generated: false, ..
                    } => Some((fact.id.as_str(), fact)),
                    _ => None,
                })
                .collect();
            for (w, walk) in walks.iter().enumerate() {
                for (i, item) in walk.items.iter().enumerate() {
                    if let Item::Fact {
                        fact, generated: true, ..
                    } = item
                        && let Some(own) = written.get(fact.id.as_str())
                    {
                        let problem = (own.value != fact.value || own.event != fact.event).then(|| {
                            at(
                                &fact.origin,
                                format!(
                                    "event `{}` gives {} here, but fact `{}` (at {}) gives {}; they are one fact: make them agree",
                                    fact.event.as_deref().unwrap_or(""),
                                    fact.value,
                                    own.id,
                                    own.origin,
                                    own.value
                                ),
                            )
                        });
                        given_way.push((w, i, problem));
                        continue;
                    }
                    let (id, origin, first, what) = match item {
                        Item::Entity { entity, origin, .. } => (&entity.id, origin, &mut entities, "entity"),
                        Item::Fact { fact, .. } => (&fact.id, &fact.origin, &mut facts, "fact"),
                        Item::Event { event, .. } => (&event.id, &event.origin, &mut events, "event"),
                        Item::Source { .. } => continue,
                    };
                    match first.entry(id) {
                        Entry::Occupied(first) => {
                            let message = format!("duplicate {what} id `{id}` (first defined at {})", first.get());
                            dups.push((w, i, at(origin, message)));
                        }
                        Entry::Vacant(v) => {
                            v.insert(origin);
                        }
                    }
                }
            }
        }
        let mut dups = dups.into_iter().peekable();
        let mut given_way = given_way.into_iter().peekable();
        let (facts, entities) = walks.iter().flat_map(|w| &w.items).fold((0, 0), |(f, e), i| match i {
            Item::Fact { .. } => (f + 1, e),
            Item::Entity { .. } => (f, e + 1),
            Item::Source { .. } | Item::Event { .. } => (f, e),
        });
        self.facts.reserve(facts);
        self.entities.reserve(entities);
        for (w, walk) in walks.into_iter().enumerate() {
            let Walk {
                mut problems,
                meta,
                items,
                entity_refs,
                source_refs,
                spellings,
            } = walk;
            self.problems.append(&mut problems);
            for (title, as_of) in meta {
                self.meta.title = self.meta.title.take().or(title);
                // With several files, the oldest `as_of` says how stale the base may be.
                if let Some((as_of, origin)) = &as_of {
                    self.meta.as_of_by_file.push((*as_of, origin.clone()));
                }
                if let Some((as_of, origin)) = as_of
                    && self.meta.as_of.is_none_or(|old| as_of < old)
                {
                    self.meta.as_of = Some(as_of);
                    self.meta.as_of_origin = Some(origin);
                }
            }
            let mut entity_refs = entity_refs.into_iter();
            let mut source_refs = source_refs.into_iter();
            let mut spellings = spellings.into_iter();
            for (i, item) in items.into_iter().enumerate() {
                let duplicate = dups.next_if(|(dw, di, _)| (*dw, *di) == (w, i)).map(|(_, _, p)| p);
                let gave_way = given_way.next_if(|(gw, gi, _)| (*gw, *gi) == (w, i));
                let dropped = duplicate.is_some() || gave_way.is_some();
                self.problems.extend(duplicate);
                self.problems.extend(gave_way.and_then(|(_, _, p)| p));
                match item {
                    Item::Source { source, origin } => {
                        // The same source written out in two files, word for word, is one source.
                        if let Some(same) = self.sources.get(&source.id)
                            && same.title == source.title
                            && same.url == source.url
                        {
                            continue;
                        }
                        if let Some(first) = self.source_origin.get(&source.id) {
                            let message = format!("duplicate source `{}` (first defined at {first})", source.id);
                            self.problems.push(at(&origin, message));
                            continue;
                        }
                        self.source_origin.insert(source.id.clone(), origin);
                        self.sources.insert(source.id.clone(), source);
                    }
                    Item::Entity {
                        entity,
                        origin,
                        source_refs: n_refs,
                        spellings: n_spellings,
                        entity_refs: n_entity,
                    } => {
                        let refs = source_refs.by_ref().take(n_refs);
                        let written = spellings.by_ref().take(n_spellings);
                        let within = entity_refs.by_ref().take(n_entity);
                        if dropped {
                            refs.for_each(drop);
                            written.for_each(drop);
                            within.for_each(drop);
                            continue;
                        }
                        self.source_refs.extend(refs);
                        self.spellings.extend(written);
                        self.entity_refs.extend(within);
                        self.entities.push((entity, origin));
                    }
                    Item::Fact {
                        fact,
                        entity_refs: n_entity,
                        source_refs: n_source,
                        ..
                    } => {
                        let named = entity_refs.by_ref().take(n_entity);
                        let cited = source_refs.by_ref().take(n_source);
                        if dropped {
                            named.for_each(drop);
                            cited.for_each(drop);
                            continue;
                        }
                        self.entity_refs.extend(named);
                        self.source_refs.extend(cited);
                        self.facts.push(fact);
                    }
                    Item::Event {
                        event,
                        source_refs: n_source,
                    } => {
                        let cited = source_refs.by_ref().take(n_source);
                        if dropped {
                            cited.for_each(drop);
                            continue;
                        }
                        self.source_refs.extend(cited);
                        self.events.push(event);
                    }
                }
            }
        }
    }
}

/// The `about` phrases that can work: one made only of words every
/// sentence has is left out, with a warning (the base still loads).
fn usable_phrases(ctx: &FileCtx<'_>, about: Vec<(String, Range<usize>)>, problems: &mut Vec<Problem>) -> Vec<String> {
    about
        .into_iter()
        .filter_map(|(phrase, span)| match super::words::too_common(&phrase) {
            Some(why) => {
                let mut p = ctx.problem(&span, why);
                p.severity = Severity::Warning;
                problems.push(p);
                None
            }
            None => Some(phrase),
        })
        .collect()
}

/// An error at `origin`.
fn at(origin: &Origin, message: String) -> Problem {
    Problem {
        file: origin.file.clone(),
        line: origin.line,
        column: origin.column,
        severity: Severity::Error,
        message,
    }
}

impl Walk {
    /// Walk a file [`parse`] has read.
    fn file(file: String, text: &str, (index, root, errors): Parsed<'_>) -> Walk {
        let ctx = FileCtx { file, text, index };
        let mut walk = Walk::default();
        // Only the first syntax error: once the parser has lost its place (an
        // unclosed bracket), every later line yields a spurious error.
        if let Some(e) = errors.first() {
            let span = e.span().unwrap_or(0..0);
            let msg = e.message().trim().replace('\n', "; ");
            walk.problems.push(ctx.problem(&span, format!("invalid TOML: {msg}")));
            return walk;
        }
        walk.walk_root(&ctx, root.get_ref());
        walk
    }

    fn walk_root(&mut self, ctx: &FileCtx<'_>, root: &Table<'_>) {
        for (key, value) in root.iter() {
            let span = key.span();
            match key.get_ref().as_ref() {
                "meta" => match value.get_ref() {
                    DeValue::Table(t) => self.walk_meta(ctx, t),
                    other => self.wrong_type(ctx, value, "meta", "a table", other),
                },
                "sources" => match value.get_ref() {
                    DeValue::Table(t) => {
                        for (id, src) in t.iter() {
                            self.walk_source(ctx, id, src);
                        }
                    }
                    other => self.wrong_type(ctx, value, "sources", "a table", other),
                },
                "entity" => self.walk_array(ctx, value, "entity", Self::walk_entity),
                "fact" => self.walk_array(ctx, value, "fact", Self::walk_fact),
                "event" => self.walk_array(ctx, value, "event", Self::walk_event),
                other => {
                    let what = match value.get_ref() {
                        DeValue::Table(_) | DeValue::Array(_) => "table",
                        _ => "top-level key",
                    };
                    self.problems.push(ctx.problem(
                        &span,
                        format!("unknown {what} `{other}`{}", did_you_mean(other, TOP_KEYS)),
                    ))
                }
            }
        }
    }

    fn wrong_type(&mut self, ctx: &FileCtx<'_>, value: &Value<'_>, key: &str, expected: &str, found: &DeValue<'_>) {
        self.problems.push(ctx.problem(
            &value.span(),
            format!("`{key}` must be {expected}, found {}", type_name(found)),
        ));
    }

    fn walk_array(
        &mut self,
        ctx: &FileCtx<'_>,
        value: &Value<'_>,
        name: &str,
        each: fn(&mut Self, &FileCtx<'_>, &Range<usize>, &Table<'_>),
    ) {
        match value.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => each(self, ctx, &item.span(), t),
                        other => self.wrong_type(ctx, item, name, "a table", other),
                    }
                }
            }
            other => self.problems.push(ctx.problem(
                &value.span(),
                format!(
                    "`{name}` must be an array of tables (`[[{name}]]`), found {}",
                    type_name(other)
                ),
            )),
        }
    }

    /// Report keys not in `known`, naming the table they sit in.
    fn unknown_keys(&mut self, ctx: &FileCtx<'_>, table: &Table<'_>, known: &[&str], where_: &str) {
        for key in table.keys() {
            let k = key.get_ref().as_ref();
            if !known.contains(&k) {
                self.problems.push(ctx.problem(
                    &key.span(),
                    format!("unknown key `{k}` in {where_}{}", did_you_mean(k, known)),
                ));
            }
        }
    }

    fn walk_meta(&mut self, ctx: &FileCtx<'_>, t: &Table<'_>) {
        self.unknown_keys(ctx, t, META_KEYS, "[meta]");
        let mut f = Fields::new(ctx, t, "[meta]");
        let title = f.string("title");
        let as_of = f.date("as_of").map(|as_of| {
            let span = t.get("as_of").map(|v| v.span()).unwrap_or(0..0);
            (as_of, ctx.origin(&span))
        });
        self.meta.push((title, as_of));
        self.problems.append(&mut f.problems);
    }

    fn walk_source(&mut self, ctx: &FileCtx<'_>, id: &Spanned<std::borrow::Cow<'_, str>>, v: &Value<'_>) {
        let id_str = id.get_ref().to_string();
        let where_ = format!("[sources.{id_str}]");
        let DeValue::Table(t) = v.get_ref() else {
            self.wrong_type(ctx, v, &format!("sources.{id_str}"), "a table", v.get_ref());
            return;
        };
        self.unknown_keys(ctx, t, SOURCE_KEYS, &where_);
        let mut f = Fields::new(ctx, t, &where_);
        let title = f.string("title");
        let url = f.string("url");
        self.problems.append(&mut f.problems);
        let origin = ctx.origin(&id.span());
        self.items.push(Item::Source {
            source: Source { id: id_str, title, url },
            origin,
        });
    }

    fn walk_entity(&mut self, ctx: &FileCtx<'_>, span: &Range<usize>, t: &Table<'_>) {
        self.unknown_keys(ctx, t, ENTITY_KEYS, "[[entity]]");
        let mut f = Fields::new(ctx, t, "[[entity]]");
        let id = f.required_string("id", span);
        let kind_raw = f.spanned_string("kind");
        let name_span = t.get("name").map(|v| v.span());
        let name = f.required_string("name", span);
        let aliases = f.spanned_list("aliases").unwrap_or_default();
        let roles = f.roles();
        let within = f.spanned_string("within");
        let mut problems = std::mem::take(&mut f.problems);
        let kind = match kind_raw {
            None => {
                problems.push(ctx.problem(
                    span,
                    "[[entity]] needs `kind` (person, country, place or organisation)".into(),
                ));
                None
            }
            Some((k, kspan)) => {
                let parsed = EntityKind::parse(&k);
                if parsed.is_none() {
                    problems.push(ctx.problem(
                        &kspan,
                        format!("unknown entity kind `{k}` (expected person, country, place or organisation)"),
                    ));
                }
                parsed
            }
        };
        self.problems.append(&mut problems);
        let (Some(id), Some(kind), Some(name)) = (id, kind, name) else {
            return;
        };
        let origin = ctx.origin(span);
        let (refs_before, spellings_before) = (self.source_refs.len(), self.spellings.len());
        for (role, span) in &roles {
            if let (Some(source), Some(span)) = (&role.source, span) {
                let o = ctx.origin(span);
                self.source_refs.push(Ref {
                    file: o.file,
                    line: o.line,
                    column: o.column,
                    id: source.clone(),
                    what: "source",
                });
            }
        }
        let roles = roles.into_iter().map(|(r, _)| r).collect();
        if let Some((w, wspan)) = &within {
            let o = ctx.origin(wspan);
            self.entity_refs.push(Ref {
                file: o.file,
                line: o.line,
                column: o.column,
                id: w.clone(),
                what: "within",
            });
        }
        let written = name_span
            .into_iter()
            .map(|s| (name.clone(), s))
            .chain(aliases.iter().cloned());
        for (spelling, s) in written {
            self.spellings
                .push((spelling.trim().to_owned(), id.clone(), ctx.origin(&s)));
        }
        self.items.push(Item::Entity {
            entity: Entity {
                id,
                kind,
                name,
                aliases: aliases.into_iter().map(|(a, _)| a).collect(),
                roles,
                within: within.as_ref().map(|(w, _)| w.clone()),
            },
            origin,
            source_refs: self.source_refs.len() - refs_before,
            spellings: self.spellings.len() - spellings_before,
            entity_refs: usize::from(within.is_some()),
        });
    }

    fn walk_fact(&mut self, ctx: &FileCtx<'_>, span: &Range<usize>, t: &Table<'_>) {
        self.unknown_keys(ctx, t, FACT_KEYS, "[[fact]]");
        let present: Vec<(&str, Range<usize>)> = t
            .keys()
            .filter(|k| VALUE_KEYS.contains(&k.get_ref().as_ref()))
            .map(|k| {
                (
                    VALUE_KEYS
                        .iter()
                        .find(|v| **v == k.get_ref().as_ref())
                        .copied()
                        .unwrap_or(""),
                    k.span(),
                )
            })
            .collect();
        let mut f = Fields::new(ctx, t, "[[fact]]");
        let id = f.required_string("id", span);
        let about = f.spanned_list("about").unwrap_or_default();
        let source = f.spanned_string("source");
        let valid = f.validity();
        let note = f.string("note");
        let unit = f.string_list("unit");
        let speaker = f.spanned_string("speaker");
        let currency = f.spanned_string("currency");
        let complete = f.boolean("complete");
        let tolerance = f.number("tolerance");
        let event = f.spanned_string("event");
        let subject = f.spanned_string("subject");
        let mut problems = std::mem::take(&mut f.problems);
        let about = usable_phrases(ctx, about, &mut problems);

        // A misspelt value key (`cuont`) is already reported as unknown;
        // "has no value" on top would be the same mistake twice.
        let misspelt_value = t.keys().any(|k| {
            let k = k.get_ref().as_ref();
            !FACT_KEYS.contains(&k) && closest(k, FACT_KEYS).is_some_and(|c| VALUE_KEYS.contains(&c))
        });
        let value = match present.as_slice() {
            [] if misspelt_value => None,
            [] => {
                problems.push(ctx.problem(
                    span,
                    format!(
                        "fact {}has no value: give exactly one of {}",
                        id.as_deref().map(|i| format!("`{i}` ")).unwrap_or_default(),
                        VALUE_KEYS.join(", ")
                    ),
                ));
                None
            }
            [(key, _)] => {
                let mut f = Fields::new(ctx, t, "[[fact]]");
                let v = f.value(key);
                problems.append(&mut f.problems);
                v
            }
            [(first, _), (second, second_span), ..] => {
                problems.push(ctx.problem(
                    second_span,
                    format!("a fact holds exactly one value, but this one has `{first}` and `{second}`"),
                ));
                None
            }
        };

        // Keys that only make sense with one value kind are typos when misplaced.
        let value_key = value.as_ref().map(|(v, _)| v.key());
        let misplaced = [
            ("unit", unit.is_some(), &["count", "ordinal"][..]),
            ("speaker", speaker.is_some(), &["quote"][..]),
            ("currency", currency.is_some(), &["amount"][..]),
            ("complete", complete.is_some(), &["entities"][..]),
            ("tolerance", tolerance.is_some(), &["count", "amount", "percent"][..]),
        ];
        if let Some(vk) = value_key {
            for (key, is_set, allowed) in misplaced {
                if is_set && !allowed.contains(&vk) {
                    let kspan = t.get_key_value(key).map(|(k, _)| k.span()).unwrap_or(span.clone());
                    problems.push(ctx.problem(
                        &kspan,
                        format!(
                            "`{key}` does not apply to a `{vk}` fact (only to {})",
                            allowed.join(", ")
                        ),
                    ));
                }
            }
            if vk == "amount" && currency.is_none() {
                problems.push(ctx.problem(
                    span,
                    "an `amount` fact needs `currency` (an ISO 4217 code such as \"EUR\")".into(),
                ));
            }
        }
        if let Some((code, cspan)) = &currency
            && (code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()))
        {
            problems.push(ctx.problem(
                cspan,
                format!("`currency` must be an ISO 4217 code such as \"EUR\", found \"{code}\""),
            ));
        }
        if let Some((tol, tspan)) = &tolerance
            && *tol < 0.0
        {
            problems.push(ctx.problem(tspan, "`tolerance` must not be negative".into()));
        }
        self.problems.append(&mut problems);

        let (Some(id), Some((value, vspan))) = (id, value) else {
            return;
        };
        let (entity_refs_before, source_refs_before) = (self.entity_refs.len(), self.source_refs.len());
        let push_ref = |refs: &mut Vec<Ref>, id: &str, s: &Range<usize>, what| {
            let o = ctx.origin(s);
            refs.push(Ref {
                file: o.file,
                line: o.line,
                column: o.column,
                id: id.to_owned(),
                what,
            });
        };
        match &value {
            FactValue::Entity(e) => push_ref(&mut self.entity_refs, e, &vspan, "entity"),
            FactValue::Entities(list) => {
                // Point at each id in the list, not at the list.
                let items: Vec<Range<usize>> = match t.get("entities").map(|v| v.get_ref()) {
                    Some(DeValue::Array(items)) => items.iter().map(|i| i.span()).collect(),
                    _ => Vec::new(),
                };
                for (i, e) in list.iter().enumerate() {
                    push_ref(&mut self.entity_refs, e, items.get(i).unwrap_or(&vspan), "entity");
                }
            }
            _ => {}
        }
        if let Some((s, sspan)) = &speaker {
            push_ref(&mut self.entity_refs, s, sspan, "speaker");
        }
        if let Some((e, espan)) = &event {
            push_ref(&mut self.entity_refs, e, espan, "event");
        }
        if let Some((s, sspan)) = &subject {
            push_ref(&mut self.entity_refs, s, sspan, "subject");
        }
        // `source = ""` is a draft's placeholder (see `factcheck suggest`): no source yet.
        let source = source.filter(|(s, _)| !s.trim().is_empty());
        if let Some((s, sspan)) = &source {
            push_ref(&mut self.source_refs, s, sspan, "source");
        }
        let fact = Fact {
            id,
            about,
            event: event.map(|(e, _)| e),
            subject: subject.map(|(s, _)| s),
            value,
            unit: unit.unwrap_or_default(),
            speaker: speaker.map(|(s, _)| s),
            currency: currency.map(|(c, _)| c),
            complete: complete.map(|(c, _)| c).unwrap_or(false),
            tolerance: tolerance.map(|(t, _)| t).unwrap_or(0.0),
            source: source.map(|(s, _)| s),
            note,
            valid,
            origin: ctx.origin(span),
        };
        self.items.push(Item::Fact {
            fact,
            entity_refs: self.entity_refs.len() - entity_refs_before,
            source_refs: self.source_refs.len() - source_refs_before,
            generated: false,
        });
    }
}

impl Walk {
    /// An `[[event]]`, and the facts that hold its date and place.
    fn walk_event(&mut self, ctx: &FileCtx<'_>, span: &Range<usize>, t: &Table<'_>) {
        self.unknown_keys(ctx, t, EVENT_KEYS, "[[event]]");
        let mut f = Fields::new(ctx, t, "[[event]]");
        let id = f.required_string("id", span);
        let name = f.required_string("name", span);
        let aliases = f.string_list("aliases").unwrap_or_default();
        let about = f.spanned_list("about").unwrap_or_default();
        let date = f.date("date");
        let place = f.spanned_string("place");
        let source = f.spanned_string("source");
        let note = f.string("note");
        let mut problems = std::mem::take(&mut f.problems);
        let about = usable_phrases(ctx, about, &mut problems);
        self.problems.append(&mut problems);
        let (Some(id), Some(name)) = (id, name) else {
            return;
        };
        let source = source.filter(|(s, _)| !s.trim().is_empty());
        let sources_before = self.source_refs.len();
        let reference = |span: &Range<usize>, id: &str, what| {
            let o = ctx.origin(span);
            Ref {
                file: o.file,
                line: o.line,
                column: o.column,
                id: id.to_owned(),
                what,
            }
        };
        if let Some((s, sspan)) = &source {
            self.source_refs.push(reference(sspan, s, "source"));
        }
        let event = Event {
            id: id.clone(),
            name,
            aliases,
            date,
            place: place.as_ref().map(|(p, _)| p.clone()),
            about,
            source: source.as_ref().map(|(s, _)| s.clone()),
            note,
            origin: ctx.origin(span),
        };
        // The date and the place are facts of the occasion's own, tied to it by
        // every phrase that names it.
        let phrases: Vec<String> = event.about.clone();
        let own_fact = |fact_id: String, value: FactValue, key: &str| Fact {
            id: fact_id,
            about: phrases.clone(),
            event: Some(id.clone()),
            subject: None,
            value,
            unit: Vec::new(),
            speaker: None,
            currency: None,
            complete: false,
            tolerance: 0.0,
            source: event.source.clone(),
            note: None,
            valid: Validity::default(),
            origin: ctx.origin(&t.get(key).map(|v| v.span()).unwrap_or(span.clone())),
        };
        let date_fact = date.map(|d| own_fact(Event::date_fact(&id), FactValue::Date(d), "date"));
        let place_fact = place
            .as_ref()
            .map(|(p, _)| own_fact(Event::place_fact(&id), FactValue::Entity(p.clone()), "place"));
        self.items.push(Item::Event {
            event,
            source_refs: self.source_refs.len() - sources_before,
        });
        if let Some(fact) = date_fact {
            self.items.push(Item::Fact {
                fact,
                entity_refs: 0,
                source_refs: 0,
                generated: true,
            });
        }
        if let (Some(fact), Some((p, pspan))) = (place_fact, &place) {
            self.entity_refs.push(reference(pspan, p, "place"));
            self.items.push(Item::Fact {
                fact,
                entity_refs: 1,
                source_refs: 0,
                generated: true,
            });
        }
    }
}

impl Loader {
    /// Checks that need every file: references to entities and sources,
    /// then the deep checks.
    fn cross_check(&self, parallel: bool) -> Vec<Problem> {
        let is_error = |p: &Problem| p.severity == Severity::Error;
        // The deep checks need the whole base: a fact that failed to load
        // would leave its source "unused". They run once the errors are fixed
        // (on a large base alongside the reference checks, their findings
        // kept only if these find no error).
        if parallel && !self.problems.iter().any(is_error) {
            let (mut out, deep) = rayon::join(|| self.references(), || self.deep(true));
            if !out.iter().any(is_error) {
                out.extend(deep);
            }
            return out;
        }
        let mut out = self.references();
        if !self.problems.iter().chain(&out).any(is_error) {
            out.extend(self.deep(false));
        }
        out
    }

    /// References to entities and sources that are not defined, and facts that cite no source.
    fn references(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let entities: HashMap<&str, EntityKind> = self.entities.iter().map(|(e, _)| (e.id.as_str(), e.kind)).collect();
        let events: HashMap<&str, &Event> = self.events.iter().map(|e| (e.id.as_str(), e)).collect();
        let error = |r: &Ref, message: String| Problem {
            file: r.file.clone(),
            line: r.line,
            column: r.column,
            severity: Severity::Error,
            message,
        };
        for r in &self.entity_refs {
            if r.what == "event" {
                if !events.contains_key(r.id.as_str()) {
                    let known: Vec<&str> = self.events.iter().map(|e| e.id.as_str()).collect();
                    let hint = did_you_mean(&r.id, &known);
                    let hint = if hint.starts_with(" (did") { hint } else { String::new() };
                    out.push(error(r, format!("event `{}` is not a known event id{hint}", r.id)));
                }
                continue;
            }
            if r.what == "within"
                && let Some(kind) = entities.get(r.id.as_str())
                && !matches!(kind, EntityKind::Place | EntityKind::Country)
            {
                out.push(error(
                    r,
                    format!(
                        "`within` must name a place or a country, but `{}` is a {}",
                        r.id,
                        kind.as_str()
                    ),
                ));
                continue;
            }
            if r.what == "place"
                && let Some(kind) = entities.get(r.id.as_str())
                && *kind != EntityKind::Place
            {
                out.push(error(
                    r,
                    format!(
                        "an event's `place` must be an entity of kind place, but `{}` is a {}",
                        r.id,
                        kind.as_str()
                    ),
                ));
                continue;
            }
            if !entities.contains_key(r.id.as_str()) {
                let known: Vec<&str> = self.entities.iter().map(|(e, _)| e.id.as_str()).collect();
                let hint = did_you_mean(&r.id, &known);
                let hint = if hint.starts_with(" (did") { hint } else { String::new() };
                out.push(Problem {
                    file: r.file.clone(),
                    line: r.line,
                    column: r.column,
                    severity: Severity::Error,
                    message: format!("{} `{}` is not a known entity id{hint}", r.what, r.id),
                });
            }
        }
        // `within` never goes round in a circle.
        let within: HashMap<&str, &str> = self
            .entities
            .iter()
            .filter_map(|(e, _)| e.within.as_deref().map(|w| (e.id.as_str(), w)))
            .collect();
        for (e, origin) in &self.entities {
            let mut up = e.within.as_deref();
            for _ in 0..=within.len() {
                match up {
                    Some(id) if id == e.id => {
                        out.push(at(origin, format!("`within` of `{}` leads back to it", e.id)));
                        break;
                    }
                    Some(id) => up = within.get(id).copied(),
                    None => break,
                }
            }
        }
        let sources: HashSet<&str> = self.sources.keys().map(String::as_str).collect();
        for r in &self.source_refs {
            if !sources.contains(r.id.as_str()) {
                let known: Vec<&str> = self.sources.keys().map(String::as_str).collect();
                let hint = did_you_mean(&r.id, &known);
                let hint = if hint.starts_with(" (did") { hint } else { String::new() };
                out.push(Problem {
                    file: r.file.clone(),
                    line: r.line,
                    column: r.column,
                    severity: Severity::Error,
                    message: format!("source `{}` is not defined in [sources]{hint}", r.id),
                });
            }
        }
        // A fact of an occasion holds on the occasion's day.
        for fact in &self.facts {
            if let Some(event) = fact.event.as_deref().and_then(|e| events.get(e))
                && let Some(day) = event.date
                && !fact.valid.contains(day)
            {
                out.push(at(
                    &fact.origin,
                    format!(
                        "fact `{}` belongs to event `{}` of {day}, a date out of its range ({}): fix `from`/`until` or the event",
                        fact.id, event.id, fact.valid
                    ),
                ));
            }
        }
        for fact in &self.facts {
            if fact.source.is_none() {
                out.push(Problem {
                    file: fact.origin.file.clone(),
                    line: fact.origin.line,
                    column: fact.origin.column,
                    severity: Severity::Warning,
                    message: format!("fact `{}` cites no source", fact.id),
                });
            }
        }
        out
    }

    /// The checks of [`super::deep`].
    fn deep(&self, parallel: bool) -> Vec<Problem> {
        let deep = super::deep::Input {
            entities: self.entities.iter().map(|(e, o)| (e, o)).collect(),
            facts: &self.facts,
            events: &self.events,
            source_origins: &self.source_origin,
            cited_sources: self.source_refs.iter().map(|r| r.id.as_str()).collect(),
            named_entities: self.entity_refs.iter().map(|r| r.id.as_str()).collect(),
            spellings: &self.spellings,
            parallel,
        };
        deep.check()
    }
}

/// Typed access to one table's keys, recording type errors as problems.
struct Fields<'a, 'i> {
    ctx: &'a FileCtx<'a>,
    table: &'a Table<'i>,
    where_: String,
    problems: Vec<Problem>,
}

impl<'a, 'i> Fields<'a, 'i> {
    fn new(ctx: &'a FileCtx<'a>, table: &'a Table<'i>, where_: &str) -> Self {
        Fields {
            ctx,
            table,
            where_: where_.to_owned(),
            problems: Vec::new(),
        }
    }

    fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.table.get(key)
    }

    fn expected(&mut self, key: &str, v: &Value<'_>, expected: &str) {
        self.problems.push(self.ctx.problem(
            &v.span(),
            format!(
                "`{key}` in {} must be {expected}, found {}",
                self.where_,
                type_name(v.get_ref())
            ),
        ));
    }

    fn spanned_string(&mut self, key: &str) -> Option<(String, Range<usize>)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some((s.to_string(), v.span())),
            _ => {
                self.expected(key, v, "a string");
                None
            }
        }
    }

    fn string(&mut self, key: &str) -> Option<String> {
        self.spanned_string(key).map(|(s, _)| s)
    }

    fn required_string(&mut self, key: &str, table_span: &Range<usize>) -> Option<String> {
        match self.spanned_string(key) {
            Some((s, span)) if s.trim().is_empty() => {
                self.problems
                    .push(self.ctx.problem(&span, format!("`{key}` must not be empty")));
                None
            }
            Some((s, _)) => Some(s),
            None if self.get(key).is_none() => {
                self.problems
                    .push(self.ctx.problem(table_span, format!("{} needs `{key}`", self.where_)));
                None
            }
            None => None,
        }
    }

    /// A list of strings; a single string is accepted as a list of one.
    fn string_list(&mut self, key: &str) -> Option<Vec<String>> {
        self.spanned_list(key)
            .map(|list| list.into_iter().map(|(s, _)| s).collect())
    }

    /// As [`Self::string_list`], each string with its span.
    fn spanned_list(&mut self, key: &str) -> Option<Vec<(String, Range<usize>)>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(vec![(s.to_string(), v.span())]),
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => out.push((s.to_string(), item.span())),
                        _ => self.expected(key, item, "a list of strings"),
                    }
                }
                Some(out)
            }
            _ => {
                self.expected(key, v, "a list of strings");
                None
            }
        }
    }

    /// `from` and `until` of this table; `until` must come after `from`.
    fn validity(&mut self) -> Validity {
        let valid = Validity {
            from: self.date("from"),
            until: self.date("until"),
        };
        if let (Some(from), Some(until)) = (valid.from, valid.until)
            && until <= from
        {
            let span = self.get("until").map(|v| v.span()).unwrap_or(0..0);
            self.problems.push(self.ctx.problem(
                &span,
                format!(
                    "`until` ({until}) must come after `from` ({from}): `until` is the first day it no longer holds"
                ),
            ));
        }
        valid
    }

    /// An entity's `roles`: titles, or tables `{ title = "...", from = DATE, until = DATE }`.
    fn roles(&mut self) -> Vec<(Role, Option<Range<usize>>)> {
        let Some(v) = self.get("roles") else {
            return Vec::new();
        };
        let items: Vec<&Value<'_>> = match v.get_ref() {
            DeValue::Array(items) => items.iter().collect(),
            _ => vec![v],
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => out.push((Role::always(s), None)),
                DeValue::Table(t) => {
                    let where_ = format!("a role of {}", self.where_);
                    for key in t.keys() {
                        let k = key.get_ref().as_ref();
                        if !ROLE_KEYS.contains(&k) {
                            self.problems.push(self.ctx.problem(
                                &key.span(),
                                format!("unknown key `{k}` in {where_}{}", did_you_mean(k, ROLE_KEYS)),
                            ));
                        }
                    }
                    let mut f = Fields::new(self.ctx, t, &where_);
                    let title = f.required_string("title", &item.span());
                    let valid = f.validity();
                    let source = f.spanned_string("source").filter(|(s, _)| !s.trim().is_empty());
                    self.problems.append(&mut f.problems);
                    if let Some(title) = title {
                        out.push((
                            Role {
                                title,
                                valid,
                                source: source.as_ref().map(|(s, _)| s.clone()),
                            },
                            source.map(|(_, span)| span),
                        ));
                    }
                }
                _ => self.expected(
                    "roles",
                    item,
                    "a list of titles or of tables { title = \"...\", from = YYYY-MM-DD, until = YYYY-MM-DD }",
                ),
            }
        }
        out
    }

    fn boolean(&mut self, key: &str) -> Option<(bool, Range<usize>)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some((*b, v.span())),
            _ => {
                self.expected(key, v, "true or false");
                None
            }
        }
    }

    fn integer(&mut self, key: &str, v: &Value<'_>) -> Option<i128> {
        match v.get_ref() {
            DeValue::Integer(i) => match i128::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.expected(key, v, "an integer in range");
                    None
                }
            },
            _ => {
                self.expected(key, v, "an integer");
                None
            }
        }
    }

    fn number(&mut self, key: &str) -> Option<(f64, Range<usize>)> {
        let v = self.get(key)?;
        let n = match v.get_ref() {
            DeValue::Integer(_) => self.integer(key, v).map(|n| n as f64),
            DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
                Ok(x) if x.is_finite() => Some(x),
                _ => {
                    self.expected(key, v, "a finite number");
                    None
                }
            },
            _ => {
                self.expected(key, v, "a number");
                None
            }
        };
        n.map(|n| (n, v.span()))
    }

    fn date(&mut self, key: &str) -> Option<Date> {
        let v = self.get(key)?;
        let DeValue::Datetime(dt) = v.get_ref() else {
            self.expected(key, v, "a date (YYYY-MM-DD, unquoted)");
            return None;
        };
        match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => match Date::new(d.year as i16, d.month as i8, d.day as i8) {
                Ok(date) => Some(date),
                Err(_) => {
                    self.problems.push(
                        self.ctx
                            .problem(&v.span(), format!("`{key}` is an impossible date: {dt}")),
                    );
                    None
                }
            },
            _ => {
                self.problems.push(self.ctx.problem(
                    &v.span(),
                    format!("`{key}` must be a plain date (YYYY-MM-DD), found {dt}"),
                ));
                None
            }
        }
    }

    /// The fact's value under `key`, typed, with its span.
    fn value(&mut self, key: &str) -> Option<(FactValue, Range<usize>)> {
        let v = self.get(key)?;
        let span = v.span();
        let value = match key {
            "date" => FactValue::Date(self.date(key)?),
            "year" => {
                let n = self.integer(key, v)?;
                if !(1..=9999).contains(&n) {
                    self.problems.push(
                        self.ctx
                            .problem(&span, format!("`year` must be between 1 and 9999, found {n}")),
                    );
                    return None;
                }
                FactValue::Year(n as i64)
            }
            "count" => {
                let n = self.integer(key, v)?;
                if n < 0 || n > u64::MAX as i128 {
                    self.problems.push(self.ctx.problem(
                        &span,
                        format!("`count` must be a whole number of zero or more, found {n}"),
                    ));
                    return None;
                }
                FactValue::Count(n as u64)
            }
            "entity" => FactValue::Entity(self.spanned_string(key)?.0),
            "entities" => {
                if let DeValue::String(s) = v.get_ref() {
                    // A lone string is almost always a fact meant as `entity`.
                    self.problems.push(self.ctx.problem(
                        &span,
                        format!("`entities` in [[fact]] must be a list of entity ids, found a string (write [\"{s}\"], or use `entity` for one entity)"),
                    ));
                    return None;
                }
                let list = self.string_list(key)?;
                if list.is_empty() {
                    self.problems.push(
                        self.ctx
                            .problem(&span, "`entities` must list at least one entity id".into()),
                    );
                    return None;
                }
                FactValue::Entities(list)
            }
            "quote" => {
                let q = self.spanned_string(key)?.0;
                if q.trim().is_empty() {
                    self.problems
                        .push(self.ctx.problem(&span, "`quote` must not be empty".into()));
                    return None;
                }
                FactValue::Quote(q)
            }
            "amount" => FactValue::Amount(self.number(key)?.0),
            "percent" => FactValue::Percent(self.number(key)?.0),
            "ordinal" => {
                let n = self.integer(key, v)?;
                if n < 1 || n > u64::MAX as i128 {
                    self.problems.push(self.ctx.problem(
                        &span,
                        format!("`ordinal` must be a whole number of one or more (1 for \"first\"), found {n}"),
                    ));
                    return None;
                }
                FactValue::Ordinal(n as u64)
            }
            _ => return None,
        };
        Some((value, span))
    }
}
