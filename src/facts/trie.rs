//! A set of byte strings found leftmost-longest in a text, as
//! aho-corasick's `MatchKind::LeftmostLongest` finds them, made of four
//! flat arrays so that the fact-base cache (`facts::cache`) stores it as it
//! is and reads it back in a few milliseconds: an Aho-Corasick automaton
//! cannot be saved, and building one of 75,000 names again takes longer
//! than the whole budget of a one-article check.
//!
//! The search tries the trie at each position in turn and keeps the longest
//! pattern that starts there: the leftmost match, and the longest of those.
//! Two equal patterns are one, reported under the smaller id (as
//! aho-corasick reports the first added); the empty pattern is never found.
//! `tests` compares every match with aho-corasick's on random sets.

use serde::{Deserialize, Serialize};

/// No node, or no pattern ends at a node.
const NONE: u32 = u32::MAX;

/// One pattern found: `start..end` in the text searched, and its id (its
/// position in the list the trie was built from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) pattern: usize,
}

/// A trie of byte strings, its nodes in breadth-first order.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Trie {
    /// The child of the root by byte, or [`NONE`]: most positions of a text
    /// stop here.
    #[serde(with = "raw32")]
    root: Vec<u32>,
    /// Node `k`'s edges are `labels[first[k]..first[k + 1]]`, sorted, and
    /// `targets` at the same positions; one more entry than nodes.
    #[serde(with = "raw32")]
    first: Vec<u32>,
    #[serde(with = "serde_bytes_vec")]
    labels: Vec<u8>,
    #[serde(with = "raw32")]
    targets: Vec<u32>,
    /// The pattern that ends at each node, or [`NONE`].
    #[serde(with = "raw32")]
    ends: Vec<u32>,
}

impl Trie {
    /// The trie of `patterns`; a pattern's id is its position in the list.
    pub(crate) fn new<I: AsRef<[u8]>>(patterns: impl IntoIterator<Item = I>) -> Trie {
        // Built with sorted child lists per node, then laid out breadth first.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<u32> = vec![NONE];
        for (id, p) in patterns.into_iter().enumerate() {
            let p = p.as_ref();
            if p.is_empty() {
                continue;
            }
            let mut node = 0usize;
            for &b in p {
                node = match children[node].binary_search_by_key(&b, |&(l, _)| l) {
                    Ok(k) => children[node][k].1 as usize,
                    Err(k) => {
                        let new = children.len() as u32;
                        children[node].insert(k, (b, new));
                        children.push(Vec::new());
                        ends.push(NONE);
                        new as usize
                    }
                };
            }
            if ends[node] == NONE {
                ends[node] = id as u32;
            }
        }
        // Breadth-first numbering: a node's children are contiguous.
        let mut order: Vec<u32> = vec![0];
        let mut number = vec![0u32; children.len()];
        let mut k = 0;
        while k < order.len() {
            let node = order[k] as usize;
            for &(_, child) in &children[node] {
                number[child as usize] = order.len() as u32;
                order.push(child);
            }
            k += 1;
        }
        let mut trie = Trie {
            root: vec![NONE; 256],
            first: Vec::with_capacity(order.len() + 1),
            labels: Vec::with_capacity(order.len()),
            targets: Vec::with_capacity(order.len()),
            ends: Vec::with_capacity(order.len()),
        };
        for &node in &order {
            trie.first.push(trie.labels.len() as u32);
            trie.ends.push(ends[node as usize]);
            for &(b, child) in &children[node as usize] {
                trie.labels.push(b);
                trie.targets.push(number[child as usize]);
            }
        }
        trie.first.push(trie.labels.len() as u32);
        for &(b, child) in &children[0] {
            trie.root[usize::from(b)] = number[child as usize];
        }
        trie
    }

    /// The node reached from `node` by `b`.
    #[inline]
    fn step(&self, node: u32, b: u8) -> Option<u32> {
        let from = self.first[node as usize] as usize;
        let to = self.first[node as usize + 1] as usize;
        let labels = &self.labels[from..to];
        let at = if labels.len() <= 8 {
            labels.iter().position(|&l| l == b)
        } else {
            labels.binary_search(&b).ok()
        };
        at.map(|k| self.targets[from + k])
    }

    /// The longest pattern that starts at `at`: its end and id.
    #[inline]
    fn longest_at(&self, text: &[u8], at: usize) -> Option<(usize, usize)> {
        if self.root.is_empty() {
            return None;
        }
        let mut node = self.root[usize::from(text[at])];
        if node == NONE {
            return None;
        }
        let mut best = None;
        let mut end = at + 1;
        loop {
            let id = self.ends[node as usize];
            if id != NONE {
                best = Some((end, id as usize));
            }
            if end == text.len() {
                break;
            }
            match self.step(node, text[end]) {
                Some(next) => node = next,
                None => break,
            }
            end += 1;
        }
        best
    }

