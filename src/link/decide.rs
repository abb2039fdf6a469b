//! The decision: which fact, if any, each claim is judged against, and by
//! which route.
//!
//! Every typed mention is linked once by the phrase route ([`super::link`]:
//! the `about` phrases of its sentence, ranked, with the link rules that veto
//! or weaken the best). [`Linker::decide`] then takes that outcome and, in
//! one place, goes down the routes in order:
//!
//! 1. a strong route: the sentence's phrase; failing it, a phrase in the
//!    paragraph with a value close to the fact's; a headline figure held
//!    against the body's link; a phrase anywhere in the article with a
//!    value very close to the fact's;
//! 2. the rules that overrule a strong link (the phrase belongs to a closer
//!    claim, the sentence places or dates it elsewhere);
//! 3. arithmetic: a part larger than its whole needs no fact;
//! 4. the routes that may only agree: the unit alone, the size of a complete
//!    list, a phrase of the fact's occasion only; each is kept only when the
//!    claim's value agrees with the fact's, so none can raise a false alarm;
//! 5. the calendar, for a weekday written beside its own date;
//! 6. otherwise the claim is unverifiable, with the rule that weakened the
//!    best link, or no fact of its kind at all.
//!
//! A decision names the fact and the route ([`Because`]); `crate::verdict`
//! compares the claim with the fact.

use jiff::civil::Date;

use crate::article::Article;
use crate::extract::{EntityMention, Extraction, Kind, Mention, Value, word_spans};
use crate::facts::{At, EntityKind, FactBase, FactValue};
use crate::finding::{Because, Weak};
use crate::lexicon::lang;
use crate::span::{Span, one_line, starting_in};

use super::{Link, Linked, SetClaim, cued_against, fits, link, link_by_unit, link_nearby, same_value};

/// Whether a claim is written as a point: a bound, a range or an
/// approximation ("more than 35") agrees with too many values to say whose
/// it is, so its value decides nothing.
fn is_point(m: &Mention) -> bool {
    match &m.value {
        Value::Count { amount, .. } | Value::Money { amount, .. } | Value::Percent { amount } => {
            amount.qualifier.is_none() && amount.to.is_none() && !amount.vague
        }
        _ => true,
    }
}

/// Whether two phrase lists are the same set (in any order or case).
fn same_phrases(a: &[String], b: &[String]) -> bool {
    let key = |l: &[String]| {
        let mut v: Vec<String> = l.iter().map(|p| p.to_lowercase()).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    key(a) == key(b)
}

/// What the decision is for one typed mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Judged against `link.fact`, by the route `because` names. A route
    /// that may only agree is decided only when the claim agrees.
    Linked { link: Link, because: Because },
    /// A count of the members of a complete list (`fact`), which agrees.
    ListSize { fact: usize, phrase: String },
    /// A part larger than the whole written before it (its span).
    PartExceedsWhole { whole: Span },
    /// A weekday written beside its own date: the calendar judges it.
    Calendar,
    /// Several facts that disagree fit equally well.
    Ambiguous(Vec<usize>),
    /// Facts of the kind exist, but the best link is too weak to judge by.
    Unlinked { facts: Vec<usize>, reason: Weak },
    /// No fact of the claim's kind could apply.
    NoFact,
}

/// What linking an article's claims reads, and every typed mention's phrase
/// links, made once: deciding one claim reads the others' links here
/// instead of linking them again.
pub struct Linker<'a> {
    pub article: &'a Article,
    pub base: &'a FactBase,
    pub ex: &'a Extraction,
    /// The phrase route's outcome, per mention (in `ex.mentions` order).
    phrase: Vec<Linked>,
    /// The unit-alone link, per mention, made on first use.
    unit: Vec<std::cell::OnceCell<Option<Link>>>,
}

