//! The other verb forms of an `about` phrase: "took part" is written "had
//! taken part" and "are taking part"; "signed up" is written "are signing
//! up". The first or second word of the phrase that is a verb form (a past
//! or -ing form of a regular verb, or any form of an irregular one in
//! `lang/en/words.toml`, `verbs.irregular`) is put in its other forms: past,
//! past participle, and the -ing form after a form of "be" ("are taking
//! part"; alone, an -ing form is as often a noun or a side clause:
//! "ministers, meeting in Riga, agreed"). Left out: the bare base form
//! unless the phrase is written in it, and the third person, because they
//! are so often nouns ("found", "back", "signs", "funds") or active where the
//! phrase is passive ("holds on" for "was held on"); and phrases of one
//! word, because the generic verbs ("expected", "founded") would link too
//! much, and a lone -ing word is most often a noun ("meeting", "funding").
//! A phrase with no verb form gets none.

use crate::lexicon::lang;

/// The other forms of `phrase` (lower case, each once, never `phrase` itself).
pub fn forms(phrase: &str) -> Vec<String> {
    let lower = phrase.trim().to_lowercase();
    let words: Vec<&str> = lower.split(' ').collect();
    // The verb is the first or second word ("took part", "were represented",
    // "has signed"); a phrase of more than four words is left as written.
    // A phrase of one word is left as written: the generic verbs ("expected",
    // "founded", "holds") link too much in their other forms, and a lone -ing
    // word is most often a noun ("meeting", "funding").
    if !(2..=4).contains(&words.len()) {
        return Vec::new();
    }
    let Some((at, others)) = words.iter().take(2).enumerate().find_map(|(i, w)| {
        let others = word_forms(w);
        (!others.is_empty()).then_some((i, others))
    }) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for form in others {
        let mut w = words.clone();
        w[at] = form.as_str();
        let phrase = w.join(" ");
        if !form.ends_with("ing") {
            out.push(phrase);
        } else if at == 0 {
            // An -ing form alone is as often a noun or a side clause
            // ("ministers, meeting in Riga, agreed to hold a summit") as the
            // phrase's verb: only its progressive counts ("are taking part").
            out.extend(["is", "are", "was", "were", "be", "been"].map(|aux| format!("{aux} {phrase}")));
        }
    }
    out.retain(|f| *f != lower);
    out.sort();
    out.dedup();
    out
}

/// The other forms of one word, or none when it is not a verb form.
fn word_forms(word: &str) -> Vec<String> {
    for line in lang().verbs.irregular.iter() {
        let forms: Vec<&str> = line.split(' ').collect();
        if let Some(i) = forms.iter().position(|f| *f == word) {
            // Not the base, unless the phrase is written in it.
            return forms
                .iter()
                .enumerate()
                .filter(|&(j, f)| *f != word && (j > 0 || i == 0))
                .map(|(_, f)| (*f).to_owned())
                .collect();
        }
    }
    if !word.chars().all(|c| c.is_ascii_lowercase()) || word.len() < 5 {
        return Vec::new();
    }
    let stems: Vec<String> = if let Some(stem) = word.strip_suffix("ied") {
        vec![format!("{stem}y")]
    } else if let Some(stem) = word.strip_suffix("ed") {
        // "signed": sign; "pledged": pledge; "committed": commit.
        let mut stems = vec![stem.to_owned(), format!("{stem}e")];
        let b = stem.as_bytes();
        if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] {
            stems.push(stem[..stem.len() - 1].to_owned());
        }
        stems
    } else if let Some(stem) = word.strip_suffix("ing") {
        let mut stems = vec![stem.to_owned(), format!("{stem}e")];
        let b = stem.as_bytes();
        if b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] {
            stems.push(stem[..stem.len() - 1].to_owned());
        }
        stems
    } else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for stem in stems.iter().filter(|s| s.len() >= 3) {
        let doubled = (word.ends_with("ed") || word.ends_with("ing"))
            && stems.len() == 3
            && !stem.ends_with('e')
            && stems[2] == *stem;
        let (past, ing) = if let Some(y) = stem.strip_suffix('y') {
            (format!("{y}ied"), format!("{stem}ing"))
        } else if let Some(e) = stem.strip_suffix('e') {
            (format!("{stem}d"), format!("{e}ing"))
        } else if doubled {
            let last = &stem[stem.len() - 1..];
            (format!("{stem}{last}ed"), format!("{stem}{last}ing"))
        } else {
            (format!("{stem}ed"), format!("{stem}ing"))
        };
        out.extend([past, ing]);
    }
    out.retain(|f| f != word);
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::forms;

    fn has(phrase: &str, form: &str) -> bool {
        forms(phrase).iter().any(|f| f == form)
    }

    #[test]
    fn irregular_verbs_take_their_other_forms_but_the_base() {
        assert!(has("took part", "taken part"));
        assert!(has("took part", "are taking part"));
        assert!(!has("took part", "taking part"));
        assert!(!has("met in", "meeting in"));
        assert!(!has("took part", "takes part"));
        assert!(!has("held on", "holds on"));
        assert!(!has("took part", "take part"));
        assert!(has("met in", "were meeting in"));
        assert!(has("were represented", "was represented"));
        assert!(has("were represented", "are represented"));
        // Written in the base, the base's other forms.
        assert!(has("take part", "took part"));
    }

    #[test]
    fn regular_verbs_by_rule() {
        for (phrase, form) in [
            ("signing up", "signed up"),
            ("taking part", "took part"),
            ("pledged to", "are pledging to"),
            ("committed to", "is committing to"),
            ("carried out", "was carrying out"),
            ("gathered in", "were gathering in"),
            ("signed up", "are signing up"),
        ] {
            assert!(has(phrase, form), "{phrase} -> {form}: {:?}", forms(phrase));
        }
    }

    #[test]
    fn no_bare_base_and_nothing_for_nouns() {
        assert!(!has("signed up", "sign up"));
        assert!(!has("founded by", "found by"));
        assert!(!has("backed by", "back by"));
        assert!(forms("signed").is_empty());
        assert!(forms("expected").is_empty());
        assert!(forms("summit").is_empty());
        assert!(forms("declaration of intent").is_empty());
        assert!(forms("venue").is_empty());
        assert!(forms("representatives").is_empty());
        assert!(!has("signed up", "signs up"));
        assert!(forms("meeting").is_empty());
        assert!(forms("funding").is_empty());
    }
}
