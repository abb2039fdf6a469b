//! Shared names: which of the entities that share a spelling an article
//! means ("Johnson" for Boris Johnson and Mike Johnson; "London" for the
//! city and for Jack London). Rule U016 (`factcheck rules U016`).
//!
//! A newsroom's fact base of a few thousand people has such pairs, and
//! loading it is no error: the index keeps every entity of a spelling (see
//! `crate::facts::Index::aliases_in`), and this module decides between them
//! with one function over the candidates ([`resolve`]). Each cue, in order,
//! keeps the candidates it fits, when it fits any:
//!
//! 1. a longer spelling written: the full name ("Boris Johnson") is found
//!    as such by the index, and a first name before the surname ("Michael
//!    Johnson", or a near miss of one, "Borris Johnson") keeps the
//!    candidates of that given name; a first name none of them has is
//!    someone else of that surname, and names no one of the base;
//! 2. a title before or after the name that one candidate's `roles` hold
//!    ("Prime Minister Johnson", "Speaker Johnson"), at the article's date
//!    first, then at any time;
//! 3. the kind of entity the context needs: a place after "in" or "at"
//!    (`names.place_before`), a person under a title, no place before a
//!    speech verb ("London said": the writer, not the city);
//! 4. the occasion the sentence is about: a candidate that takes part in an
//!    event the sentence names, dates or places; failing that, in one it
//!    ties by a phrase, or a member, value or speaker of a fact it ties;
//! 5. an earlier mention in the same article that named one of them alone
//!    (newsroom style: "Mike Johnson" first, "Johnson" after).
//!
//! What is left of two or more is a [`SharedMention`]: a claim that needs it
//! (a title, a list, a quotation's speaker) is unverifiable with U016 and a
//! message naming the candidates, never a discrepancy.

use std::collections::HashSet;

use jiff::civil::Date;

use super::people::{is_office_word, is_title_word, may_misspell, near, same_given_name};
use super::{EntityMention, word_spans};
use crate::facts::{AboutHit, EntityKind, FactBase, Index, RoleFinding, judge_role};
use crate::lexicon::{Title, lang};
use crate::span::Span;

/// A name that several known entities share, and that nothing in the
/// article decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedMention {
    /// The entities it may name (indexes), in entity order; two or more.
    pub candidates: Vec<usize>,
    /// The name as written.
    pub span: Span,
    /// A title written with it ("Chancellor Johnson"), if any.
    pub title: Option<Span>,
    /// The title is followed by a period cue (see [`EntityMention::period`]).
    pub period: bool,
    pub sentence: Span,
}

impl SharedMention {
    /// Title and name together.
    pub fn full(&self) -> Span {
        self.title.map_or(self.span, |t| t.cover(self.span))
    }
}

/// The cues that may decide a shared name, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    GivenName,
    Title,
    Kind,
    Occasion,
    Earlier,
}

/// What the article has named so far: the entities a spelling of their
/// own, a first name or a title named, for a later bare name.
#[derive(Debug, Default)]
pub struct Named {
    entities: HashSet<usize>,
}

impl Named {
    pub fn insert(&mut self, entity: usize) {
        self.entities.insert(entity);
    }
}

/// What a sentence says around its names, for [`resolve`].
pub struct Around<'a> {
    pub prose: &'a str,
    pub sentence: Span,
    pub base: &'a FactBase,
    pub index: &'a Index,
    pub published: Option<Date>,
    /// The dates written in the sentence.
    pub dates: &'a [Date],
    /// The `about` phrases (and event names) in the sentence.
    pub about: &'a [AboutHit],
    /// The events the sentence names.
    pub events: &'a [usize],
    /// The places and countries it names by a spelling of their own.
    pub places: &'a [usize],
}

/// What a shared name turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// One entity, and the cue that decided it.
    One(EntityMention, Cue),
    /// A first name none of the candidates has: someone else of that name.
    Nobody,
    /// Two or more candidates still.
    Shared(SharedMention),
}

/// A cue: which of the candidates left it keeps (one flag each), or None
/// when it says nothing here.
type Keeps<'a> = dyn Fn(&[&EntityMention]) -> Option<Vec<bool>> + 'a;

