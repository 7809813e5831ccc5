//! A synthetic model of any size, for benchmarks and stress tests: valid, deterministic,
//! with sentences, actors, events and argument nodes in proportion to its claims (about
//! two claims a sentence, one actor per hundred claims, one event per ten, one argument
//! node per twenty) and text from the vocabulary of international affairs, so that
//! searches behave as they would on a large real corpus.

use std::fmt::Write as _;

const COUNTRIES: &[&str] = &[
    "Pakistan",
    "Russia",
    "India",
    "China",
    "Afghanistan",
    "Iran",
    "Turkey",
    "Tajikistan",
    "Kazakhstan",
    "Uzbekistan",
    "Turkmenistan",
    "France",
    "Germany",
    "Japan",
    "Brazil",
    "Egypt",
    "Nigeria",
    "Indonesia",
    "Vietnam",
    "Mexico",
    "Canada",
    "Australia",
    "Poland",
    "Ukraine",
    "Georgia",
    "Armenia",
    "Azerbaijan",
    "Mongolia",
    "Bangladesh",
    "Nepal",
];
const CAPITALS: &[&str] = &[
    "Islamabad",
    "Moscow",
    "Delhi",
    "Beijing",
    "Kabul",
    "Tehran",
    "Ankara",
    "Dushanbe",
    "Astana",
    "Tashkent",
    "Ashgabat",
    "Paris",
    "Berlin",
    "Tokyo",
    "Brasilia",
    "Cairo",
    "Abuja",
    "Jakarta",
    "Hanoi",
    "Mexico City",
    "Ottawa",
    "Canberra",
    "Warsaw",
    "Kyiv",
    "Tbilisi",
    "Yerevan",
    "Baku",
    "Ulaanbaatar",
    "Dhaka",
    "Kathmandu",
];
const SUBJECTS: &[&str] = &[
    "the government",
    "the army chief",
    "the foreign ministry",
    "the defence establishment",
    "the president",
    "the special envoy",
    "the energy company",
    "the central bank",
    "the prime minister",
    "the security council",
    "the opposition",
    "the parliament",
];
const VERBS: &[&str] = &[
    "signed",
    "cancelled",
    "postponed",
    "endorsed",
    "criticised",
    "welcomed",
    "rejected",
    "negotiated",
    "announced",
    "suspended",
    "expanded",
    "reviewed",
    "approved",
    "opposed",
];
const OBJECTS: &[&str] = &[
    "arms sales",
    "a defence pact",
    "the gas pipeline",
    "joint military exercises",
    "a trade agreement",
    "nuclear cooperation",
    "energy infrastructure",
    "border talks",
    "an exchange of personnel",
    "weapons purchases",
    "a civil-liability law",
    "sanctions",
    "a state visit",
    "regional security talks",
    "military hardware",
    "development aid",
];
const QUALIFIERS: &[&str] = &[
    "despite earlier tensions",
    "after months of delay",
    "with great significance for the region",
    "in a renewed attempt to improve relations",
    "for no stated reason",
    "this month",
    "as forces prepare to leave",
    "amid a downturn in ties",
    "to diversify its suppliers",
    "under pressure from its neighbours",
    "in connection with the new project",
];
const JUDGEMENTS: &[&str] = &[
    "is a development of great significance",
    "remains problematic",
    "will be watched closely",
    "has clear limits",
    "is unlikely to last",
    "should be taken seriously",
    "marks a shift",
];
const KINDS: &[&str] = &["fact", "assessment", "forecast", "position"];
const STATUSES: &[&str] = &["happened", "cancelled", "planned", "expected", "ongoing"];
const TRENDS: &[&str] = &["warming", "cooling", "steady", "mixed"];
const STANCES: &[&str] = &["supports", "attacks", "qualifies"];
const ROLES: &[&str] = &["reason", "limit", "context", "conclusion"];

/// A small deterministic generator (xorshift64*), so the corpus is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| quoted(i)).collect();
    format!("[{}]", quoted.join(", "))
}

struct Actor {
    id: String,
    name: String,
    alias: String,
}

fn actors(count: usize) -> Vec<Actor> {
    (0..count)
        .map(|i| {
            let round = i / COUNTRIES.len();
            let suffix = if round == 0 {
                String::new()
            } else {
                format!(" {}", round + 1)
            };
            Actor {
                id: format!("actor-{i}"),
                name: format!("{}{suffix}", COUNTRIES[i % COUNTRIES.len()]),
                alias: format!("{}{suffix}", CAPITALS[i % CAPITALS.len()]),
            }
        })
        .collect()
}

