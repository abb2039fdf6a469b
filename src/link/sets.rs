//! Lists: the places, actors and members a sentence ties to an `entity` or
//! `entities` fact ("a summit in Paris", "Macron, Zelenskyy and Starmer
//! signed"). Per fact and sentence one list is taken: the subject before a
//! phrase, a passive's agent, or a list after it; places written where
//! something happened may agree with a fact whose phrase stands elsewhere.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::extract::{EntityMention, Extraction, Kind, SharedMention, Value, word_spans};
use crate::facts::{AboutHit, At, EntityKind, FactBase, FactValue};
use crate::finding::Weak;
use crate::lexicon::lang;
use crate::span::{Span, starting_in};

use super::rules::{denial, negated, other_occasion};
use super::{Link, MAX_DISTANCE, distance, same_value};

/// A set of entities that a sentence ties to an `entity` or `entities` fact
/// ("Macron, Zelenskyy and Starmer signed ...").
#[derive(Debug, Clone, PartialEq)]
pub struct SetClaim {
    pub span: Span,
    pub sentence: Span,
    /// Entity indexes, in the order written.
    pub members: Vec<usize>,
    /// Titled people in the list whom the fact base does not know, as written.
    pub strangers: Vec<String>,
    pub link: Link,
    /// Another fact fits equally and disagrees.
    pub rival: Option<usize>,
    /// The list may go on before its first known member (", British PM Keir
    /// Starmer and ..."), so a member it seems to leave out may be there.
    pub open: bool,
    /// Why the link can confirm the fact but not contradict it (the list is
    /// the subject of a passive, or of something not asserted).
    pub weak: Option<Weak>,
    /// Names in the list that several entities of the fact's kinds share,
    /// nothing deciding which (see `crate::extract::names`): as written,
    /// with their candidates. They never make the list differ (U016).
    pub shared: Vec<(String, Vec<usize>)>,
    /// The list is denied the phrase ("Starmer did not sign the declaration"):
    /// its members are said not to be the fact's (D203).
    pub denied: bool,
}

/// A name several entities share, in a list: where, and who it may be.
struct SharedItem {
    /// Title and name.
    span: Span,
    /// The name alone.
    name: Span,
    sentence: Span,
    candidates: Vec<usize>,
}