    /// The longest pattern that is a prefix of `text` (an anchored search).
    pub(crate) fn prefix(&self, text: &[u8]) -> Option<Found> {
        if text.is_empty() {
            return None;
        }
        self.longest_at(text, 0)
            .map(|(end, pattern)| Found { start: 0, end, pattern })
    }

    /// Every match in `text`, leftmost-longest, none overlapping another.
    pub(crate) fn find_iter<'t>(&'t self, text: &'t [u8]) -> impl Iterator<Item = Found> + 't {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < text.len() {
                if let Some((end, pattern)) = self.longest_at(text, at) {
                    let found = Found {
                        start: at,
                        end,
                        pattern,
                    };
                    at = end;
                    return Some(found);
                }
                at += 1;
            }
            None
        })
    }
}

/// `Vec<u32>` as little-endian bytes in one piece: read back with a copy,
/// not a varint at a time.
pub(crate) mod raw32 {
    use serde::{Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = v.iter().flat_map(|w| w.to_le_bytes()).collect();
        s.serialize_bytes(&bytes)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        let bytes = d.deserialize_bytes(super::serde_bytes_vec::Bytes)?;
        if bytes.len() % 4 != 0 {
            return Err(serde::de::Error::custom("a list of u32 not a multiple of 4 bytes long"));
        }
        Ok(bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
}

/// `Vec<u64>` as little-endian bytes in one piece, as [`raw32`].
pub(crate) mod raw64 {
    use serde::{Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(v: &[u64], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = v.iter().flat_map(|w| w.to_le_bytes()).collect();
        s.serialize_bytes(&bytes)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
        let bytes = d.deserialize_bytes(super::serde_bytes_vec::Bytes)?;
        if bytes.len() % 8 != 0 {
            return Err(serde::de::Error::custom("a list of u64 not a multiple of 8 bytes long"));
        }
        Ok(bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect())
    }
}

/// `Vec<u8>` as bytes in one piece.
mod serde_bytes_vec {
    use serde::{Deserializer, Serializer, de::Visitor};

    pub(crate) struct Bytes;

    impl Visitor<'_> for Bytes {
        type Value = Vec<u8>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("bytes")
        }

        fn visit_bytes<E>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }

        fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }
    }

    pub(crate) fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        d.deserialize_bytes(Bytes)
    }
}

#[cfg(test)]
mod tests {
    use aho_corasick::{AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
    use proptest::prelude::*;

    use super::*;

    fn aho(patterns: &[Vec<u8>]) -> aho_corasick::AhoCorasick {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(patterns)
            .expect("builds")
    }

    fn same(patterns: &[Vec<u8>], text: &[u8]) {
        let trie = Trie::new(patterns);
        let ac = aho(patterns);
        let want: Vec<Found> = ac
            .find_iter(text)
            .map(|m| Found {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            })
            .collect();
        let got: Vec<Found> = trie.find_iter(text).collect();
        assert_eq!(got, want, "patterns {patterns:?}, text {text:?}");
        for at in 0..text.len() {
            let want = ac
                .find(Input::new(&text[at..]).anchored(Anchored::Yes))
                .map(|m| (m.end(), m.pattern().as_usize()));
            let got = trie.prefix(&text[at..]).map(|f| (f.end, f.pattern));
            assert_eq!(got, want, "anchored at {at}: patterns {patterns:?}, text {text:?}");
        }
        // Stored and read back, the same trie.
        let bytes = postcard::to_stdvec(&trie).expect("serialises");
        let back: Trie = postcard::from_bytes(&bytes).expect("reads back");
        assert_eq!(back.find_iter(text).collect::<Vec<_>>(), got);
    }

    #[test]
    fn finds_what_aho_corasick_finds() {
        let p = |list: &[&str]| list.iter().map(|s| s.as_bytes().to_vec()).collect::<Vec<_>>();
        same(
            &p(&["boris johnson", "johnson", "john", "boris"]),
            b"boris johnson and johnsons, john.",
        );
        same(&p(&["ab", "b c", "abc", "c"]), b"xab c abc");
        same(&p(&["johnson", "johnson", "mike johnson"]), b"mike johnson met johnson");
        same(&p(&["a"]), b"");
        same(&p(&[]), b"anything");
        // Every child list long enough for a binary search.
        let many: Vec<Vec<u8>> = (b'a'..=b'z').map(|c| vec![b'x', c, b'y']).collect();
        same(&many, b"xay xzy xqy xmyxny");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn finds_what_aho_corasick_finds_on_random_sets(
            patterns in proptest::collection::vec(proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'b'), Just(b' '), Just(b'c')], 1..6), 0..12),
            text in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'b'), Just(b' '), Just(b'c'), Just(b'd')], 0..40),
        ) {
            same(&patterns, &text);
        }
    }
}