impl<'a> Linker<'a> {
    /// Ready to link an article's claims: the phrase route of every typed
    /// mention is taken once, here.
    pub fn new(article: &'a Article, base: &'a FactBase, ex: &'a Extraction) -> Linker<'a> {
        let phrase = ex
            .mentions
            .iter()
            .map(|m| match m.value {
                Value::Quote { .. } | Value::Role { .. } | Value::Name { .. } => Linked::Nothing,
                _ => link(&article.prose, m, ex, base, article.published),
            })
            .collect();
        Linker {
            ex,
            phrase,
            unit: ex.mentions.iter().map(|_| std::cell::OnceCell::new()).collect(),
            article,
            base,
        }
    }

    /// The position of `m` in `ex.mentions` (sorted by span, then kind).
    fn at(&self, m: &Mention) -> usize {
        let key = (m.span.start, m.span.end, m.kind);
        self.ex
            .mentions
            .binary_search_by(|o| (o.span.start, o.span.end, o.kind).cmp(&key))
            .expect("a mention of this article")
    }

    /// How the phrase route links `m`.
    fn phrase(&self, m: &Mention) -> &Linked {
        &self.phrase[self.at(m)]
    }

    /// How `m`'s unit alone links it, if it does.
    fn unit(&self, m: &Mention) -> Option<&Link> {
        self.unit[self.at(m)]
            .get_or_init(|| link_by_unit(&self.article.prose, m, self.ex, self.base, self.article.published))
            .as_ref()
    }
}

impl Linker<'_> {
    fn text(&self, span: Span) -> &str {
        &self.article.text[span.start..span.end]
    }

    /// Whether `m` agrees with `fact` (for the routes that may only agree).
    fn agrees(&self, m: &Mention, fact: usize) -> bool {
        let cx = crate::kinds::Cx {
            text: &self.article.text,
            published: self.article.published,
        };
        crate::kinds::of(m.kind).is_some_and(|k| k.compare(cx, m, &self.base.facts[fact]).ok)
    }

    /// The decision for one typed mention (not a quotation, title or name,
    /// which name what they are checked against): see the module's summary.
    pub fn decide(&self, m: &Mention) -> Decision {
        let mut linked = self.phrase(m).clone();
        let mut because: Option<Because> = None;
        if matches!(linked, Linked::Weak { .. }) {
            let near = |scope: Span, tight: bool| {
                link_nearby(
                    &self.article.prose,
                    m,
                    &self.ex.about,
                    self.base,
                    self.article.published,
                    scope,
                    tight,
                )
            };
            // Its paragraph first; then a headline figure held against the
            // body's; then the whole article, for a value very close to a fact's.
            let whole = Span::new(0, self.article.text.len());
            let found_link = self
                .article
                .block_of(m.span)
                .and_then(|paragraph| near(paragraph, false));
            if let Some(l) = found_link {
                because = Some(Because::Nearby {
                    phrase: l.phrase.clone(),
                });
                linked = Linked::Strong(l);
            } else if let Some(l) = self.headline_link(m) {
                because = Some(Because::Headline {
                    fact: self.base.facts[l.fact].id.clone(),
                });
                linked = Linked::Strong(l);
            } else if let Some(l) = near(whole, true) {
                because = Some(Because::Nearby {
                    phrase: l.phrase.clone(),
                });
                linked = Linked::Strong(l);
            }
        }
        // A strong link can still be overruled by what else the sentence says.
        let linked = match linked {
            Linked::Strong(l) => match self.overruled(m, &l) {
                Some(reason) => Linked::Weak {
                    facts: vec![l.fact],
                    reason,
                },
                None => Linked::Strong(l),
            },
            other => other,
        };
        if !matches!(linked, Linked::Strong(_))
            && let Some(whole) = self.part_larger_than_whole(m)
        {
            return Decision::PartExceedsWhole { whole };
        }
        match linked {
            Linked::Strong(l) => {
                if !self.agrees(m, l.fact)
                    && let Some(d) = self.value_of_another(m, &l)
                {
                    return d;
                }
                if let Some(reason) = self.other_magnitude(m, l.fact) {
                    return Decision::Unlinked {
                        facts: vec![l.fact],
                        reason,
                    };
                }
                let because = because.unwrap_or_else(|| Because::Phrase {
                    phrase: l.phrase.clone(),
                    unit: match &m.value {
                        Value::Count { unit, .. } => Some(unit.clone()),
                        _ => None,
                    },
                });
                Decision::Linked { link: l, because }
            }
            Linked::Ambiguous(facts) => match self
                .value_decides(&facts)
                .then(|| self.agreeing(m, m.sentence, &|f| facts.contains(&f)))
                .flatten()
            {
                Some(link) => Decision::Linked {
                    because: Because::ValueDecides {
                        phrase: link.phrase.clone(),
                        instead: None,
                    },
                    link,
                },
                None => Decision::Ambiguous(facts),
            },
            Linked::Weak { facts, reason } => {
                if let Some((link, because)) = self.by_unit_alone(m) {
                    return Decision::Linked { link, because };
                }
                if let Some(d) = self.size_of_set(m) {
                    return d;
                }
                if matches!(reason, Weak::NoPhrase)
                    && let Some((link, because)) = self.by_occasion(m)
                {
                    return Decision::Linked { link, because };
                }
                if is_calendar(m) {
                    return Decision::Calendar;
                }
                let paragraph = self.article.block_of(m.span).unwrap_or(m.sentence);
                let phraseless = matches!(reason, Weak::NoPhrase | Weak::TooFar { .. } | Weak::WholeOfPart { .. });
                // The sentence's (or, with no phrase near, the paragraph's) fact
                // whose value it has; never past a rule that speaks against the
                // sentence as a whole (another place, another day).
                if phraseless
                    && let Some(link) = self
                        .agreeing(m, m.sentence, &|_| true)
                        .or_else(|| self.agreeing(m, paragraph, &|_| true))
                {
                    return Decision::Linked {
                        because: Because::Nearby {
                            phrase: link.phrase.clone(),
                        },
                        link,
                    };
                }
                Decision::Unlinked { facts, reason }
            }
            Linked::Nothing if is_calendar(m) => Decision::Calendar,
            Linked::Nothing => Decision::NoFact,
        }
    }

