//! The sentence splitter held to the rules of the English "Golden Rules" that sentence
//! segmenters are measured by (abbreviations, initials, lists run into a paragraph,
//! ellipses of every spacing, quotations, addresses, ...), one case of our own a rule,
//! and to cases from news writing. The score is printed; the target is every rule but
//! one (the best segmenters miss one too). Each case is a paragraph and the sentences it
//! must give.

use claimscope::model::draft::sentences;

fn split(text: &str) -> Vec<&str> {
    sentences(text).into_iter().map(|r| &text[r]).collect()
}

/// One case a rule, in the rules' order, written for this test.
const RULES: &[(&str, &str, &[&str])] = &[
    (
        "a full stop",
        "The talks ended. Both sides left.",
        &["The talks ended.", "Both sides left."],
    ),
    (
        "a question mark",
        "Who gained most? Islamabad did.",
        &["Who gained most?", "Islamabad did."],
    ),
    (
        "an exclamation mark",
        "The visit is off! Nobody said why.",
        &["The visit is off!", "Nobody said why."],
    ),
    (
        "a capital initial",
        "The envoy was Zamir N. Kabulov.",
        &["The envoy was Zamir N. Kabulov."],
    ),
    (
        "a lower-case initial",
        "The table is on p. 12.",
        &["The table is on p. 12."],
    ),
    (
        "co. inside a sentence",
        "Did Dassault and co. bid at all?",
        &["Did Dassault and co. bid at all?"],
    ),
    (
        "Co. inside a sentence",
        "The order went to Ivanov & Co. in the end.",
        &["The order went to Ivanov & Co. in the end."],
    ),
    (
        "co. ending a sentence",
        "Ask the ministers and co. They will know.",
        &["Ask the ministers and co.", "They will know."],
    ),
    (
        "Co. ending a sentence",
        "The pipe went to Petrov & Co. It was laid later.",
        &["The pipe went to Petrov & Co.", "It was laid later."],
    ),
    (
        "Mt. before a name",
        "Troops trained near Mt. Elbrus for weeks.",
        &["Troops trained near Mt. Elbrus for weeks."],
    ),
    (
        "St. before and st. after",
        "St. Mary's hall is on 9th st. by the river.",
        &["St. Mary's hall is on 9th st. by the river."],
    ),
    (
        "Jr.'s",
        "That is Kennedy Jr.'s letter.",
        &["That is Kennedy Jr.'s letter."],
    ),
    (
        "U.K. inside a sentence",
        "He studied in the U.K. as a boy.",
        &["He studied in the U.K. as a boy."],
    ),
    (
        "E.U. ending a sentence",
        "Sanctions came from the E.U. What followed was worse.",
        &["Sanctions came from the E.U.", "What followed was worse."],
    ),
    (
        "U.S. ending a sentence",
        "She trained in the U.S. When she came back, she led.",
        &["She trained in the U.S.", "When she came back, she led."],
    ),
    (
        "U.S. before a capital",
        "He joined the U.S. Navy in 1990.",
        &["He joined the U.S. Navy in 1990."],
    ),
    (
        "U.S. before lower case",
        "He stayed in the U.S. for a decade.",
        &["He stayed in the U.S. for a decade."],
    ),
    (
        "a.m. and P.M.",
        "At 9 a.m. Mr. Rao left the hotel. He was back at 4 P.M. Mr. Rao then flew home.",
        &[
            "At 9 a.m. Mr. Rao left the hotel.",
            "He was back at 4 P.M.",
            "Mr. Rao then flew home.",
        ],
    ),
    (
        "a figure inside a sentence",
        "The deal is worth $2.50 per share.",
        &["The deal is worth $2.50 per share."],
    ),
    (
        "a figure ending a sentence",
        "The deal is worth $2.50. It was signed today.",
        &["The deal is worth $2.50.", "It was signed today."],
    ),
    (
        "a sentence in brackets",
        "The envoy (He had served in Kabul for years.) spoke first.",
        &["The envoy (He had served in Kabul for years.) spoke first."],
    ),
    (
        "an e-mail address",
        "Write to press.office@example.org. A reply follows.",
        &["Write to press.office@example.org.", "A reply follows."],
    ),
    (
        "a web address",
        "Details are at https://example.org/reports/2012/arms.html. Read them.",
        &[
            "Details are at https://example.org/reports/2012/arms.html.",
            "Read them.",
        ],
    ),
    (
        "single quotes inside",
        "He looked up, 'That settles it.' he said.",
        &["He looked up, 'That settles it.' he said."],
    ),
    (
        "double quotes inside",
        "He looked up, \"That settles it.\" he said.",
        &["He looked up, \"That settles it.\" he said."],
    ),
    (
        "double quotes ending",
        "He looked up, \"That settles it.\" Then he left the room.",
        &[
            "He looked up, \"That settles it.\"",
            "Then he left the room.",
        ],
    ),
    (
        "!!",
        "Enough!! The meeting is over.",
        &["Enough!!", "The meeting is over."],
    ),
    (
        "??",
        "Really?? Nobody told us.",
        &["Really??", "Nobody told us."],
    ),
    (
        "!?",
        "Again!? Not this time.",
        &["Again!?", "Not this time."],
    ),
    (
        "?!",
        "Now?! We are not ready.",
        &["Now?!", "We are not ready."],
    ),
    (
        "a list, 1.) without stops",
        "1.) Arms sales 2.) Energy deals",
        &["1.) Arms sales", "2.) Energy deals"],
    ),
    (
        "a list, 1.) with stops",
        "1.) Arms sales. 2.) Energy deals.",
        &["1.) Arms sales.", "2.) Energy deals."],
    ),
    (
        "a list, 1) without stops",
        "1) Arms sales 2) Energy deals",
        &["1) Arms sales", "2) Energy deals"],
    ),
    (
        "a list, 1) with stops",
        "1) Arms sales. 2) Energy deals.",
        &["1) Arms sales.", "2) Energy deals."],
    ),
    (
        "a list, 1. without stops",
        "1. Arms sales 2. Energy deals",
        &["1. Arms sales", "2. Energy deals"],
    ),
    (
        "a list, 1. with stops",
        "1. Arms sales. 2. Energy deals.",
        &["1. Arms sales.", "2. Energy deals."],
    ),
    (
        "a list with bullets",
        "• 4. Arms sales • 5. Energy deals",
        &["• 4. Arms sales", "• 5. Energy deals"],
    ),
    (
        "a list with hyphen bullets",
        "⁃4. Arms sales ⁃5. Energy deals",
        &["⁃4. Arms sales", "⁃5. Energy deals"],
    ),
    (
        "a lettered list",
        "a. Arms sales b. Energy deals c. Joint drills",
        &["a. Arms sales", "b. Energy deals", "c. Joint drills"],
    ),
    (
        "coordinates",
        "The wreck lies at N°. 45.12.33. Divers found it.",
        &["The wreck lies at N°. 45.12.33.", "Divers found it."],
    ),
    (
        "a name with !",
        "He works at Yahoo! in its London office.",
        &["He works at Yahoo! in its London office."],
    ),
    (
        "I, pronoun and initial",
        "It was decided by you and I. Was Peter I. Rao there?",
        &["It was decided by you and I.", "Was Peter I. Rao there?"],
    ),
    (
        "spaced dots ending a quotation",
        "He wrote that “the balance of power will shift. . . .”",
        &["He wrote that “the balance of power will shift. . . .”"],
    ),
    (
        "ellipses in brackets",
        "\"Moscow [...] wants a foothold [...]\" (Pant 2012).",
        &["\"Moscow [...] wants a foothold [...]\" (Pant 2012)."],
    ),
    (
        "spaced dots and a stop",
        "The paragraph ends with a period . . . . The next one begins.",
        &[
            "The paragraph ends with a period . . . .",
            "The next one begins.",
        ],
    ),
    (
        "four dots",
        "He did not say that.... They moved on.",
        &["He did not say that....", "They moved on."],
    ),
    (
        "dots inside a sentence",
        "It was not ... well, not what we meant...you see . . . the thing is . . . I had no idea.",
        &[
            "It was not ... well, not what we meant...you see . . . the thing is . . . I had no idea.",
        ],
    ),
    (
        "spaced dots inside, five at the end",
        "The habit weakened . . . and then returned in full. . . . . A new chapter opens.",
        &[
            "The habit weakened . . . and then returned in full. . . . .",
            "A new chapter opens.",
        ],
    ),
];