/// Decide between the mentions of one spelling, one per candidate entity
/// (each with the title found for it), in entity order.
pub fn resolve(cx: &Around<'_>, group: &[EntityMention], named: &Named) -> Resolved {
    let mut left: Vec<&EntityMention> = group.iter().collect();
    let cues: [(Cue, &Keeps<'_>); 5] = [
        (Cue::GivenName, &|l| given_name(cx, l)),
        (Cue::Title, &|l| title(cx, l)),
        (Cue::Kind, &|l| kind(cx, l)),
        (Cue::Occasion, &|l| occasion(cx, l)),
        (Cue::Earlier, &|l| {
            Some(l.iter().map(|m| named.entities.contains(&m.entity)).collect())
        }),
    ];
    for (cue, keeps) in cues {
        let Some(kept) = keeps(&left) else { continue };
        if !kept.contains(&true) {
            // A first name of no candidate's: someone else. Any other cue
            // that fits none says nothing.
            if cue == Cue::GivenName {
                return Resolved::Nobody;
            }
            continue;
        }
        let mut k = kept.iter();
        left.retain(|_| *k.next().expect("one flag a candidate"));
        if let [one] = left.as_slice() {
            return Resolved::One(**one, cue);
        }
    }
    let first = left[0];
    // The title found for a person (a place has none).
    let titled = left.iter().find(|m| m.title.is_some()).unwrap_or(&first);
    Resolved::Shared(SharedMention {
        candidates: left.iter().map(|m| m.entity).collect(),
        span: titled.span,
        title: titled.title,
        period: titled.period,
        sentence: first.sentence,
    })
}

/// Each candidate's flag from the best tier that holds any: the first list
/// of flags with a `true` in it, else None.
fn best_tier(tiers: Vec<Vec<bool>>) -> Option<Vec<bool>> {
    let fallback = tiers.first().cloned();
    tiers.into_iter().find(|t| t.contains(&true)).or(fallback)
}

/// A capitalised word right before the name that is a given name
/// ("Michael Johnson"): the candidates whose name has it, or a near miss of
/// it ("Borris Johnson"). None when no such word stands there.
fn given_name(cx: &Around<'_>, left: &[&EntityMention]) -> Option<Vec<bool>> {
    let at = left.iter().map(|m| m.span.start).min()?;
    if left.iter().any(|m| m.title.is_some_and(|t| t.end <= at)) {
        return None;
    }
    let w = *word_spans(cx.prose, Span::new(cx.sentence.start, at)).last()?;
    let word = &cx.prose[w.start..w.end];
    let vocab = &cx.index.titles;
    let given = cx.prose[w.end..at] == *" "
        && word.chars().count() >= 2
        && word.starts_with(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        // "BBC London" is no one called BBC.
        && !word.chars().skip(1).all(char::is_uppercase)
        && !lang().names.honorifics.contains(word.to_lowercase())
        && !is_title_word(word, vocab)
        && !is_office_word(word, vocab)
        && may_misspell(word)
        && crate::lexicon::month_number(word).is_none()
        && crate::lexicon::weekday(word).is_none();
    if !given {
        return None;
    }
    let fold = |s: &str| deunicode::deunicode(s).to_lowercase();
    let written = fold(word);
    let names = |m: &EntityMention| -> Vec<String> {
        cx.base.entities[m.entity]
            .spellings()
            .filter(|s| s.split_whitespace().count() >= 2)
            .filter_map(|s| s.split_whitespace().next())
            .map(fold)
            .collect()
    };
    let same: Vec<bool> = left
        .iter()
        .map(|m| names(m).iter().any(|g| same_given_name(&written, g)))
        .collect();
    let close: Vec<bool> = left
        .iter()
        .map(|m| names(m).iter().any(|g| near(&written, g)))
        .collect();
    best_tier(vec![same, close])
}

/// A title written with the name: the candidates whose roles hold it at the
/// article's date, else those who held it at some time. None without a title.
fn title(cx: &Around<'_>, left: &[&EntityMention]) -> Option<Vec<bool>> {
    if left.iter().all(|m| m.title.is_none()) {
        return None;
    }
    let tier = |m: &EntityMention| -> Option<u8> {
        let t = m.title?;
        let parsed = Title::parse(&cx.prose[t.start..t.end]);
        let ever = || {
            let plain = Title {
                former: false,
                ..parsed.clone()
            };
            cx.index.roles[m.entity].iter().any(|r| plain.fits(r))
        };
        match judge_role(cx.base, cx.index, m.entity, &parsed, cx.published) {
            RoleFinding::Holds { .. } | RoleFinding::Held { .. } => Some(0),
            RoleFinding::NotThen { .. } | RoleFinding::StillHolds { .. } | RoleFinding::NoDate { .. } => {
                Some(if m.period { 0 } else { 1 })
            }
            RoleFinding::CannotTell(_) => ever().then_some(1),
            RoleFinding::Wrong { .. } | RoleFinding::NoRoles => None,
        }
    };
    let tiers: Vec<Option<u8>> = left.iter().map(|m| tier(m)).collect();
    best_tier(
        [0, 1]
            .iter()
            .map(|&t| tiers.iter().map(|x| *x == Some(t)).collect())
            .collect(),
    )
}

/// The kind of entity the words around the name need: a place after "in"
/// or "at", a person under a title or before a speech verb. None when they
/// need no kind.
fn kind(cx: &Around<'_>, left: &[&EntityMention]) -> Option<Vec<bool>> {
    let at = left.iter().map(|m| m.span.start).min()?;
    let end = left.iter().map(|m| m.span.end).max()?;
    let before = word_spans(cx.prose, Span::new(cx.sentence.start, at))
        .last()
        .filter(|w| cx.prose[w.end..at].trim().is_empty())
        .map(|w| cx.prose[w.start..w.end].to_lowercase());
    let after = word_spans(cx.prose, Span::new(end, cx.sentence.end))
        .first()
        .filter(|w| cx.prose[end..w.start].trim().is_empty())
        .map(|w| cx.prose[w.start..w.end].to_lowercase());
    let place = before.is_some_and(|w| lang().names.place_before.contains(w));
    let titled = left.iter().any(|m| m.title.is_some());
    // Organisations and countries speak too ("Ford said", "Britain said"):
    // a speech verb rules out a place only.
    let speaks = after.is_some_and(|w| lang().cues.speech_verbs.contains(&w) || lang().quotes.verbs.contains(&w));
    if place == (titled || speaks) {
        return None;
    }
    Some(
        left.iter()
            .map(|m| match cx.base.entities[m.entity].kind {
                EntityKind::Place => place,
                EntityKind::Country => place || (speaks && !titled),
                EntityKind::Person => !place,
                EntityKind::Organisation => !place && !titled,
            })
            .collect(),
    )
}

/// The occasion the sentence is about: the candidates that take part in an
/// event it names, dates or places; failing any, one it ties by a phrase, or
/// a fact of no event it ties by a phrase whose member, value or speaker
/// they are. (A phrase like "signed" may be shared by many occasions; a
/// name, a day or a place is the occasion's own.)
fn occasion(cx: &Around<'_>, left: &[&EntityMention]) -> Option<Vec<bool>> {
    let phrases: Vec<String> = cx.about.iter().map(|h| h.phrase.trim().to_lowercase()).collect();
    let tied = |about: &[String]| about.iter().any(|a| phrases.contains(&a.trim().to_lowercase()));
    let own = |ev: usize| {
        let event = &cx.base.events[ev];
        cx.events.contains(&ev)
            || event.date.is_some_and(|d| cx.dates.contains(&d))
            || event
                .place
                .as_deref()
                .and_then(|p| cx.base.entity_position(p))
                .is_some_and(|p| cx.places.contains(&p))
    };
    let phrased = |ev: usize| {
        let event = &cx.base.events[ev];
        tied(&event.about)
            || cx
                .base
                .facts_of_event(&event.id)
                .iter()
                .any(|&f| tied(&cx.base.facts[f].about))
    };
    let occasions = |m: &&EntityMention| cx.index.shared.occasions(m.entity);
    let named: Vec<bool> = left
        .iter()
        .map(|m| occasions(m).is_some_and(|o| o.events.iter().any(|&ev| own(ev))))
        .collect();
    let linked: Vec<bool> = left
        .iter()
        .map(|m| {
            occasions(m).is_some_and(|o| {
                o.events.iter().any(|&ev| phrased(ev)) || o.facts.iter().any(|&f| tied(&cx.base.facts[f].about))
            })
        })
        .collect();
    best_tier(vec![named, linked])
}
