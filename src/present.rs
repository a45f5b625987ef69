//! Words for people, shared by the shells: the excerpt of a quote that the outline and
//! `annotate`'s readable form show, and counts of things ("1 quote", "3 quotes").

use crate::engine::QuoteKind;

const EXCERPT_CHARS: usize = 40;

/// The first words of a quote, for a symbol name: in quotation marks when the words are
/// the speaker's own (direct speech), bare when they are reported.
pub fn excerpt(text: &str, kind: QuoteKind) -> String {
    // The words joined by single spaces, only as far as the excerpt can reach: a long
    // quote (a novel has thousands) is not copied whole to show its first words.
    let mut words = String::new();
    for word in text.split_whitespace() {
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(word);
        if words.len() > 4 * (EXCERPT_CHARS + 1) || words.chars().count() > EXCERPT_CHARS {
            break;
        }
    }
    let (open, close) = match kind {
        QuoteKind::Direct | QuoteKind::Term => ("“", "”"),
        QuoteKind::Mixed | QuoteKind::Indirect => ("", ""),
    };
    if words.chars().count() <= EXCERPT_CHARS {
        return format!("{open}{words}{close}");
    }
    let cut: String = words.chars().take(EXCERPT_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{open}{cut}…{close}")
}

/// `n` and the word for one or for many: "1 quote", "3 quotes", "2 people".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(
            excerpt("short  words\nhere", QuoteKind::Direct),
            "“short words here”"
        );
        assert_eq!(
            excerpt(
                "reinforced the unquestionable necessity to ensure the protection",
                QuoteKind::Direct
            ),
            "“reinforced the unquestionable necessity…”"
        );
        assert_eq!(
            excerpt("the talks had stalled", QuoteKind::Indirect),
            "the talks had stalled"
        );
        assert_eq!(
            excerpt(
                "Austin “reinforced the unquestionable necessity to ensure",
                QuoteKind::Mixed
            ),
            "Austin “reinforced the unquestionable…"
        );
    }
}
