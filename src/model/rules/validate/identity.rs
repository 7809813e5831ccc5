//! Where the article comes from and who its actors are beyond it: the article's address,
//! publisher and language, and each actor's Wikidata item, checked for their form.

use foldhash::{HashMap, HashMapExt};

use super::Checker;
use crate::model::read::site;
use crate::model::types::{Section, is_https_url};

/// Whether `id` is a Wikidata item id: `Q` and a number with no leading zero.
pub fn is_wikidata_item(id: &str) -> bool {
    id.strip_prefix('Q').is_some_and(|n| {
        !n.is_empty() && !n.starts_with('0') && n.chars().all(|c| c.is_ascii_digit())
    })
}

/// Whether `tag` has the form of a BCP 47 language tag: a language of two or three
/// lowercase letters, then subtags of two to eight letters or digits (`en`, `en-GB`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl Checker<'_> {
    pub(super) fn identity(&mut self) {
        let article = &self.model.article;
        let at = site(Section::Article, 0);
        if let Some(url) = &article.url
            && !self.unread(Section::Article, 0, "url")
            && !is_https_url(url)
        {
            self.report(
                at.key("url"),
                "`url` must be an https address (https://host/path) with no spaces",
            );
        }
        if let Some(language) = &article.language
            && !self.unread(Section::Article, 0, "language")
            && !is_language_tag(language)
        {
            let message =
                format!("`language` is a language tag such as `en` or `en-GB`, not `{language}`");
            self.report(at.key("language"), message);
        }
        let mut items: HashMap<&str, usize> = HashMap::new();
        for (i, actor) in self.model.actors.iter().enumerate() {
            let Some(id) = &actor.wikidata else { continue };
            if self.unread(Section::Actors, i, "wikidata") {
                continue;
            }
            let at = site(Section::Actors, i).key("wikidata");
            if !is_wikidata_item(id) {
                let message = format!("`wikidata` is an item id such as `Q843`, not `{id}`");
                self.report(at, message);
                continue;
            }
            if let Some(&first) = items.get(id.as_str()) {
                let message = format!(
                    "actor `{}` has the same Wikidata item; one actor, one item",
                    self.model.actors[first].id
                );
                self.report(at, message);
            } else {
                items.insert(id, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_ids_and_language_tags_are_told_by_their_form() {
        for good in ["Q1", "Q843", "Q7747"] {
            assert!(is_wikidata_item(good), "{good}");
        }
        for bad in ["", "Q", "Q0", "Q012", "q843", "P31", "Q84 3", "Q843x"] {
            assert!(!is_wikidata_item(bad), "{bad}");
        }
        for good in ["en", "en-GB", "ur", "fil", "zh-Hant-TW"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "e", "EN", "english", "en_GB", "en-", "en-x"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