/// The TOML text of a model with `claims` claims (at least 2).
pub fn generate(claims: usize) -> String {
    let claims = claims.max(2);
    let sentences = claims.div_ceil(2);
    let actors = actors((claims / 100).max(5).min(sentences));
    let events = (claims / 10).max(1);
    let nodes = (claims / 20).max(2);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(claims * 600);

    writeln!(
        out,
        "# A synthetic model with {claims} claims, written by examples/corpus.rs.\n"
    )
    .ok();
    writeln!(out, "schema = 1").ok();
    if actors.len() < 2 {
        writeln!(out, "relations = []").ok();
    }
    writeln!(out).ok();
    writeln!(out, "[article]\nid = \"synthetic-{claims}\"").ok();
    writeln!(
        out,
        "title = \"A synthetic article about regional alignments\""
    )
    .ok();
    writeln!(out, "standfirst = \"Generated text for benchmarks\"").ok();
    writeln!(
        out,
        "author = \"The corpus generator\"\nauthor_note = \"Generated, not written.\""
    )
    .ok();
    writeln!(
        out,
        "published = \"2012-10\"\npublished_basis = \"stated\"\n"
    )
    .ok();

    // Sentences: each names an actor by its name and another by its alias, so that every
    // alias occurs in the text, and holds two claimable clauses.
    let mut texts = Vec::with_capacity(sentences);
    for s in 0..sentences {
        // Sentence s names actor s by its alias (the headline names actor 0), so that
        // every alias occurs in the text.
        let a = &actors[(s * 7 + 3) % actors.len()];
        let b = &actors[s % actors.len()];
        let text = format!(
            "{} {} {} with {} {}, and {} said the move {}.",
            a.name,
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            b.alias,
            rng.pick(QUALIFIERS),
            rng.pick(SUBJECTS),
            rng.pick(JUDGEMENTS),
        );
        let role = if s == 0 { "headline" } else { "body" };
        let text = if s == 0 {
            format!(
                "Regional alignments shift as {} and old partners drift apart",
                b.alias
            )
        } else {
            text
        };
        writeln!(
            out,
            "[[sentences]]\nid = \"s{s}\"\nparagraph = {}\nrole = \"{role}\"\ntext = {}\n",
            s / 4 + 1,
            quoted(&text)
        )
        .ok();
        texts.push(text);
    }

    for (i, actor) in actors.iter().enumerate() {
        writeln!(
            out,
            "[[actors]]\nid = \"{}\"\nname = {}\nkind = \"state\"\naliases = {}\nsummary = {}\n",
            actor.id,
            quoted(&actor.name),
            list(std::slice::from_ref(&actor.alias)),
            quoted(&format!(
                "A state in the synthetic corpus, number {i}, whose capital is {}.",
                actor.alias
            )),
        )
        .ok();
    }

    // Claims: two per sentence, each quoting one clause of it.
    let claim_id = |c: usize| format!("c{c}");
    let mut claim_sentence = Vec::with_capacity(claims);
    for c in 0..claims {
        let s = (c / 2).min(sentences - 1);
        let text = &texts[s];
        let (quote, kind) = if s == 0 {
            (text.clone(), "assessment")
        } else if c % 2 == 0 {
            let cut = text.find(", and ").unwrap_or(text.len());
            (text[..cut].to_string(), KINDS[rng.below(KINDS.len())])
        } else {
            let start = text.find(", and ").map_or(0, |i| i + 6);
            (
                text[start..text.len() - 1].to_string(),
                KINDS[rng.below(KINDS.len())],
            )
        };
        let a = &actors[(s * 7 + 3) % actors.len()];
        let paraphrase = format!(
            "{} {} {} ({})",
            a.name,
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(QUALIFIERS)
        );
        writeln!(
            out,
            "[[claims]]\nid = \"{}\"\ntext = {}\nkind = \"{kind}\"\nsentence = \"s{s}\"\nquote = {}\nactors = {}\n",
            claim_id(c),
            quoted(&paraphrase),
            quoted(&quote),
            list(std::slice::from_ref(&a.id)),
        )
        .ok();
        claim_sentence.push(s);
    }

    for e in 0..events {
        let c = e * 10 % claims;
        let month = crate::model::MONTHS_LONG[e % 12];
        let day = e % 28 + 1;
        writeln!(
            out,
            "[[events]]\nid = \"event-{e}\"\ntitle = {}\ndate = \"{}-{:02}-{day:02}\"\ndate_basis = \"stated\"\nstatus = \"{}\"\nactors = {}\nclaims = {}\n",
            quoted(&format!("{} {} in {month}", rng.pick(SUBJECTS), rng.pick(VERBS))),
            2000 + e % 20,
            e % 12 + 1,
            STATUSES[e % STATUSES.len()],
            list(std::slice::from_ref(&actors[claim_sentence[c] % actors.len()].id)),
            list(&[claim_id(c)]),
        )
        .ok();
    }

    for r in 0..actors.len() / 2 {
        writeln!(
            out,
            "[[relations]]\nfrom = \"{}\"\nto = \"{}\"\ntrend = \"{}\"\nsummary = \"Relations as the corpus has them.\"\nclaims = {}\n",
            actors[2 * r].id,
            actors[2 * r + 1].id,
            TRENDS[r % TRENDS.len()],
            list(&[claim_id(r % claims)]),
        )
        .ok();
    }

    // The map: a thesis, and nodes hanging from earlier nodes; every claim in one node.
    let per_node = claims.div_ceil(nodes);
    for n in 0..nodes {
        let members: Vec<String> = (n * per_node..((n + 1) * per_node).min(claims))
            .map(claim_id)
            .collect();
        if n == 0 {
            writeln!(out, "[[arguments]]\nid = \"node-0\"\nrole = \"thesis\"\ntitle = \"Old partners drift apart\"\nclaims = {}\n", list(&members)).ok();
            continue;
        }
        let parent = if n < 8 { 0 } else { rng.below(n) };
        writeln!(
            out,
            "[[arguments]]\nid = \"node-{n}\"\nrole = \"{}\"\ntitle = {}\nparent = \"node-{parent}\"\nstance = \"{}\"\nclaims = {}\n",
            ROLES[n % ROLES.len()],
            quoted(&format!("{} {} {}", rng.pick(SUBJECTS), rng.pick(JUDGEMENTS), rng.pick(QUALIFIERS))),
            STANCES[n % STANCES.len()],
            list(&members),
        )
        .ok();
    }

    out
}
