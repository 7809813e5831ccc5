//! A quote that is not in its sentence, explained: how far it matches before it goes
//! wrong, found in one pass over the sentence.

/// Explains a quote that is not in its sentence by how much of it is.
pub(super) fn misquote(quote: &str, sentence: &str, sentence_id: &str) -> String {
    // Bounded, so that a huge misquote costs little to explain.
    let head = match quote.char_indices().nth(200) {
        Some((end, _)) => &quote[..end],
        None => quote,
    };
    let mut matched = longest_prefix_in(head.as_bytes(), sentence.as_bytes());
    while !quote.is_char_boundary(matched) {
        matched -= 1;
    }
    let words = quote[..matched].split_whitespace().count();
    if words >= 2 {
        let rest: String = quote[matched..].chars().take(24).collect();
        format!(
            "the quote is not verbatim in sentence `{sentence_id}`: it matches up to \"{}\", then has \"{rest}\"",
            &quote[..matched]
        )
    } else {
        format!(
            "the quote is not verbatim in sentence `{sentence_id}`: \"{quote}\" does not occur there"
        )
    }
}

/// The length of the longest start of `pattern` that occurs anywhere in `text`, found in
/// one pass over both (the Z-algorithm over `pattern`, then `text`): a rescan per prefix
/// cost the text's length for each character of the quote.
fn longest_prefix_in(pattern: &[u8], text: &[u8]) -> usize {
    let n = pattern.len();
    if n == 0 {
        return 0;
    }
    // z[i]: how far pattern[i..] agrees with pattern's start.
    let mut z = vec![0usize; n];
    let (mut left, mut right) = (0, 0);
    for i in 1..n {
        let mut k = if i < right {
            z[i - left].min(right - i)
        } else {
            0
        };
        while i + k < n && pattern[k] == pattern[i + k] {
            k += 1;
        }
        z[i] = k;
        if i + k > right {
            (left, right) = (i, i + k);
        }
    }
    // The same over the text, measuring agreement with the pattern's start.
    let mut best = 0;
    let (mut left, mut right) = (0, 0);
    for i in 0..text.len() {
        let mut k = if i < right {
            z.get(i - left).copied().unwrap_or(0).min(right - i)
        } else {
            0
        };
        while k < n && i + k < text.len() && pattern[k] == text[i + k] {
            k += 1;
        }
        if i + k > right {
            (left, right) = (i, i + k);
        }
        best = best.max(k);
        if best == n {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_start_found_is_the_longest_there_is() {
        let naive = |p: &[u8], t: &[u8]| {
            (0..=p.len())
                .rev()
                .find(|&k| t.windows(k.max(1)).any(|w| k == 0 || w == &p[..k]))
                .unwrap_or(0)
        };
        let cases: [(&str, &str); 7] = [
            ("abcx", "zzabcabc"),
            ("aab", "aaaab"),
            ("abab", "ababab"),
            ("xyz", "abc"),
            ("aaaa", "aaa"),
            ("abcabd", "abcabcabd"),
            ("", "abc"),
        ];
        for (p, t) in cases {
            assert_eq!(
                longest_prefix_in(p.as_bytes(), t.as_bytes()),
                naive(p.as_bytes(), t.as_bytes()),
                "{p} in {t}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_longest_start_agrees_with_trying_each(p in "[ab]{0,8}", t in "[ab]{0,24}") {
            let expected = (0..=p.len()).rev().find(|&k| t.contains(&p[..k])).unwrap_or(0);
            proptest::prop_assert_eq!(longest_prefix_in(p.as_bytes(), t.as_bytes()), expected);
        }
    }

    #[test]
    fn misquote_shows_where_the_quote_goes_wrong() {
        let m = misquote(
            "visited Moskow this month",
            "Kayani visited Moscow this month.",
            "s04",
        );
        assert!(
            m.contains("matches up to \"visited Mos\", then has \"kow this month\""),
            "{m}"
        );
        let m = misquote("nothing like it", "Kayani visited Moscow.", "s04");
        assert!(m.contains("does not occur there"), "{m}");
    }
}