    /// The facts a claim's `scope` (its sentence or paragraph) speaks of, that
    /// fit the claim and pass `keep`, and whose value the claim has: the
    /// nearest. A figure that is exactly one of them is that one's, however
    /// the phrases rank ("242 people were on board; 241 died": 242 is not
    /// the death toll). In another sentence only the cues against a link
    /// apply, not its distance.
    fn agreeing(&self, m: &Mention, scope: Span, keep: &dyn Fn(usize) -> bool) -> Option<Link> {
        if !is_point(m) {
            return None;
        }
        let (prose, base, published) = (&self.article.prose, self.base, self.article.published);
        let subjects = super::Subjects::of(base, self.ex, m);
        let sentence_about = starting_in(&self.ex.about, m.sentence, |h| h.span.start);
        let mut best: Option<Link> = None;
        // A phrase in a count's own unit ("242 people on board") names what it counts.
        let own = match &m.value {
            Value::Count { amount, .. } => Span::new(m.span.start, amount.number.end),
            _ => m.span,
        };
        for h in starting_in(&self.ex.about, scope, |h| h.span.start) {
            if !scope.contains(h.span) || h.span.overlaps(own) {
                continue;
            }
            let d = super::distance(prose, h.span, m.span);
            if best.as_ref().is_some_and(|b| b.distance <= d) {
                continue;
            }
            let found = h.facts.iter().copied().find(|&f| {
                keep(f)
                    && fits(base, f, m)
                    && base.facts[f].valid.at(published) == At::Holds
                    && subjects.allow(base, f)
                    && self.agrees(m, f)
            });
            let Some(fact) = found else { continue };
            let l = Link {
                fact,
                phrase: h.phrase.clone(),
                distance: d,
                hit: h.span,
            };
            let vetoed = if m.sentence.contains(h.span) {
                // The subject names what is measured, however long the clause between.
                match super::against_link(prose, m, sentence_about, base, published, &l) {
                    Some(Weak::TooFar { .. }) => !self.subject_of(m, h.span),
                    other => other.is_some(),
                }
            } else {
                cued_against(prose, m, sentence_about)
            };
            if !vetoed {
                best = Some(l);
            }
        }
        best
    }

