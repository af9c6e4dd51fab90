//! Context for the frequent keys whose forms are all common words
//! (*är/år*, *för/for*, *så/sa*, *när/når*, *här/har*, *där*, *får/far*,
//! *väl/val*, *andra/ändra*): the words either side decide, where Swedish
//! grammar lets them; otherwise the lexicon's frequencies do.
//!
//! Neighbours arrive folded (`några` → `nagra`) because they may have lost
//! their own diacritics.

/// The ambiguous keys handled here, folded: the one list both questions below answer from.
const KEYS: [&[u8]; 9] = [b"ar", b"for", b"sa", b"nar", b"har", b"dar", b"far", b"val", b"andra"];

/// Whether a folded key is one of the ambiguous keys handled here.
#[inline]
pub(crate) fn is_contextual(key: &[u8]) -> bool {
    contextual_key(key).is_some()
}

/// The ambiguous key `key` as a static, to keep with a word's choice: the
/// rules are then keyed without folding the word again at each of its tokens.
#[inline]
pub(crate) fn contextual_key(key: &[u8]) -> Option<&'static [u8]> {
    // The keys are two to five bytes long: most words are ruled out by length.
    if !(2..=5).contains(&key.len()) {
        return None;
    }
    KEYS.into_iter().find(|k| *k == key)
}

/// All word forms of the frequent ambiguous keys, for readings that call for
/// a form other than the lexicon's best (`ér` read for `år`).
pub(crate) fn alternatives(key: &[u8]) -> &'static [&'static str] {
    match key {
        b"ar" => &["är", "år"],
        b"for" => &["för", "for"],
        b"sa" => &["så", "sa"],
        b"nar" => &["när", "når"],
        b"har" => &["har", "här"],
        b"dar" => &["där"],
        b"far" => &["får", "far"],
        b"val" => &["väl", "val"],
        b"andra" => &["andra", "ändra"],
        b"forsta" => &["första", "förstå"],
        b"hall" => &["håll", "hall", "häll"],
        b"ratt" => &["rätt", "rått"],
        _ => &[],
    }
}

/// Every form [`choose`] may return for `key`.
pub(crate) fn forms(key: &[u8]) -> &'static [&'static str] {
    match key {
        b"ar" => &["är", "år"],
        b"for" => &["for"],
        b"sa" => &["sa"],
        b"nar" => &["når"],
        b"har" => &["här"],
        b"far" => &["far"],
        b"val" => &["val", "väl"],
        b"andra" => &["ändra"],
        b"forsta" => &["förstå"],
        _ => &[],
    }
}

/// The neighbours of a word, folded; `None` across sentence punctuation.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Neighbours<'a> {
    pub prev: Option<&'a [u8]>,
    pub next: Option<&'a [u8]>,
    /// Whether `prev`/`next` is a number (`2 år`, `år 2024`).
    pub prev_number: bool,
    pub next_number: bool,
}

// The word lists are `match`es, not slices searched word by word: a match
// compiles to a switch on length and bytes, and the lists are asked about
// for most ambiguous words.
fn subject_pronoun(w: Option<&[u8]>) -> bool {
    matches!(w, Some(b"han" | b"hon" | b"hen" | b"jag" | b"vi" | b"ni" | b"de" | b"dom" | b"man"))
}

fn modal(w: Option<&[u8]>) -> bool {
    matches!(
        w,
        Some(
            b"kan"
                | b"ska"
                | b"skall"
                | b"vill"
                | b"maste"
                | b"bor"
                | b"behover"
                | b"kunna"
                | b"kunde"
                | b"skulle"
                | b"borde"
                | b"far"
                | b"fick"
        )
    )
}

fn ends_with_any(word: Option<&[u8]>, ends: &[&str]) -> bool {
    word.is_some_and(|w| ends.iter().any(|e| w.len() > e.len() + 1 && w.ends_with(e.as_bytes())))
}

/// Whether the rule for `key` reads the folded next word (`next_number` aside):
/// the caller folds it only then, and `ar`, the most frequent key, does not.
#[inline]
pub(crate) fn reads_next(key: &[u8]) -> bool {
    !matches!(key, b"ar" | b"sa" | b"nar" | b"forsta")
}

