//! What counts, sums of money and percentages share: a number as written,
//! with the range its wording allows, and its correction in the same words.

use crate::extract::{Amount, Mention};
use crate::lexicon::Qualifier;

use super::Cx;
use super::words::{fmt_num, group_thousands, number_words, same_case};

/// Whether the range the claim's words allow meets the fact's value ± tolerance.
pub fn fits_range(amount: &Amount, value: f64, tolerance: f64) -> bool {
    let (lo, hi) = amount.range();
    let (flo, fhi) = (value - tolerance, value + tolerance);
    lo.is_none_or(|lo| fhi >= lo - 1e-9) && hi.is_none_or(|hi| flo <= hi + 1e-9)
}

/// The claim rewritten with the fact's number, qualifier dropped, words kept as words.
pub fn rewrite(cx: Cx<'_>, m: &Mention, amount: &Amount, value: f64) -> Option<String> {
    let text = &cx.text[m.span.start..m.span.end];
    let written = &cx.text[amount.number.start..amount.number.end];
    let scale = written
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|w| *w != 0.0)
        .map_or(1.0, |w| amount.value / w);
    let scaled = value / scale;
    let fraction = crate::extract::fraction_value(&written.to_ascii_lowercase()).is_some();
    let replacement = if fraction {
        format!("{}%", fmt_num(value))
    } else if amount.words {
        same_case(written, number_words(scaled as u64)?)
    } else if written.contains(',') && scaled >= 1000.0 {
        group_thousands(scaled as u64)
    } else {
        fmt_num(scaled)
    };
    let from = amount.number.start - m.span.start;
    let to = amount.number.end - m.span.start;
    let head = &text[..from];
    // "about 30%" -> "about 20%": a hedge that fits stays. "more than 40
    // countries" -> "35 countries": a bound is dropped, a currency kept.
    let hedge = matches!(amount.qualifier, None | Some(Qualifier::About | Qualifier::Nearly));
    let head = if hedge {
        head.to_owned()
    } else {
        let q_end = head
            .char_indices()
            .rfind(|&(_, c)| c.is_alphabetic())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let tail = &head[q_end..];
        // Keep "EUR " or "€", lose "more than ".
        let code = head
            .trim_end()
            .rsplit(' ')
            .next()
            .filter(|w| w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase()));
        match code {
            Some(code) => format!("{code}{}", &head[head.trim_end().len()..]),
            None => tail.trim_start().to_owned(),
        }
    };
    Some(format!("{head}{replacement}{}", &text[to..]))
}