    /// A claim that differs from the fact it links but has exactly the value
    /// of another fact its sentence speaks of is that fact's: the value
    /// decides, over a few words of distance (L030). Unless the link is
    /// certain, its phrase right by the figure ("killed 242 people on board",
    /// "a $4.6 billion charge"), and the other fact's phrase is not the
    /// subject before the figure ("its data center unit ... brought in $39.1
    /// billion"). The other fact in the paragraph decides too, when the link
    /// is not certain; one the article speaks of only further away makes the
    /// claim too uncertain to judge either way.
    fn value_of_another(&self, m: &Mention, l: &Link) -> Option<Decision> {
        if !is_point(m) {
            return None;
        }
        let linked = l.fact;
        let prose = &self.article.prose;
        let in_sentence = m.sentence.contains(l.hit);
        let between = if l.hit.end <= m.span.start {
            Span::new(l.hit.end, m.span.start)
        } else {
            Span::new(m.span.end, l.hit.start.max(m.span.end))
        };
        let certain = in_sentence && (l.hit.overlaps(m.span) || word_spans(prose, between).is_empty());
        let instead = Some(self.base.facts[linked].id.clone());
        let matched = |link: Link| Decision::Linked {
            because: Because::ValueDecides {
                phrase: link.phrase.clone(),
                instead: instead.clone(),
            },
            link,
        };
        // Of two occasions, one the sentence names outright (a proper name, a
        // day, a year, a place) is the claim's: the other's value does not move
        // it there; nor to an occasion after the publication date. Common words
        // ("a year earlier") or the publication date alone do not bar it.
        let cues = std::cell::OnceCell::new();
        let other_occasion = |f: usize| {
            let (a, b) = (&self.base.facts[linked].event, &self.base.facts[f].event);
            a != b && {
                let later = b
                    .as_deref()
                    .and_then(|e| self.base.event(e))
                    .and_then(|e| e.date)
                    .zip(self.article.published)
                    .is_some_and(|(d, p)| d > p);
                let cues = cues.get_or_init(|| {
                    crate::occasion::Cues::of(
                        self.base,
                        self.ex,
                        &self.article.prose,
                        m.sentence,
                        self.article.published,
                    )
                    .near(m.span)
                });
                later
                    || a.is_some()
                        && crate::occasion::decide_how(self.base, &[linked, f], cues)
                            == a.as_deref().map(|e| (e, crate::occasion::Firmly::Written))
            }
        };
        let linked_other = |f: usize| f != linked && !other_occasion(f);
        if let Some(alt) = self.agreeing(m, m.sentence, &linked_other) {
            return (!certain || self.subject_of(m, alt.hit)).then(|| matched(alt));
        }
        if certain {
            return None;
        }
        let paragraph = self.article.block_of(m.span).unwrap_or(m.sentence);
        if let Some(alt) = self.agreeing(m, paragraph, &linked_other) {
            return Some(matched(alt));
        }
        let published = self.article.published;
        let other = self
            .ex
            .about
            .iter()
            .flat_map(|h| h.facts.iter().chain(&h.occasion).copied())
            .find(|&f| {
                linked_other(f)
                    && fits(self.base, f, m)
                    && self.base.facts[f].valid.at(published) == At::Holds
                    && self.agrees(m, f)
            })?;
        Some(Decision::Unlinked {
            facts: vec![linked],
            reason: Weak::ValueOfAnother {
                fact: self.base.facts[other].id.clone(),
            },
        })
    }

    /// Whether the value may decide between facts that fit a claim equally
    /// well: facts of one occasion that say different things (a year-on-year
    /// and a quarter-on-quarter rise), not facts of two occasions (which the
    /// sentence must tell apart) nor facts no phrase tells apart (a
    /// contradiction in the fact base).
    fn value_decides(&self, facts: &[usize]) -> bool {
        let fact = |f: usize| &self.base.facts[f];
        let Some(&first) = facts.first() else {
            return false;
        };
        facts.iter().all(|&f| fact(f).event == fact(first).event)
            && facts.iter().enumerate().all(|(i, &a)| {
                facts[i + 1..]
                    .iter()
                    .all(|&b| same_value(self.base, a, b) || !same_phrases(&fact(a).about, &fact(b).about))
            })
    }

    /// A count or sum ten times larger or smaller than the fact's, and not
    /// the same figure on another scale ("$44 million" for $44 billion is a
    /// slip; "42,374 votes" for a national 8,595,488 is a riding's count):
    /// another quantity than the fact's (L034).
    fn other_magnitude(&self, m: &Mention, fact: usize) -> Option<Weak> {
        let written = match &m.value {
            Value::Count { amount, .. } | Value::Money { amount, .. } => amount.value,
            _ => return None,
        };
        let expected = match self.base.facts[fact].value {
            FactValue::Count(n) => n as f64,
            FactValue::Amount(n) => n,
            _ => return None,
        };
        if written <= 0.0 || expected <= 0.0 {
            return None;
        }
        let ratio = written / expected;
        if (0.1..=10.0).contains(&ratio) {
            return None;
        }
        let mantissa = |v: f64| v / 10f64.powf(v.log10().floor());
        let slip = (mantissa(written) - mantissa(expected)).abs() / mantissa(expected) <= 0.05;
        (!slip).then(|| Weak::OtherMagnitude {
            fact: self.base.facts[fact].id.clone(),
        })
    }