/// The form the neighbours call for, or `None` when they do not settle it.
pub(crate) fn choose(key: &[u8], n: &Neighbours<'_>) -> Option<&'static str> {
    match key {
        b"ar" => {
            // `år` after numbers and quantities, and before a year.
            fn before_year(w: &[u8]) -> bool {
                matches!(
                    w,
                    b"ett"
                        | b"tva"
                        | b"tre"
                        | b"fyra"
                        | b"fem"
                        | b"sex"
                        | b"sju"
                        | b"atta"
                        | b"nio"
                        | b"tio"
                        | b"elva"
                        | b"tolv"
                        | b"femton"
                        | b"tjugo"
                        | b"trettio"
                        | b"hundra"
                        | b"nagra"
                        | b"flera"
                        | b"manga"
                        | b"par"
                        | b"per"
                        | b"varje"
                        | b"i"
                        | b"forra"
                        | b"nasta"
                        | b"samma"
                        | b"hela"
                        | b"senaste"
                        | b"kommande"
                        | b"sista"
                        | b"fa"
                        | b"innevarande"
                        | b"detta"
                        | b"aktuellt"
                        | b"varannat"
                        | b"halvt"
                )
            }
            fn before_number(w: Option<&[u8]>) -> bool {
                matches!(
                    w,
                    Some(
                        b"under"
                            | b"fran"
                            | b"till"
                            | b"sedan"
                            | b"efter"
                            | b"fore"
                            | b"inom"
                            | b"for"
                    )
                )
            }
            let year = n.prev_number
                || n.prev.is_some_and(before_year)
                || (n.next_number && (n.prev.is_none() || before_number(n.prev)));
            Some(if year { "år" } else { "är" })
        }
        b"for" => {
            // `for` (went) only as a motion verb after a subject.
            fn motion(w: Option<&[u8]>) -> bool {
                matches!(
                    w,
                    Some(
                        b"till"
                            | b"hem"
                            | b"ut"
                            | b"in"
                            | b"ivag"
                            | b"upp"
                            | b"ner"
                            | b"dit"
                            | b"hit"
                            | b"bort"
                            | b"runt"
                            | b"tillbaka"
                    )
                )
            }
            if subject_pronoun(n.prev) && motion(n.next) { Some("for") } else { None }
        }
        b"sa" => {
            // `sa` (said) after a subject pronoun or `som`.
            if subject_pronoun(n.prev) || matches!(n.prev, Some(b"som")) {
                Some("sa")
            } else {
                None
            }
        }
        b"nar" => {
            if subject_pronoun(n.prev) {
                Some("når")
            } else {
                None
            }
        }
        b"har" => {
            // `den/det/de här` + a definite noun; `har` + supine otherwise.
            fn not_noun(w: Option<&[u8]>) -> bool {
                matches!(
                    w,
                    Some(b"en" | b"ett" | b"inte" | b"ingen" | b"inga" | b"inget" | b"redan")
                )
            }
            if matches!(n.prev, Some(b"den" | b"det" | b"de" | b"dessa" | b"detta"))
                && !not_noun(n.next)
                && ends_with_any(n.next, &["en", "et", "na"])
            {
                Some("här")
            } else {
                None
            }
        }
        b"far" => {
            fn owner(w: Option<&[u8]>) -> bool {
                matches!(
                    w,
                    Some(b"min" | b"din" | b"sin" | b"hans" | b"hennes" | b"deras" | b"barnets")
                )
            }
            if owner(n.prev) || matches!(n.next, Some(b"och")) && matches!(n.prev, Some(b"mor")) {
                Some("far")
            } else {
                None
            }
        }
        b"val" => {
            // `väl` as an adverb before participles and after degree words;
            // `val` (election, choice) before `av`, after articles.
            fn degree(w: Option<&[u8]>) -> bool {
                matches!(
                    w,
                    Some(
                        b"sa"
                            | b"lika"
                            | b"mycket"
                            | b"alltfor"
                            | b"ganska"
                            | b"relativt"
                            | b"tamligen"
                            | b"hur"
                            | b"inte"
                            | b"ju"
                            | b"nog"
                            | b"ar"
                            | b"sarskilt"
                            | b"fungerar"
                            | b"fungerat"
                    )
                )
            }
            fn choice_next(w: Option<&[u8]>) -> bool {
                matches!(w, Some(b"av" | b"till" | b"om" | b"mellan" | b"enligt" | b"eller"))
            }
            fn choice_prev(w: Option<&[u8]>) -> bool {
                matches!(
                    w,
                    Some(
                        b"ett"
                            | b"vid"
                            | b"infor"
                            | b"efter"
                            | b"allmanna"
                            | b"fritt"
                            | b"sitt"
                            | b"mitt"
                            | b"nytt"
                            | b"eget"
                            | b"detta"
                            | b"vart"
                            | b"aktivt"
                            | b"medvetet"
                            | b"kommunala"
                            | b"fria"
                    )
                )
            }
            if choice_next(n.next) || choice_prev(n.prev) {
                Some("val")
            } else if degree(n.prev)
                || ends_with_any(n.next, &["ande", "ende", "ad", "at", "ade", "rd", "nd", "kt"])
            {
                Some("väl")
            } else {
                None
            }
        }
        b"forsta" => {
            // `förstå` (understand) as an infinitive; `första` (first) otherwise.
            if modal(n.prev) || matches!(n.prev, Some(b"att")) { Some("förstå") } else { None }
        }
        b"andra" => {
            if modal(n.prev)
                || (matches!(n.prev, Some(b"att"))
                    && matches!(
                        n.next,
                        Some(b"i" | b"pa" | b"sig" | b"det" | b"detta" | b"den" | b"dessa" | b"om")
                    ))
            {
                Some("ändra")
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nb<'a>(prev: Option<&'a str>, next: Option<&'a str>) -> Neighbours<'a> {
        Neighbours {
            prev: prev.map(str::as_bytes),
            next: next.map(str::as_bytes),
            ..Neighbours::default()
        }
    }

    #[test]
    fn a_rule_that_does_not_read_next_gives_the_same_form_without_it() {
        let prevs = [None, Some("han"), Some("att"), Some("tva"), Some("under"), Some("som")];
        let nexts = ["till", "i", "och", "huset", "valda", "av", "gjort"];
        for key in KEYS.into_iter().chain([&b"forsta"[..]]) {
            if reads_next(key) {
                continue;
            }
            for prev in prevs {
                for next in nexts {
                    let with = Neighbours { next_number: true, ..nb(prev, Some(next)) };
                    let without = Neighbours { next_number: true, ..nb(prev, None) };
                    assert_eq!(
                        choose(key, &with),
                        choose(key, &without),
                        "{key:?} {prev:?} {next}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_contextual_key_has_its_static_and_its_forms() {
        for key in KEYS {
            assert!(is_contextual(key));
            assert_eq!(contextual_key(key), Some(key));
            assert!(!alternatives(key).is_empty(), "{key:?}");
            assert!((2..=5).contains(&key.len()), "{key:?}");
        }
        assert_eq!(contextual_key(b"forsta"), None);
        assert!(!is_contextual(b"forsta"));
    }

    #[test]
    fn year_after_quantities_is_after_everything_else() {
        assert_eq!(choose(b"ar", &nb(Some("nagra"), Some("har"))), Some("år"));
        let two = Neighbours { prev_number: true, ..nb(Some("2"), None) };
        assert_eq!(choose(b"ar", &two), Some("år"));
        assert_eq!(choose(b"ar", &nb(Some("syftet"), Some("att"))), Some("är"));
    }

    #[test]
    fn val_and_val() {
        assert_eq!(choose(b"val", &nb(Some("och"), Some("fungerande"))), Some("väl"));
        assert_eq!(choose(b"val", &nb(Some("om"), Some("av"))), Some("val"));
        assert_eq!(choose(b"val", &nb(None, None)), None);
    }

    #[test]
    fn har_needs_a_definite_noun_after_a_determiner() {
        assert_eq!(choose(b"har", &nb(Some("det"), Some("arendet"))), Some("här"));
        assert_eq!(choose(b"har", &nb(Some("det"), Some("varit"))), None);
        assert_eq!(choose(b"har", &nb(Some("kommunen"), Some("arendet"))), None);
    }

    #[test]
    fn for_as_a_verb_only_with_subject_and_motion() {
        assert_eq!(choose(b"for", &nb(Some("hon"), Some("hem"))), Some("for"));
        assert_eq!(choose(b"for", &nb(Some("arbeta"), Some("att"))), None);
    }

    #[test]
    fn every_choice_is_a_listed_form() {
        let words = [
            "",
            "2",
            "nagra",
            "han",
            "den",
            "det",
            "kan",
            "att",
            "i",
            "till",
            "arendet",
            "av",
            "hem",
            "min",
            "fungerande",
            "sa",
        ];
        for key in ["ar", "for", "sa", "nar", "har", "dar", "far", "val", "andra", "forsta"] {
            for p in words {
                for n in words {
                    let nb = Neighbours {
                        prev: Some(p.as_bytes()),
                        next: Some(n.as_bytes()),
                        prev_number: p == "2",
                        next_number: n == "2",
                    };
                    if let Some(f) = choose(key.as_bytes(), &nb) {
                        assert!(forms(key.as_bytes()).contains(&f), "{key}: {f}");
                    }
                }
            }
        }
    }

    #[test]
    fn forsta_as_a_verb_after_att() {
        assert_eq!(choose(b"forsta", &nb(Some("att"), Some("hur"))), Some("förstå"));
        assert_eq!(choose(b"forsta", &nb(Some("den"), Some("delen"))), None);
    }

    #[test]
    fn andra_as_a_verb_after_modals() {
        assert_eq!(choose(b"andra", &nb(Some("kan"), Some("beslutet"))), Some("ändra"));
        assert_eq!(choose(b"andra", &nb(Some("med"), Some("aktorer"))), None);
        assert!(!is_contextual(b"hallbarhet"));
    }
}
