//! A person's gender as the text itself refers to them: the pronouns it uses of them and the
//! honorifics before their name. Never from a given name: "Pat", "Ana" or "Jean" say nothing.

use super::lexicon::{lexicon, PronounRef};
use super::model::{Actor, ActorKind, Gender, MentionForm};

/// The gender the text's own words give `actor` (a person), or `Unknown` when they give
/// none or disagree.
pub fn referred_gender(text: &str, actor: &Actor) -> Gender {
    if actor.kind != ActorKind::Person {
        return Gender::Unknown;
    }
    let lex = lexicon();
    let mut seen = Gender::Unknown;
    for m in &actor.mentions {
        let words = m.span.slice(text);
        let said = match m.form {
            MentionForm::Pronoun => match lex.pronoun(&words.to_ascii_lowercase()) {
                Some(PronounRef::Male) => Gender::Male,
                Some(PronounRef::Female) => Gender::Female,
                _ => Gender::Unknown,
            },
            // The honorific opens the mention ("Ms. Jean Cole") or stands just before it.
            MentionForm::Name => {
                let before = text[..m.span.start].split_whitespace().next_back();
                [words.split_whitespace().next(), before]
                    .into_iter()
                    .flatten()
                    .find_map(|w| lex.honorific(&w.trim_end_matches('.').to_ascii_lowercase()))
                    .unwrap_or(Gender::Unknown)
            }
            MentionForm::Description => Gender::Unknown,
        };
        match (seen, said) {
            (_, Gender::Unknown) => {}
            (Gender::Unknown, g) => seen = g,
            (a, b) if a != b => return Gender::Unknown,
            _ => {}
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analyze, Options};

    fn gender_of(text: &str, name: &str) -> Gender {
        let a = analyze(text, &Options::default());
        let actor = a.actors.iter().find(|x| x.name == name).expect("actor");
        referred_gender(text, actor)
    }

    #[test]
    fn pronouns_and_honorifics_say_it_a_given_name_does_not() {
        let text = "Pat Ryder met the press. “We are ready,” he said.\n\nAna Ruiz spoke next. “No,” Ruiz said.\n\n“Yes,” said Ms. Jean Cole.\n";
        assert_eq!(gender_of(text, "Pat Ryder"), Gender::Male);
        // "Ana" reads as a woman's name; the text never says so.
        assert_eq!(gender_of(text, "Ana Ruiz"), Gender::Unknown);
        assert_eq!(gender_of(text, "Jean Cole"), Gender::Female);
    }
}