    /// Whether a phrase stands before the claim in its clause (no clause break
    /// between), where the subject of the figure's verb stands.
    fn subject_of(&self, m: &Mention, hit: Span) -> bool {
        let prose = &self.article.prose;
        hit.end <= m.span.start
            && m.sentence.contains(hit)
            && !prose[hit.end..m.span.start].contains([';', ':'])
            && !word_spans(prose, Span::new(hit.end, m.span.start))
                .iter()
                .any(|w| lang().cues.clause_breaks.contains(prose[w.start..w.end].to_lowercase()))
    }

    /// A claim whose sentence holds no phrase of a fitting fact, only a phrase
    /// of the occasion fitting facts belong to ("At the summit, 35 countries
    /// ..." where the count has phrases of its own): the occasion says which
    /// summit, not which of its figures, so such a link can confirm a fact
    /// but never contradict it. Of two occasions of one name, the sentence or
    /// the publication date must decide which ([`crate::occasion::decide`]).
    fn by_occasion(&self, m: &Mention) -> Option<(Link, Because)> {
        let ex = self.ex;
        let published = self.article.published;
        let hits: Vec<(usize, &crate::facts::AboutHit)> = starting_in(&ex.about, m.sentence, |h| h.span.start)
            .iter()
            .filter(|h| m.sentence.contains(h.span) && !h.span.overlaps(m.span))
            .flat_map(|h| h.occasion.iter().map(move |&f| (f, h)))
            .filter(|&(f, _)| fits(self.base, f, m) && self.base.facts[f].valid.at(published) == At::Holds)
            .collect();
        let (first, _) = hits.first()?;
        let mut facts: Vec<usize> = hits.iter().map(|(f, _)| *f).collect();
        facts.sort_unstable();
        facts.dedup();
        if facts
            .iter()
            .any(|&f| self.base.facts[f].event != self.base.facts[*first].event)
        {
            let cues =
                crate::occasion::Cues::of(self.base, ex, &self.article.prose, m.sentence, published).near(m.span);
            let event = crate::occasion::decide(self.base, &facts, &cues)?;
            facts.retain(|&f| self.base.facts[f].event.as_deref() == Some(event));
        }
        let fact = *facts.first()?;
        if facts
            .iter()
            .any(|&f| self.base.facts[f].value != self.base.facts[fact].value)
            || cued_against(&self.article.prose, m, &ex.about)
            || self.dated_elsewhere(m.sentence, fact).is_some()
        {
            return None;
        }
        let (_, hit) = hits.iter().find(|(f, _)| *f == fact)?;
        let l = Link {
            fact,
            phrase: hit.phrase.clone(),
            distance: 0,
            hit: hit.span,
        };
        let why = Because::Occasion {
            phrase: hit.phrase.clone(),
            fact: self.base.facts[fact].id.clone(),
        };
        self.agrees(m, l.fact).then_some((l, why))
    }

    /// A figure no phrase links, tied to the one fact of its unit
    /// ([`link_by_unit`]): kept when it agrees, else nothing (the caller says
    /// unverifiable).
    fn by_unit_alone(&self, m: &Mention) -> Option<(Link, Because)> {
        let l = self.unit(m)?.clone();
        if self.dated_elsewhere(m.sentence, l.fact).is_some() {
            return None;
        }
        // "on Tuesday" may be any Tuesday's news: it is the occasion's day only
        // beside a figure of that occasion ("On Tuesday, 35 countries ...").
        if m.kind == Kind::Weekday && !self.beside_its_occasion(m, l.fact) {
            return None;
        }
        let why = Because::UnitAlone {
            basis: l.phrase.clone(),
            fact: self.base.facts[l.fact].id.clone(),
        };
        self.agrees(m, l.fact).then_some((l, why))
    }

