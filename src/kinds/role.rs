//! Titles before a known person ("UK Prime Minister Keir Starmer", "Emmanuel
//! Macron, the French president"), compared with the person's `roles` at the
//! article's date (see `crate::facts::judge_role`): a title the person never
//! held, one held at another time, a "former" for an office still held.
//! Titles are found by `crate::extract::people`.

use serde_json::json;

use crate::extract::{Kind, Mention};
use crate::facts::{RoleFinding, judge_role};
use crate::finding::{Because, Finding, FormerWhy, Reason, Verdict};
use crate::lexicon::Title;
use crate::rules::Rule;
use crate::span::Span;
use crate::verdict::Judge;

use super::words::join_names;

impl Judge<'_> {
    pub(crate) fn role(
        &self,
        m: &Mention,
        entity: Option<usize>,
        title: &str,
        name: &str,
        title_span: Span,
        ever: bool,
    ) -> Finding {
        let found = json!(title);
        let Some(e) = entity else {
            let reason = Reason::UnknownPerson {
                title: title.to_owned(),
                name: name.to_owned(),
            };
            return self.unverifiable(m, found, Rule::UnknownPerson, reason);
        };
        let entity = &self.base.entities[e];
        let parsed = Title::parse(title);
        // Roles may hold for a period: judged at the article's date (see facts::judge_role).
        let mut finding = judge_role(self.base, self.index, e, &parsed, self.article.published);
        // "the secretary of state under Pope Francis": the sentence gives the
        // title its own period, so any time it was held will do.
        if ever && !parsed.former {
            let fits = |i: usize| self.index.roles[e][i].clone();
            if let RoleFinding::NotThen { role, .. } | RoleFinding::NoDate { role } = finding
                && parsed.fits(&fits(role))
            {
                finding = RoleFinding::Held { role };
            }
        }
        let mut claim = Finding {
            verdict: Verdict::Match,
            kind: Kind::Role,
            span: m.span,
            sentence: m.sentence,
            found: found.clone(),
            expected: None,
            range: None,
            fact: None,
            source: None,
            rule: None,
            reason: Reason::NoFact,
            suggestion: None,
            because: Some(Because::Name { name: name.to_owned() }),
            entity: Some(entity.id.clone()),
        };
        // The claim around its title: "UK Prime Minister| Keir Starmer" or
        // "Emmanuel Macron, the |French president".
        let head = &self.article.text[m.span.start..title_span.start.max(m.span.start)];
        let rest = &self.article.text[title_span.end..m.span.end];
        let roles = &entity.roles;
        let names = |list: &[usize]| {
            join_names(
                &list
                    .iter()
                    .map(|&h| self.base.entities[h].name.as_str())
                    .collect::<Vec<_>>(),
            )
        };
        match finding {
            RoleFinding::NoRoles => {
                let reason = Reason::NoRoles {
                    name: entity.name.clone(),
                };
                return self.unverifiable(m, found, Rule::NoRoles, reason);
            }
            RoleFinding::CannotTell(why) => {
                let rule = match why {
                    FormerWhy::NoPublicationDate => Rule::NeedsPublicationDate,
                    FormerWhy::NoPastRoleFits | FormerWhy::RoleUndated => Rule::FormerUndated,
                };
                let reason = Reason::FormerUndated {
                    title: title.to_owned(),
                    name: name.to_owned(),
                    why,
                };
                return self.unverifiable(m, found, rule, reason);
            }
            RoleFinding::NoDate { role } => {
                let reason = Reason::TitleNeedsDate {
                    title: title.to_owned(),
                    name: name.to_owned(),
                    full_name: entity.name.clone(),
                    role: roles[role].describe(),
                };
                return self.unverifiable(m, found, Rule::NeedsPublicationDate, reason);
            }
            RoleFinding::Holds { role: i } | RoleFinding::Held { role: i } => {
                let right = &roles[i];
                let shown = if parsed.former {
                    format!("former {right}")
                } else {
                    right.title.clone()
                };
                claim.expected = Some(json!(shown));
                claim.reason = Reason::TitleAgrees {
                    title: title.to_owned(),
                    name: entity.name.clone(),
                    role: right.describe_inline(),
                };
            }
            RoleFinding::NotThen {
                role,
                date,
                ended,
                holders,
            } => {
                let right = &roles[role];
                claim.verdict = Verdict::Discrepancy;
                claim.rule = Some(Rule::TitleNotThen);
                claim.reason = Reason::TitleNotThen {
                    title: title.to_owned(),
                    date: date.to_string(),
                    name: entity.name.clone(),
                    ended,
                    role: right.title.clone(),
                    period: right.valid.to_string(),
                    holders: (!holders.is_empty()).then(|| names(&holders)),
                };
                if ended {
                    claim.expected = Some(json!(format!("former {}", right.title)));
                    let written = &self.article.text[title_span.start..title_span.end];
                    let former = if title_span.start == m.sentence.start {
                        "Former"
                    } else {
                        "former"
                    };
                    claim.suggestion = Some(format!("{head}{former} {written}{rest}"));
                }
            }
            RoleFinding::StillHolds { role, date } => {
                let right = &roles[role];
                claim.verdict = Verdict::Discrepancy;
                claim.rule = Some(Rule::TitleStillHeld);
                claim.expected = Some(json!(right.title));
                claim.reason = Reason::TitleStillHeld {
                    title: title.to_owned(),
                    date: date.to_string(),
                    name: entity.name.clone(),
                    role: right.describe_inline(),
                };
                let written = &self.article.text[title_span.start..title_span.end];
                let current = written
                    .split_once(char::is_whitespace)
                    .filter(|(first, _)| first.eq_ignore_ascii_case("former"))
                    .map_or(written, |(_, after)| after.trim_start());
                claim.suggestion = Some(format!("{head}{current}{rest}"));
            }
            RoleFinding::Wrong { best, shown, ended } => {
                let right = &roles[best];
                let listed: Vec<String> = shown.iter().map(|&i| roles[i].describe()).collect();
                claim.verdict = Verdict::Discrepancy;
                claim.rule = Some(Rule::TitleWrong);
                claim.expected = Some(json!(right.title));
                claim.reason = Reason::TitleWrong {
                    title: title.to_owned(),
                    name: entity.name.clone(),
                    roles: listed.join(" / "),
                };
                let former = if ended { "former " } else { "" };
                claim.suggestion = Some(format!("{head}{former}{}{rest}", right.title));
            }
        }
        claim
    }
}
