//! factcheck: check a news article's factual claims against a curated fact base.
//!
//! The pipeline, one module per stage:
//! [`facts`] (load and validate the TOML fact base) →
//! [`article`] (read, front matter, Markdown to prose, sentences) →
//! [`extract`] (typed mentions) → [`link`] (mention to fact) →
//! [`verdict`] (comparison) → [`report`] (one emitter per format).
//! The library never prints; the binary decides what goes where.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod config;
pub mod extract;
pub mod facts;
pub mod finding;
pub mod fix;
pub mod fsutil;
pub mod gazetteer;
pub mod input;
pub mod kinds;
pub mod lexicon;
pub mod link;
pub mod occasion;
pub mod report;
pub mod rules;
pub mod schema;
pub mod span;
pub mod suggest;
pub mod suppress;
pub mod verdict;
pub mod watch;

pub(crate) use facts::{display_path as facts_display_path, io_reason};

use facts::{FactBase, Index};
use report::ArticleReport;

/// A fact base ready for checking: the facts and their search index.
pub struct Checker {
    pub base: FactBase,
    pub index: Index,
    /// Rules whose claims are suppressed everywhere (`ignore` in `factcheck.toml`).
    pub ignore: Vec<rules::Rule>,
}

impl Checker {
    /// Ready a fact base for checking, with the gazetteer's countries and
    /// capitals added as entities (see [`gazetteer::augment`]).
    pub fn new(base: FactBase) -> Checker {
        let base = gazetteer::augment(base);
        let index = Index::new(&base);
        Checker {
            base,
            index,
            ignore: Vec::new(),
        }
    }

    /// A checker of a base and its index made beforehand (read back from
    /// the fact-base cache): the base already holds the gazetteer's
    /// entities, and `index` was built from it.
    pub fn from_parts(base: FactBase, index: Index) -> Checker {
        Checker {
            base,
            index,
            ignore: Vec::new(),
        }
    }

    /// Check one article.
    pub fn check(&self, article: article::Article) -> ArticleReport {
        let findings = verdict::check(&article, &self.base, &self.index);
        let mut claims: Vec<report::Claim> = findings
            .into_iter()
            .map(|f| report::words::claim(&article, f))
            .collect();
        suppress::apply(&article, &mut claims, &self.ignore);
        ArticleReport { article, claims }
    }

    /// Check `text` as a new version of `article`: the same path, format
    /// and publication date (used by [`fix::settle`] to check corrections).
    pub fn recheck(&self, article: &article::Article, text: String) -> anyhow::Result<ArticleReport> {
        let again = article::Article::parse(&article.path, text.into_bytes(), article.format, article.published)?;
        Ok(self.check(again))
    }
}