    /// "Three leaders signed the declaration": a count of the members of a
    /// complete list whose phrase stands in the sentence, in a unit that fits
    /// them (people for people, countries for countries). Like
    /// [`Self::by_unit_alone`], it can only agree: "27 leaders" beside "signed"
    /// may count those present, not the signatories.
    fn size_of_set(&self, m: &Mention) -> Option<Decision> {
        let ex = self.ex;
        let Value::Count { amount, unit, .. } = &m.value else {
            return None;
        };
        let unit = unit.to_lowercase();
        let kind = if lang().lists.people_units.iter().any(|u| unit.starts_with(u)) {
            EntityKind::Person
        } else if lang().lists.country_units.contains(&unit) {
            EntityKind::Country
        } else {
            return None;
        };
        let fits = |n: usize| amount.allows(n as f64);
        let published = self.article.published;
        let (index, hit) = starting_in(&ex.about, m.sentence, |h| h.span.start)
            .iter()
            .filter(|h| m.sentence.contains(h.span) && !h.span.overlaps(m.span))
            .flat_map(|h| h.facts.iter().map(move |&f| (f, h)))
            .find(|&(f, _)| {
                let fact = &self.base.facts[f];
                let FactValue::Entities(list) = &fact.value else {
                    return false;
                };
                fact.complete
                    && fact.valid.at(published) == At::Holds
                    && fits(list.len())
                    && list.iter().all(|e| self.base.entity(e).is_some_and(|e| e.kind == kind))
            })?;
        if self.dated_elsewhere(m.sentence, index).is_some() {
            return None;
        }
        Some(Decision::ListSize {
            fact: index,
            phrase: hit.phrase.clone(),
        })
    }

    /// Whether another figure of `m`'s sentence is tied to a fact of the
    /// occasion that the date fact `date_fact` dates.
    fn beside_its_occasion(&self, m: &Mention, date_fact: usize) -> bool {
        let ex = self.ex;
        let FactValue::Date(day) = self.base.facts[date_fact].value else {
            return false;
        };
        starting_in(&ex.mentions, m.sentence, |o| o.span.start).iter().any(|o| {
            if o.sentence != m.sentence || matches!(o.kind, Kind::Date | Kind::Weekday | Kind::Year) {
                return false;
            }
            let tied = match self.phrase(o) {
                Linked::Strong(l) => Some(l),
                _ => self.unit(o),
            };
            tied.is_some_and(|l| crate::occasion::dates(self.base, l.fact).contains(&day))
        })
    }

    /// A count in the headline ("Thirty-six nations sign up") that links to no
    /// fact takes the fact a body count of the same unit links to.
    fn headline_link(&self, m: &Mention) -> Option<Link> {
        let ex = self.ex;
        let Value::Count { unit, .. } = &m.value else {
            return None;
        };
        let headline = *self.article.blocks.first()?;
        if !headline.contains(m.span) {
            return None;
        }
        ex.mentions.iter().filter(|o| !headline.contains(o.span)).find_map(|o| {
            let Value::Count { .. } = &o.value else { return None };
            match self.phrase(o) {
                Linked::Strong(l)
                    if self.base.facts[l.fact]
                        .unit
                        .iter()
                        .any(|u| u.eq_ignore_ascii_case(unit))
                        && self.overruled(o, l).is_none() =>
                {
                    Some(l.clone())
                }
                _ => None,
            }
        })
    }

    /// "35 countries, including 37 heads of state": a part larger than its
    /// whole is wrong whatever the facts say.
    fn part_larger_than_whole(&self, m: &Mention) -> Option<Span> {
        let ex = self.ex;
        let Value::Count { amount, .. } = &m.value else {
            return None;
        };
        let whole = ex.mentions.iter().rev().find(|o| {
            o.sentence == m.sentence && o.span.end <= m.span.start && matches!(o.value, Value::Count { .. })
        })?;
        let Value::Count {
            amount: whole_amount, ..
        } = &whole.value
        else {
            return None;
        };
        let between = self.article.prose[whole.span.end..m.span.start]
            .trim()
            .trim_start_matches(',')
            .trim()
            .to_lowercase();
        if !lang().cues.including.contains(&between) {
            return None;
        }
        let (part_low, _) = amount.range();
        let (_, whole_high) = whole_amount.range();
        let (Some(low), Some(high)) = (part_low, whole_high) else {
            return None;
        };
        if low <= high {
            return None;
        }
        Some(whole.span)
    }

