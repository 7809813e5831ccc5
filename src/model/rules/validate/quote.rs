//! A quote that is not in its sentence, explained: the typographic marks it has where the
//! sentence has others (the commonest slip when a quote is pasted), or how far it matches
//! before it goes wrong, found in one pass over the sentence.

/// Explains a quote that is not in its sentence: the marks that differ, if only marks
/// do, else by how much of it is there.
pub(super) fn misquote(quote: &str, sentence: &str, sentence_id: &str) -> String {
    if let Some(said) = typographic(quote, sentence) {
        return format!("the quote is not verbatim in sentence `{sentence_id}`: {said}");
    }
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

/// The plain form of a typographic mark: curly quotes and apostrophes as straight ones,
/// dashes and minus signs as a hyphen, the ellipsis as three dots, the other spaces as a
/// space. A character that is no such mark is its own.
fn plain(c: char) -> &'static str {
    match c {
        '‘' | '’' | '‛' | '′' | 'ʼ' => "'",
        '“' | '”' | '„' | '‟' | '″' => "\"",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-",
        '…' => "...",
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => " ",
        _ => "",
    }
}

/// A mark as a message shows it: a space by its name, anything else as itself.
fn shown(text: &str) -> String {
    match text {
        " " => "a space".to_string(),
        "\u{a0}" => "a no-break space".to_string(),
        t if t.chars().all(char::is_whitespace) => "another space".to_string(),
        t => t.to_string(),
    }
}

/// Whether `quote` is in `sentence` once typographic marks are read plain; if so, which
/// marks differ ("’ is read as '"), and where the first is in the quote.
fn typographic(quote: &str, sentence: &str) -> Option<String> {
    // Each text as plain characters, each with the original character it came from.
    let unfold = |text: &str| -> Vec<(char, usize)> {
        let mut out = Vec::new();
        for (i, c) in text.char_indices() {
            match plain(c) {
                "" => out.push((c, i)),
                p => out.extend(p.chars().map(|p| (p, i))),
            }
        }
        out
    };
    // Bounded, as the other explanation is: a quote of a sentence's length at most.
    if quote.len() > 4096 || sentence.len() > 1 << 16 {
        return None;
    }
    let (q, s) = (unfold(quote), unfold(sentence));
    if q.is_empty() || q.len() > s.len() {
        return None;
    }
    let at = s
        .windows(q.len())
        .position(|w| w.iter().zip(&q).all(|(a, b)| a.0 == b.0))?;
    // Walk the quote's characters beside the sentence's, from where they meet.
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut first = None;
    let mut k = 0;
    for (n, (i, c)) in quote.char_indices().enumerate() {
        let units = plain(c).chars().count().max(1);
        let from = s[at + k].1;
        let to = s.get(at + k + units).map_or(sentence.len(), |u| u.1);
        // The sentence's characters that gave these plain ones.
        let theirs = &sentence[from..to.max(from)];
        let theirs = if theirs.is_empty() {
            &sentence[from..from + sentence[from..].chars().next().map_or(0, char::len_utf8)]
        } else {
            theirs
        };
        let mine = &quote[i..i + c.len_utf8()];
        if mine != theirs {
            first.get_or_insert(n + 1);
            let pair = (mine.to_string(), theirs.to_string());
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
        k += units;
    }
    let first = first?;
    let said: Vec<String> = pairs
        .iter()
        .enumerate()
        .map(|(n, (mine, theirs))| {
            let (mine, theirs) = (shown(mine), shown(theirs));
            if n == 0 {
                format!("{mine} is read as {theirs}")
            } else {
                format!("{mine} as {theirs}")
            }
        })
        .collect();
    Some(format!(
        "it matches if {} (the first at character {first} of the quote)",
        said.join(", ")
    ))
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

    #[test]
    fn a_quote_that_differs_only_in_its_marks_is_told_which() {
        let sentence = "Pakistan's \"all-weather friend\" - so it says... and\u{a0}more";
        let cases = [
            (
                "Pakistan’s",
                "it matches if ’ is read as ' (the first at character 9 of the quote)",
            ),
            (
                "“all-weather friend”",
                "it matches if “ is read as \", ” as \" (the first at character 1 of the quote)",
            ),
            (
                "all—weather",
                "it matches if — is read as - (the first at character 4 of the quote)",
            ),
            (
                "says…",
                "it matches if … is read as ... (the first at character 5 of the quote)",
            ),
            (
                "and more",
                "it matches if a space is read as a no-break space (the first at character 4 of the quote)",
            ),
        ];
        for (quote, said) in cases {
            let m = misquote(quote, sentence, "s09");
            assert_eq!(
                m,
                format!("the quote is not verbatim in sentence `s09`: {said}")
            );
        }
        // The other way round too: the sentence's marks are the typographic ones.
        let m = misquote("Moscow's outreach", "Moscow’s outreach to Islamabad", "s17");
        assert!(
            m.ends_with("it matches if ' is read as ’ (the first at character 7 of the quote)"),
            "{m}"
        );
        // Words that differ are not marks: the usual explanation.
        let m = misquote("Pakistan’s all-weather foe", sentence, "s09");
        assert!(!m.contains("is read as"), "{m}");
    }
}
