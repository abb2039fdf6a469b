//! Time: which role or fact holds on an article's publication date.
//!
//! The judging code asks here rather than reading `from`/`until` itself, so
//! the rules live in one place: a claim is judged at the article's date; an
//! undated role or fact always holds; with no date known, nothing dated is
//! judged (a false alarm costs an editor more than a miss).

use jiff::civil::Date;

use super::index::Index;
use super::model::{At, FactBase};
use super::problem::{Problem, Severity};
use crate::lexicon::Title;

/// How a title before a known person's name fares against that person's roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleFinding {
    /// The title fits `role`, which holds at the date (or is undated).
    Holds { role: usize },
    /// A "former" title: the person held `role`, which had ended by the date.
    Held { role: usize },
    /// The title fits `role`, but on `date` it had ended (`ended`) or not yet
    /// begun; `holders` (entity indexes) held the same office then.
    NotThen {
        role: usize,
        date: Date,
        ended: bool,
        holders: Vec<usize>,
    },
    /// A "former" title, but on `date` the person still holds `role`.
    StillHolds { role: usize, date: Date },
    /// The title fits only dated roles, and the article has no date.
    NoDate { role: usize },
    /// A "former" title that the fact base cannot judge, and why.
    CannotTell(FormerWhy),
    /// No role fits the title. `shown`: the roles that hold at the date (all,
    /// when none does); `best`: the one to suggest; `ended`: it had ended.
    Wrong {
        best: usize,
        shown: Vec<usize>,
        ended: bool,
    },
    /// The person has no roles on record.
    NoRoles,
}

/// Why a "former" title cannot be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormerWhy {
    /// The article has no date to judge "former" at.
    NoPublicationDate,
    /// No past role on record fits the title.
    NoPastRoleFits,
    /// The roles that fit have no dates.
    RoleUndated,
}

/// Judge `title` (as written before the name of entity `entity`) at `date`.
pub fn judge_role(base: &FactBase, index: &Index, entity: usize, title: &Title, date: Option<Date>) -> RoleFinding {
    let roles = &base.entities[entity].roles;
    let parsed = &index.roles[entity];
    if roles.is_empty() {
        return RoleFinding::NoRoles;
    }
    // "co-founder and CEO of Nvidia": the office fits one role and the
    // qualifier is named in another ("Nvidia CEO").
    let in_roles = |w: &str| parsed.iter().any(|r| r.office.iter().any(|o| o == w));
    let qualified = !title.qualifier.is_empty()
        && (title.qualifier.iter().all(|q| in_roles(q)) || names_role_entity(base, index, &title.qualifier, &in_roles));
    let head = title.head();
    let fitting: Vec<usize> = (0..roles.len())
        .filter(|&i| title.fits(&parsed[i]) || (qualified && head.fits(&parsed[i])))
        .collect();
    let at = |i: usize| roles[i].valid.at(date);
    if title.former {
        let Some(d) = date else {
            return RoleFinding::CannotTell(FormerWhy::NoPublicationDate);
        };
        if let Some(&i) = fitting.iter().find(|&&i| roles[i].valid.ended_by(d)) {
            return RoleFinding::Held { role: i };
        }
        if let Some(&i) = fitting
            .iter()
            .find(|&&i| roles[i].valid.from.is_some() && at(i) == At::Holds)
        {
            return RoleFinding::StillHolds { role: i, date: d };
        }
        if let Some(&i) = fitting.iter().find(|&&i| roles[i].valid.from.is_some_and(|f| d < f)) {
            return RoleFinding::NotThen {
                role: i,
                date: d,
                ended: false,
                holders: holders(base, index, entity, i, d),
            };
        }
        return RoleFinding::CannotTell(if fitting.is_empty() {
            FormerWhy::NoPastRoleFits
        } else {
            FormerWhy::RoleUndated
        });
    }
    if fitting.is_empty() {
        let holding: Vec<usize> = (0..roles.len()).filter(|&i| at(i) != At::DoesNot).collect();
        let shown = if holding.is_empty() {
            (0..roles.len()).collect()
        } else {
            holding
        };
        let best = shown
            .iter()
            .copied()
            .find(|&i| title.nation.is_some() && parsed[i].nation == title.nation)
            .unwrap_or(shown[0]);
        let ended = date.is_some_and(|d| roles[best].valid.ended_by(d));
        return RoleFinding::Wrong { best, shown, ended };
    }
    if let Some(&i) = fitting.iter().find(|&&i| at(i) == At::Holds) {
        return RoleFinding::Holds { role: i };
    }
    let Some(d) = date else {
        return RoleFinding::NoDate { role: fitting[0] };
    };
    // The latest role that fits: the one a reader most likely means.
    let role = *fitting
        .iter()
        .max_by_key(|&&i| (roles[i].valid.from, std::cmp::Reverse(i)))
        .expect("fitting is not empty");
    RoleFinding::NotThen {
        role,
        date: d,
        ended: roles[role].valid.ended_by(d),
        holders: holders(base, index, entity, role, d),
    }
}

/// Whether `words` (a title's "of" qualifier, lower case) name an entity,
/// by one of its spellings, that the person's roles name by another ("CEO of
/// Nvidia Corp." for a role "Nvidia CEO").
fn names_role_entity(base: &FactBase, index: &Index, words: &[String], in_roles: &dyn Fn(&str) -> bool) -> bool {
    // Aliases are found capitalised, as an article writes them.
    let text: String = words
        .iter()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ");
    index
        .aliases_in(&text, crate::span::Span::new(0, text.len()))
        .iter()
        .filter(|h| h.span.len() == text.len())
        .any(|h| {
            base.entities[h.entity]
                .spellings()
                .any(|s| s.split_whitespace().all(|w| in_roles(&crate::lexicon::nation_key(w))))
        })
}

/// Other entities that held the same office as `entity`'s `role` on `date`.
fn holders(base: &FactBase, index: &Index, entity: usize, role: usize, date: Date) -> Vec<usize> {
    let office = &index.roles[entity][role];
    (0..base.entities.len())
        .filter(|&e| e != entity)
        .filter(|&e| {
            index.roles[e].iter().enumerate().any(|(k, t)| {
                t.office == office.office && t.nation == office.nation && base.entities[e].roles[k].valid.contains(date)
            })
        })
        .collect()
}

/// A warning when the facts an article was checked against were last
/// verified before it was published: they may have changed since (a new
/// office holder, a new count). `facts` are the ids of the facts its claims
/// used; the files they come from are the ones that count, each by its own
/// `as_of` (a base of many stories is not stale for one because another's
/// file is old).
pub fn stale_for(base: &FactBase, article: &str, published: Date, facts: &[&str]) -> Option<Problem> {
    let files: std::collections::BTreeSet<&str> = facts
        .iter()
        .filter_map(|id| base.fact_index(id))
        .map(|i| base.facts[i].origin.file.as_str())
        .collect();
    let (as_of, origin) = base
        .meta
        .as_of_by_file
        .iter()
        .filter(|(d, o)| files.contains(o.file.as_str()) && *d < published)
        .min_by_key(|(d, _)| *d)?;
    let (as_of, origin) = (*as_of, origin.clone());
    Some(Problem {
        file: origin.file,
        line: origin.line,
        column: origin.column,
        severity: Severity::Warning,
        message: format!(
            "the fact base was last verified on {as_of} (`as_of`), before {article} was published ({published}); facts may have changed since"
        ),
    })
}