    /// Why a strong link should not be judged after all, if it should not:
    /// a closer claim of the same kind owns its `about` phrase ("over 2025,
    /// four years after the full-scale invasion in February 2022"), or the
    /// sentence is dated far from the fact's occasion.
    fn overruled(&self, m: &Mention, l: &Link) -> Option<Weak> {
        let ex = self.ex;
        let closer = starting_in(&ex.mentions, m.sentence, |o| o.span.start)
            .iter()
            .find(|o| {
                o.kind == m.kind
                    && o.span != m.span
                    && o.sentence == m.sentence
                    && matches!(self.phrase(o),
                    Linked::Strong(ol) if ol.fact == l.fact && ol.hit == l.hit && ol.distance < l.distance)
                    // "Revenue rose to $44 billion, from $26 billion a year earlier":
                    // a phrase is not the closer claim's when only this one has its fact's value.
                    && (!self.agrees(m, l.fact) || self.agrees(o, l.fact))
            });
        if let Some(o) = closer {
            return Some(Weak::OwnedByCloser {
                phrase: l.phrase.clone(),
                other: one_line(self.text(o.span)),
            });
        }
        if let Some(reason) = self.placed_elsewhere(l) {
            return Some(reason);
        }
        if matches!(m.kind, Kind::Date | Kind::Weekday | Kind::Year) {
            return None;
        }
        self.dated_elsewhere(m.sentence, l.fact)
    }

    /// "flew in from talks in Miami on Monday", "On Wednesday, ministers met
    /// in Brussels": the sentence of the phrase that links the claim places
    /// it somewhere other than its occasion, so it is another occasion. A
    /// place counts when it comes right after the phrase ("talks in Miami",
    /// "met in Brussels"), or is a known place written "in" or "at" anywhere
    /// in the sentence.
    fn placed_elsewhere(&self, l: &Link) -> Option<Weak> {
        let ex = self.ex;
        let prose = &self.article.prose;
        // The phrase's own sentence: a link from nearby has it in another one.
        let sentence = self.article.sentence_of(Span::new(l.hit.start, l.hit.start))?;
        if sentence.end < l.hit.end {
            return None;
        }
        // "in Paris", "at Kyiv": the word before ends with a preposition of place.
        let after_prep = |at: usize| {
            let before = prose[sentence.start..at].trim_end().to_ascii_lowercase();
            before == "in" || before == "at" || before.ends_with(" in") || before.ends_with(" at")
        };
        // The candidates first (most sentences have none), the occasion's places after.
        // Right after the phrase, whether or not the phrase ends with "in" ("met in").
        let mut window = sentence.end.min(l.hit.end + 80);
        while !prose.is_char_boundary(window) {
            window += 1;
        }
        let words = word_spans(prose, Span::new(l.hit.end, window));
        let next = words.iter().take(2).find(|w| {
            after_prep(w.start) && (w.start == words[0].start || prose[l.hit.end..words[0].start].trim().is_empty())
        });
        let right_after = next
            .map(|w| {
                prose[w.start..w.end]
                    .trim_end_matches("'s")
                    .trim_end_matches("\u{2019}s")
            })
            .filter(|place| {
                place.starts_with(char::is_uppercase)
                    && crate::lexicon::month_number(place).is_none()
                    && crate::lexicon::weekday(place).is_none()
            });
        // A known place "in" or "at" anywhere in the sentence.
        let located: Vec<&EntityMention> = starting_in(&ex.entities, sentence, |m| m.span.start)
            .iter()
            .filter(|m| self.base.entities[m.entity].kind == EntityKind::Place && after_prep(m.span.start))
            .collect();
        if right_after.is_none() && located.is_empty() {
            return None;
        }
        let occasion = crate::occasion::places(self.base, l.fact);
        if occasion.is_empty() {
            return None;
        }
        let is_occasion = |name: &str, rest: &str| {
            occasion.iter().filter_map(|id| self.base.entity(id)).any(|e| {
                e.spellings()
                    .any(|s| rest.starts_with(s) || s.split_whitespace().next() == Some(name))
            })
        };
        // "met in France" may be Paris: a country holds its capital.
        let holds_occasion = |word: &str| {
            crate::gazetteer::country_code(word).is_some_and(|code| {
                occasion
                    .iter()
                    .filter_map(|id| self.base.entity(id))
                    .any(|e| crate::gazetteer::capital_of(&e.name) == Some(code))
            })
        };
        let right_after = right_after
            .filter(|place| !holds_occasion(place) && !is_occasion(place, &prose[next.map_or(0, |w| w.start)..]));
        let place = right_after.or_else(|| {
            located.iter().find_map(|m| {
                let name = &prose[m.span.start..m.span.end];
                (!is_occasion(name, &prose[m.span.start..])).then_some(name)
            })
        })?;
        Some(Weak::PlacedElsewhere {
            place: place.to_owned(),
            occasion: occasion
                .iter()
                .map(|id| self.base.entity_name(id))
                .collect::<Vec<_>>()
                .join(", "),
        })
    }