/// One item of a list as written.
#[derive(Clone, Copy)]
enum Item<'a> {
    Known(&'a EntityMention),
    /// A titled person the fact base does not know.
    Stranger,
    /// A name several entities share.
    Shared(&'a SharedItem),
}

/// Whether the text from an `about` phrase to a following entity only leads
/// to it: a few linking words or a proper name (a venue), no punctuation.
fn leads_to(prose: &str, from: usize, to: usize) -> bool {
    let gap = &prose[from..to];
    // "signed the declaration of intent: Macron, Starmer and Zelensky",
    // "three signatures: those of ...": a colon introduces the list.
    if let Some(colon) = gap.rfind(':') {
        let rest = word_spans(prose, Span::new(from + colon, to));
        // "Venue: Élysée Palace, Paris": a venue's name may come before its city.
        let venue = rest.len() <= 4
            && !rest.is_empty()
            && rest
                .iter()
                .all(|w| prose[w.start..w.end].starts_with(char::is_uppercase))
            && gap[colon + 1..].trim_end().ends_with(',');
        return !gap[..colon].contains(['.', ';'])
            && (venue
                || rest.iter().all(|w| {
                    matches!(
                        prose[w.start..w.end].to_lowercase().as_str(),
                        "those" | "of" | "the" | "by"
                    )
                }));
    }
    if gap
        .chars()
        .any(|c| c.is_ascii_punctuation() && !matches!(c, '-' | '\'' | '.'))
    {
        return false;
    }
    let words = word_spans(prose, Span::new(from, to));
    // "the summit of the coalition of the willing in Paris": a place right after "in" or "at".
    let ends_in_place = words
        .last()
        .is_some_and(|w| matches!(prose[w.start..w.end].to_lowercase().as_str(), "in" | "at"));
    // "will be set up in Berlin", "was held in Paris": a verb of place lets
    // a clause stand between ("the cell that will link the planners will be set up in").
    let placed = words.len() >= 2 && {
        let verb = prose[words[words.len() - 2].start..words[words.len() - 2].end].to_lowercase();
        ends_in_place && matches!(verb.as_str(), "up" | "based" | "located" | "held" | "hosted" | "housed")
    };
    (placed && words.len() <= 12)
        || (ends_in_place && words.len() <= 8)
        || words.len() <= 6
            && (ends_in_place
                || words.iter().all(|w| {
                    let word = &prose[w.start..w.end];
                    lang().lists.leads_to.contains(word.to_lowercase()) || word.starts_with(char::is_uppercase)
                }))
}

/// "led by the United States": the words before an entity end with "by".
fn by_agent(prose: &str, from: usize, to: usize) -> bool {
    let gap = &prose[from..to];
    if gap
        .chars()
        .any(|c| c.is_ascii_punctuation() && !matches!(c, '-' | '\'' | '.'))
    {
        return false;
    }
    let words = word_spans(prose, Span::new(from, to));
    if words.len() > 6 {
        return false;
    }
    let last = words
        .iter()
        .rev()
        .map(|w| prose[w.start..w.end].to_lowercase())
        .find(|w| w != "the");
    last.as_deref() == Some("by")
}

/// What between a list and the phrase after it makes the list's part in it
/// unsure: a passive ("was announced"), or something not asserted ("on
/// course to win", "could sign").
fn not_asserted(prose: &str, gap: Span) -> Option<Weak> {
    let words: Vec<String> = word_spans(prose, gap)
        .iter()
        .map(|w| prose[w.start..w.end].to_lowercase())
        .collect();
    let last = words.last()?;
    if lang().cues.passive.contains(last) {
        return Some(Weak::PassiveSubject { word: last.clone() });
    }
    if lang().cues.hypothetical.contains(last) {
        return Some(Weak::NotAsserted { word: last.clone() });
    }
    None
}

/// Whether the text between a list and its `about` phrase holds more of the
/// list: a comma or "and" followed by words.
fn continues_after(prose: &str, end: usize, hit: usize) -> bool {
    let gap = prose[end..hit].trim();
    let lower = gap.to_lowercase();
    !gap.is_empty() && (gap.starts_with(',') || lower.starts_with("and ") || lower.starts_with("as well as"))
}

/// Whether the text before a list reads as more of the same list: after
/// dropping capitalised words (an unknown name or title), a comma or "and".
fn continues_before(prose: &str, sentence: Span, at: usize) -> bool {
    let mut head = prose[sentence.start..at].trim_end();
    loop {
        // Past the space, whatever its width (a no-break space is two bytes).
        let word_start = head
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &head[word_start..];
        if word.is_empty() || !word.starts_with(char::is_uppercase) || word.ends_with(',') {
            break;
        }
        head = head[..word_start].trim_end();
    }
    head.ends_with(',') || head.ends_with(';') || head.ends_with(" and") || head.ends_with(" or")
}

/// Text that may stand between two members of one list.
fn joins_list(gap: &str) -> bool {
    // A semicolon ends a list of names ("... and Starmer; Merz and Meloni watched").
    if gap.contains(';') {
        return false;
    }
    let g = gap.trim().trim_start_matches(',').trim();
    // "France and the UK": an article before the next member.
    let g = g.strip_suffix(" the").or_else(|| g.strip_suffix(" The")).unwrap_or(g);
    matches!(
        g,
        "" | "-" | "/" | "and" | "&" | "as well as" | "along with" | "together with" | "plus" | "or"
    ) || (gap.trim().starts_with(',') && matches!(g, "and" | "as well as" | "along with" | "or"))
}

/// One list of entities as written: the known members, titled people the
/// fact base does not know ("Spanish Prime Minister Pedro Sánchez") and
/// names several entities share among them.
struct Run<'a> {
    members: Vec<&'a EntityMention>,
    strangers: Vec<Span>,
    shared: Vec<&'a SharedItem>,
    sentence: Span,
    /// Where the list starts and ends: its first and last item, whole.
    start: usize,
    end: usize,
    /// The end of the last item's name (a known member's title comes before it).
    name_end: usize,
}

