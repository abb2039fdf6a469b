//! Words too common to tie a sentence to a fact.
//!
//! One list serves two ends: validation rejects an `about` phrase made only
//! of these words (it would link a fact to almost any sentence), and
//! `factcheck suggest` skips them when it proposes `about` phrases.

/// Function words and the reporting verbs that every news sentence uses.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "added",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether `word` (any case) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    if word.is_ascii() {
        // Compared lowercased byte by byte: no copy for the common case.
        let lower = || word.bytes().map(|b| b.to_ascii_lowercase());
        return STOP_WORDS.binary_search_by(|s| s.bytes().cmp(lower())).is_ok();
    }
    let w = word.to_lowercase();
    STOP_WORDS.binary_search(&w.as_str()).is_ok()
}

/// Why an `about` phrase cannot work, if it cannot: empty, or only stop
/// words. Such a phrase is ignored, with a warning: a fact base that has one
/// still loads.
pub fn too_common(phrase: &str) -> Option<String> {
    let mut words = phrase
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| !w.is_empty())
        .peekable();
    if words.peek().is_none() {
        return Some(format!(
            "`about` phrase \"{phrase}\" has no words, so it can never link a claim; it is ignored"
        ));
    }
    words.all(is_stop_word).then(|| {
        format!(
            "`about` phrase \"{phrase}\" is too common: it would tie this fact to almost every sentence, so it is ignored; use words specific to the fact"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn phrases_of_only_stop_words_are_too_common() {
        assert!(too_common("the").is_some());
        assert!(too_common("said that").is_some());
        assert!(too_common("  ").is_some());
        assert!(too_common("took part").is_none());
        assert!(too_common("delegations from").is_none());
    }
}