    /// "On Wednesday, foreign ministers met in Brussels": a place given in a
    /// sentence that names a day other than its occasion's is another
    /// meeting's place. (A wrong day beside the right place is still the
    /// date's discrepancy; the place is then left unjudged.)
    pub fn on_another_day(&self, set: &SetClaim) -> Option<Weak> {
        let ex = self.ex;
        let FactValue::Entity(e) = &self.base.facts[set.link.fact].value else {
            return None;
        };
        if self.base.entity(e).is_none_or(|e| e.kind != EntityKind::Place) {
            return None;
        }
        let occasions = crate::occasion::dates(self.base, set.link.fact);
        if occasions.is_empty() {
            return None;
        }
        starting_in(&ex.mentions, set.sentence, |m| m.span.start)
            .iter()
            .filter(|m| m.sentence == set.sentence)
            .find_map(|m| {
                let days: Vec<Date> = match &m.value {
                    Value::Date { resolved: Some(d), .. } => vec![*d],
                    Value::Weekday { resolved, of_date, .. } => of_date.map_or_else(|| resolved.clone(), |d| vec![d]),
                    _ => return None,
                };
                (!days.is_empty() && !days.iter().any(|d| occasions.contains(d))).then(|| Weak::AnotherDay {
                    dated: self.text(m.span).to_owned(),
                })
            })
    }

    /// "The group first met in London in March 2025, when 18 countries took
    /// part": a sentence dated well away from the fact's occasion is about
    /// another one.
    pub fn dated_elsewhere(&self, sentence: Span, fact: usize) -> Option<Weak> {
        let ex = self.ex;
        let occasions = crate::occasion::dates(self.base, fact);
        if occasions.is_empty() {
            return None;
        }
        let near_day = |d: Date| {
            occasions
                .iter()
                .any(|o| (d - *o).get_days().abs() <= 31 || (*o - d).get_days().abs() <= 31)
        };
        let near_month = |year: Option<i64>, month: Option<i8>| {
            occasions.iter().any(|o| {
                year.is_none_or(|y| y == i64::from(o.year()))
                    && month.is_none_or(|m| (i32::from(m) - i32::from(o.month())).abs() <= 1)
            })
        };
        let mut dated: Vec<(Span, bool)> = Vec::new();
        // "the summit took place on 6 January 2025": a date the sentence ties to
        // the occasion's own date fact is a claim about that occasion, right or
        // wrong (the date's own verdict says which), not another occasion.
        let of_the_occasion = |m: &Mention| match self.phrase(m) {
            Linked::Strong(l) => matches!(self.base.facts[l.fact].value, FactValue::Date(d) if occasions.contains(&d)),
            _ => false,
        };
        for m in starting_in(&ex.mentions, sentence, |m| m.span.start)
            .iter()
            .filter(|m| sentence.contains(m.span))
        {
            if matches!(m.value, Value::Date { .. }) && of_the_occasion(m) {
                dated.push((m.span, true));
                continue;
            }
            match &m.value {
                Value::Date { resolved: Some(d), .. } => dated.push((m.span, near_day(*d))),
                Value::Date { month, .. } => dated.push((m.span, near_month(None, Some(*month)))),
                Value::Year { year, month } => dated.push((m.span, near_month(Some(*year), *month))),
                Value::DateRange { from, to } => dated.push((m.span, near_day(*from) || near_day(*to))),
                _ => {}
            }
        }
        // "a December meeting": a month name on its own.
        for w in crate::extract::word_spans(&self.article.prose, sentence) {
            let word = &self.article.prose[w.start..w.end];
            if word.chars().count() > 3
                && word.starts_with(char::is_uppercase)
                && !dated.iter().any(|(s, _)| s.overlaps(w))
                && let Some(month) = crate::lexicon::month_number(word)
            {
                dated.push((w, near_month(None, Some(month))));
            }
        }
        if dated.is_empty() || dated.iter().any(|(_, near)| *near) {
            return None;
        }
        let (span, _) = dated[0];
        Some(Weak::DatedElsewhere {
            dated: one_line(self.text(span)),
            fact: self.base.facts[fact].id.clone(),
        })
    }
}

/// A weekday written beside its own date ("Tuesday, January 6").
fn is_calendar(m: &Mention) -> bool {
    matches!(m.value, Value::Weekday { of_date: Some(_), .. })
}