/// News writing: ranks and titles, dates, figures, quotations.
const NEWS: &[(&str, &[&str])] = &[
    (
        "Gen. Kayani met Lt. Gen. Rao on Oct. 3 in Moscow. The talks went well.",
        &[
            "Gen. Kayani met Lt. Gen. Rao on Oct. 3 in Moscow.",
            "The talks went well.",
        ],
    ),
    (
        "Mr Putin did not go. Mr. Lavrov did.",
        &["Mr Putin did not go.", "Mr. Lavrov did."],
    ),
    (
        "Imports rose 24.5 per cent. Exports fell 3 per cent.",
        &["Imports rose 24.5 per cent.", "Exports fell 3 per cent."],
    ),
    (
        "“We will not sell arms,” he said. “Not now.”",
        &["“We will not sell arms,” he said.", "“Not now.”"],
    ),
    (
        "The deal was signed in 2010. The first delivery came a year later.",
        &[
            "The deal was signed in 2010.",
            "The first delivery came a year later.",
        ],
    ),
    (
        "Col. Ahmed said the U.N. report was wrong. It was withdrawn.",
        &[
            "Col. Ahmed said the U.N. report was wrong.",
            "It was withdrawn.",
        ],
    ),
];

#[test]
fn the_splitter_keeps_every_rule_but_one_and_every_news_case() {
    assert_eq!(RULES.len(), 48, "a case for each rule");
    let mut missed = Vec::new();
    for (rule, text, want) in RULES {
        let got = split(text);
        if got != *want {
            missed.push(format!("{rule}: {got:?}, not {want:?}"));
        }
    }
    let news_missed: Vec<String> = NEWS
        .iter()
        .filter_map(|(text, want)| {
            let got = split(text);
            (got != *want).then(|| format!("{got:?}, not {want:?}"))
        })
        .collect();
    println!(
        "sentence splitter: {} of {} golden rules, {} of {} news cases",
        RULES.len() - missed.len(),
        RULES.len(),
        NEWS.len() - news_missed.len(),
        NEWS.len()
    );
    for miss in &missed {
        println!("  missed: {miss}");
    }
    assert!(missed.len() <= 1, "{missed:#?}");
    assert!(news_missed.is_empty(), "{news_missed:#?}");
}