/// Runs of entity mentions (and of the `strangers` and `shared` names among
/// them) written as one list. A run starts with a known or shared name; a
/// stranger ends one only after "and" ("Macron, Starmer and Spanish Prime
/// Minister Pedro Sánchez"), never after a bare comma, which may start
/// another clause ("..., Spanish Prime Minister Pedro Sánchez said").
fn runs<'a>(prose: &str, mentions: &[&'a EntityMention], strangers: &[Span], shared: &'a [SharedItem]) -> Vec<Run<'a>> {
    let mut items: Vec<(Span, Item<'a>)> = mentions.iter().map(|m| (m.full(), Item::Known(m))).collect();
    items.extend(shared.iter().map(|m| (m.span, Item::Shared(m))));
    let taken: Vec<Span> = items.iter().map(|(s, _)| *s).collect();
    items.extend(
        strangers
            .iter()
            .filter(|s| !taken.iter().any(|t| t.overlaps(**s)))
            .map(|s| (*s, Item::Stranger)),
    );
    if !strangers.is_empty() || !shared.is_empty() {
        items.sort_by_key(|(span, m)| (span.start, matches!(m, Item::Stranger)));
    }
    // Lists of items, each with the text that joined it to the one before.
    let mut lists: Vec<Vec<(Span, Item<'a>, &str)>> = Vec::new();
    for (span, m) in items {
        match lists.last_mut() {
            Some(list)
                if {
                    let end = list.last().expect("never empty").0.end;
                    end <= span.start && joins_list(&prose[end..span.start])
                } =>
            {
                let end = list.last().expect("never empty").0.end;
                list.push((span, m, &prose[end..span.start]));
            }
            _ => lists.push(vec![(span, m, "")]),
        }
    }
    let mut out = Vec::new();
    for mut list in lists {
        while list.first().is_some_and(|(_, m, _)| matches!(m, Item::Stranger)) {
            list.remove(0);
        }
        while list.last().is_some_and(|(_, m, joined)| {
            let j = joined.trim().trim_start_matches(',').trim().to_lowercase();
            matches!(m, Item::Stranger) && !(j.starts_with("and") || j.starts_with('&') || j.starts_with("as well as"))
        }) {
            list.pop();
        }
        let (Some(first), Some(last)) = (list.first(), list.last()) else {
            continue;
        };
        let sentence = match first.1 {
            Item::Known(m) => m.sentence,
            Item::Shared(m) => m.sentence,
            Item::Stranger => unreachable!("a run starts with a known or shared name"),
        };
        out.push(Run {
            start: first.0.start,
            end: last.0.end,
            name_end: match last.1 {
                Item::Known(m) => m.span.end,
                _ => last.0.end,
            },
            sentence,
            members: list
                .iter()
                .filter_map(|(_, m, _)| match m {
                    Item::Known(m) => Some(*m),
                    _ => None,
                })
                .collect(),
            strangers: list
                .iter()
                .filter(|(_, m, _)| matches!(m, Item::Stranger))
                .map(|(s, _, _)| *s)
                .collect(),
            shared: list
                .iter()
                .filter_map(|(_, m, _)| match m {
                    Item::Shared(m) => Some(*m),
                    _ => None,
                })
                .collect(),
        });
    }
    out
}

/// The names several entities share, as members of a fact of `kinds`: those
/// of which one candidate is of those kinds (that one, decided), and those
/// of which two or more are (still shared).
fn split_shared(
    base: &FactBase,
    mentions: &[&SharedMention],
    kinds: &[EntityKind],
) -> (Vec<EntityMention>, Vec<SharedItem>) {
    let (mut narrowed, mut shared) = (Vec::new(), Vec::new());
    for m in mentions {
        let candidates: Vec<usize> = m
            .candidates
            .iter()
            .copied()
            .filter(|&e| kinds.contains(&base.entities[e].kind))
            .collect();
        match candidates.as_slice() {
            [] => {}
            [one] => narrowed.push(EntityMention {
                entity: *one,
                span: m.span,
                title: m.title,
                possessive: None,
                period: m.period,
                sentence: m.sentence,
            }),
            _ => shared.push(SharedItem {
                span: m.full(),
                name: m.span,
                sentence: m.sentence,
                candidates,
            }),
        }
    }
    (narrowed, shared)
}

/// Entity kinds a fact's members have.
fn member_kinds(base: &FactBase, fact: usize) -> Vec<EntityKind> {
    let ids: Vec<&str> = match &base.facts[fact].value {
        FactValue::Entity(e) => vec![e.as_str()],
        FactValue::Entities(list) => list.iter().map(String::as_str).collect(),
        _ => return Vec::new(),
    };
    let mut kinds: Vec<EntityKind> = ids.iter().filter_map(|id| base.entity(id)).map(|e| e.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// Find every list of entities that a sentence ties to an entity fact.
///
/// Per fact and sentence one list is taken: the subject before an `about`
/// phrase ("The UK and France pledged ...") over a list after it ("a summit
/// in Paris"), the nearest first.
pub fn sets(prose: &str, ex: &Extraction, base: &FactBase, published: Option<Date>) -> Vec<SetClaim> {
    // (after the phrase?, words between, claim) for each fact and sentence.
    let mut best: Vec<((bool, usize), SetClaim)> = Vec::new();
    for hit in &ex.about {
        // Names several entities share in the hit's sentence, split once per
        // kinds of members (a phrase may tie thousands of facts of one shape).
        let from = ex.shared.partition_point(|m| m.sentence.end <= hit.span.start);
        let in_sentence: Vec<&SharedMention> = ex.shared[from..]
            .iter()
            .take_while(|m| m.sentence.start <= hit.span.start)
            .filter(|m| m.sentence.contains(hit.span) && !m.full().overlaps(hit.span))
            .collect();
        let mut splits: Vec<(Vec<EntityKind>, Vec<EntityMention>, Vec<SharedItem>)> = Vec::new();
        for &fact in &hit.facts {
            // Only facts that hold at the article's date (dated ones need a date).
            if base.facts[fact].valid.at(published) != At::Holds {
                continue;
            }
            let kinds = member_kinds(base, fact);
            if kinds.is_empty() {
                continue;
            }
            // Names several entities share: of the fact's kinds, one is that
            // one ("Jordan and Egypt signed" of countries); two or more stay shared.
            let split = match splits.iter().position(|(k, _, _)| *k == kinds) {
                Some(i) => i,
                None => {
                    let (narrowed, shared) = split_shared(base, &in_sentence, &kinds);
                    splits.push((kinds.clone(), narrowed, shared));
                    splits.len() - 1
                }
            };
            let (_, narrowed, shared) = &splits[split];
            // Entities come sentence by sentence: those of the hit's sentence are found by position.
            let from = ex.entities.partition_point(|m| m.sentence.end <= hit.span.start);
            let mut mentions: Vec<&EntityMention> = ex.entities[from..]
                .iter()
                .take_while(|m| m.sentence.start <= hit.span.start)
                .filter(|m| m.sentence.contains(hit.span) && !m.full().overlaps(hit.span))
                .filter(|m| kinds.contains(&base.entities[m.entity].kind))
                .chain(narrowed)
                .collect();
            if !narrowed.is_empty() {
                mentions.sort_by_key(|m| m.span.start);
            }
            // A fact about a subject: not in a sentence that names another of the
            // subject's kind and not it ("the first U.S. pope ... born in Chicago"
            // is not Francis's birthplace).
            if let Some(s) = base.facts[fact]
                .subject
                .as_deref()
                .and_then(|s| base.entity_position(s))
            {
                let kind = base.entities[s].kind;
                let mut same_kind = ex.entities[from..]
                    .iter()
                    .take_while(|m| m.sentence.start <= hit.span.start)
                    .filter(|m| m.sentence.contains(hit.span) && base.entities[m.entity].kind == kind);
                if same_kind.clone().next().is_some() && !same_kind.any(|m| m.entity == s) {
                    continue;
                }
                // Nor where a name several share may be another of that kind.
                if in_sentence
                    .iter()
                    .any(|m| m.candidates.iter().any(|&c| c != s && base.entities[c].kind == kind))
                {
                    continue;
                }
            }
            // "Washington will lead the monitoring": a capital or a people for its country.
            if kinds.contains(&EntityKind::Country) {
                let from = ex.stand_ins.partition_point(|m| m.sentence.end <= hit.span.start);
                let before = mentions.len();
                mentions.extend(
                    ex.stand_ins[from..]
                        .iter()
                        .take_while(|m| m.sentence.start <= hit.span.start)
                        .filter(|m| m.sentence.contains(hit.span) && !m.full().overlaps(hit.span)),
                );
                if mentions.len() > before {
                    mentions.sort_by_key(|m| (m.full().start, base.entities[m.entity].kind != EntityKind::Country));
                    mentions.dedup_by(|b, a| a.full() == b.full());
                }
            }
            // Titled people the fact base does not know, for a list of people.
            let sentence = mentions
                .first()
                .map(|m| m.sentence)
                .or(shared.first().map(|m| m.sentence));
            let strangers: Vec<Span> = match sentence {
                Some(sentence) if kinds.contains(&EntityKind::Person) => {
                    starting_in(&ex.mentions, sentence, |m| m.span.start)
                        .iter()
                        .filter(|m| {
                            matches!(&m.value, Value::Role { entity: None, shared, .. } if shared.is_empty())
                                && !m.span.overlaps(hit.span)
                        })
                        .map(|m| m.span)
                        .collect()
                }
                _ => Vec::new(),
            };
            let runs = runs(prose, &mentions, &strangers, shared);
            let before = runs
                .iter()
                .filter(|r| r.end <= hit.span.start)
                .map(|r| (distance(prose, Span::new(r.start, r.end), hit.span), r))
                // Up to six words between, none of them ending a clause ("after", "but").
                .filter(|(d, r)| {
                    let gap = word_spans(prose, Span::new(r.end, hit.span.start));
                    // A place stands right before its occasion ("the Paris summit", "Paris
                    // hosted the summit"), not as the subject of a clause ("Riga, agreed to
                    // hold a summit").
                    let place_ok = !kinds.iter().all(|k| *k == EntityKind::Place)
                        || (!prose[r.end..hit.span.start].contains([',', ';', ':'])
                            && gap.iter().all(|w| {
                                matches!(
                                    prose[w.start..w.end].to_lowercase().as_str(),
                                    "hosted"
                                        | "hosts"
                                        | "host"
                                        | "to"
                                        | "will"
                                        | "the"
                                        | "a"
                                        | "an"
                                        | "has"
                                        | "had"
                                        | "was"
                                        | "is"
                                )
                            }));
                    // "Mark Carney's Liberal Party won": the owner is not the subject;
                    // "Prevost, and he was reciting the oath": nor is a list before
                    // another subject.
                    let owner = gap.first().is_some_and(|w| matches!(&prose[w.start..w.end], "s" | "S"))
                        || prose[r.end..hit.span.start]
                            .trim_start()
                            .starts_with(['\'', '\u{2019}']);
                    let owner = owner && gap.len() > 1;
                    let other_subject = gap
                        .iter()
                        .any(|w| lang().cues.pronouns.contains(prose[w.start..w.end].to_lowercase()));
                    // "flying to London came down in Ahmedabad": a list after a
                    // preposition of direction is that preposition's, not the subject.
                    let from = sentence.map_or(r.start, |s| s.start.min(r.start));
                    let governed = word_spans(prose, Span::new(from, r.start))
                        .last()
                        .is_some_and(|w| lang().lists.directions.contains(prose[w.start..w.end].to_lowercase()));
                    place_ok
                        && !governed
                        && !owner
                        && !other_subject
                        && *d <= 6
                        && *d == gap.len()
                        // "Germany praised the hubs", "Britain would join the monitoring":
                        // another part. ("Merz did not sign" is a denial: see `denied`.)
                        && !gap.iter().any(|w| {
                            let w = prose[w.start..w.end].to_lowercase();
                            lang().lists.not_the_agent.contains(&w) || lang().cues.speech_verbs.contains(&w)
                        })
                        && denial(prose, Span::new(r.end, hit.span.start)) != Some(false)
                })
                .min_by_key(|(d, _)| *d)
                .map(|(d, r)| ((false, d), r));
            let after = runs
                .iter()
                // After the phrase comes a place ("a summit in Paris"), an agent ("signed
                // this evening by Macron ..."), or a list after a colon; "hubs in Ukraine"
                // names where, not who.
                .filter(|r| {
                    let (from, to) = (hit.span.end, r.start);
                    from <= to
                        && ((kinds.contains(&EntityKind::Place) && leads_to(prose, from, to))
                            || by_agent(prose, from, to)
                            || (prose[from..to].contains(':') && leads_to(prose, from, to)))
                })
                .map(|r| (distance(prose, hit.span, Span::new(r.start, r.end)), r))
                .min_by_key(|(d, _)| *d)
                .map(|(d, r)| ((true, d), r));
            // "... would be led by the U.S.": a passive's agent is who did it, whoever
            // else the sentence names before the phrase.
            let agent = runs
                .iter()
                .filter(|r| hit.span.end <= r.start && by_agent(prose, hit.span.end, r.start))
                .map(|r| (distance(prose, hit.span, Span::new(r.start, r.end)), r))
                .min_by_key(|(d, _)| *d)
                // Ranked first, before any subject another phrase of the sentence finds.
                .map(|(_, r)| ((false, 0), r));
            let Some((score, run)) = agent.or(before).or(after) else {
                continue;
            };
            let sentence = run.sentence;
            // "The previous summit, held in London": another occasion, not this fact's.
            let list = Span::new(run.start, run.name_end);
            // "a summit in Helsinki next Tuesday": a cue right after the list counts too.
            let tail = word_spans(prose, Span::new(run.end, sentence.end))
                .iter()
                .take(3)
                .next_back()
                .map_or(run.end, |w| w.end);
            if other_occasion(prose, sentence, hit.span, list, &ex.about).is_some()
                || other_occasion(prose, sentence, Span::new(tail, tail), list, &ex.about).is_some()
                || negated(prose, sentence, list)
            {
                continue;
            }
            // "Prevost was announced as ...": the subject of a passive may be what
            // was done, not who did it; "The Greens are on course to win": a
            // list before something not asserted. Either can confirm, not contradict.
            // The phrase's own first word counts too ("was defeated" as written in the base).
            let weak = (run.end <= hit.span.start)
                .then(|| {
                    not_asserted(prose, Span::new(run.end, hit.span.start)).or_else(|| {
                        let first = word_spans(prose, hit.span).first().copied()?;
                        let word = prose[first.start..first.end].to_lowercase();
                        lang()
                            .cues
                            .passive
                            .contains(&word)
                            .then_some(Weak::PassiveSubject { word })
                    })
                })
                .flatten();
            let denied = run.end <= hit.span.start && denial(prose, Span::new(run.end, hit.span.start)) == Some(true);
            let claim = SetClaim {
                denied,
                weak,
                span: list,
                sentence,
                members: run.members.iter().map(|m| m.entity).collect(),
                strangers: run.strangers.iter().map(|s| prose[s.start..s.end].to_owned()).collect(),
                shared: run
                    .shared
                    .iter()
                    .map(|m| (prose[m.name.start..m.name.end].to_owned(), m.candidates.clone()))
                    .collect(),
                link: Link {
                    fact,
                    phrase: hit.phrase.clone(),
                    distance: score.1,
                    hit: hit.span,
                },
                rival: None,
                // "Zelensky, Starmer and the French president signed": the list goes
                // on past its last known member, so a member it seems to omit may be there.
                open: continues_before(prose, sentence, list.start)
                    || (list.end <= hit.span.start && continues_after(prose, list.end, hit.span.start)),
            };
            // Hits come in order, so this sentence's claims are the last ones.
            match best
                .iter_mut()
                .rev()
                .take_while(|(_, c)| c.sentence == claim.sentence)
                // A denial in the sentence is a claim of its own ("The signatories:
                // Macron, Zelensky and Starmer, and why Merz did not sign").
                .find(|(_, c)| c.link.fact == fact && c.denied == claim.denied)
            {
                Some(entry) if score < entry.0 => *entry = (score, claim),
                Some(_) => {}
                None => best.push((score, claim)),
            }
        }
    }
    // One verdict per list: the closest fact; a tie with a fact that disagrees is a rival.
    best.sort_by_key(|(score, claim)| (claim.span, *score, claim.link.fact));
    let mut out: Vec<SetClaim> = Vec::new();
    let mut scores: Vec<(bool, usize)> = Vec::new();
    for (score, claim) in best {
        match out.last_mut() {
            Some(prev) if prev.span == claim.span => {
                let prev_score = *scores.last().expect("parallel to out");
                if score == prev_score && !same_value(base, prev.link.fact, claim.link.fact) {
                    prev.rival = Some(claim.link.fact);
                }
            }
            _ => {
                out.push(claim);
                scores.push(score);
            }
        }
    }
    out
}

/// Kind of claim a set makes: one entity or several.
pub fn set_kind(base: &FactBase, claim: &SetClaim) -> Kind {
    match base.facts[claim.link.fact].value {
        FactValue::Entity(_) => Kind::Entity,
        _ => Kind::Entities,
    }
}

/// Places written "in Paris" or "at Kyiv" (or "the Paris meeting") that no
/// sentence phrase ties to a fact, each tied to a place fact whose value it
/// is and whose `about` phrase the article uses somewhere: the nearest such
/// phrase names the fact. As with [`link_by_unit`], such a link can only
/// agree: a place unlike the fact's is not linked at all, since the article
/// may name it for anything. `taken` are the spans the sentence-linked sets
/// already claim, sorted.
pub fn place_agreements(
    prose: &str,
    ex: &Extraction,
    base: &FactBase,
    published: Option<Date>,
    taken: &[Span],
) -> Vec<SetClaim> {
    // The phrases of place facts, by the place they name, in text order: each
    // mention then looks only at its place's phrases, by position.
    let mut phrases: HashMap<&str, Vec<(Span, usize, &AboutHit)>> = HashMap::new();
    for h in &ex.about {
        for &f in &h.facts {
            if let FactValue::Entity(e) = &base.facts[f].value
                && base.facts[f].valid.at(published) == At::Holds
            {
                phrases.entry(e.as_str()).or_default().push((h.span, f, h));
            }
        }
    }
    let mut out = Vec::new();
    for m in &ex.entities {
        let entity = &base.entities[m.entity];
        if entity.kind != EntityKind::Place {
            continue;
        }
        let Some(list) = phrases.get(entity.id.as_str()) else {
            continue;
        };
        // `taken` is sorted: a span overlapping this one starts just before its end.
        let upto = taken.partition_point(|t| t.start < m.full().end);
        if taken[upto.saturating_sub(4)..upto].iter().any(|t| t.overlaps(m.full())) {
            continue;
        }
        let before = word_spans(prose, Span::new(m.sentence.start, m.full().start));
        let located = before
            .last()
            .is_some_and(|w| matches!(prose[w.start..w.end].to_lowercase().as_str(), "in" | "at"))
            && prose[before.last().map_or(m.full().start, |w| w.end)..m.full().start]
                .trim()
                .is_empty();
        // "the Paris meeting": the place names an occasion a phrase right after it gives.
        let names_occasion = starting_in(&ex.about, Span::new(m.span.end, m.sentence.end), |h| h.span.start)
            .first()
            .is_some_and(|h| prose[m.span.end..h.span.start].trim().is_empty());
        if !(located || names_occasion) {
            continue;
        }
        if negated(prose, m.sentence, m.full())
            || other_occasion(prose, m.sentence, Span::new(m.span.start, m.span.start), m.full(), &[]).is_some()
        {
            continue;
        }
        let gap = |h: Span| {
            if h.end <= m.span.start {
                m.span.start - h.end
            } else {
                h.start.saturating_sub(m.span.end)
            }
        };
        // The nearest phrase stands just before or just after the mention.
        let at = list.partition_point(|(h, _, _)| h.start < m.span.start);
        let near = &list[at.saturating_sub(4)..(at + 4).min(list.len())];
        let Some(&(_, fact, hit)) = near.iter().min_by_key(|(h, f, _)| (gap(*h), *f)) else {
            continue;
        };
        out.push(SetClaim {
            span: m.full(),
            sentence: m.sentence,
            members: vec![m.entity],
            strangers: Vec::new(),
            link: Link {
                fact,
                phrase: hit.phrase.clone(),
                distance: MAX_DISTANCE,
                hit: hit.span,
            },
            rival: None,
            open: false,
            weak: None,
            shared: Vec::new(),
            denied: false,
        });
    }
    out
}
