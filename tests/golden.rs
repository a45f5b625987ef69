//! Golden documents: the seed article and documents written for each attribution pattern.
//! Every expectation is exact: the quote's opening words, its kind, speaker, cue, method
//! and the mention the attribution rests on.

use whosaid::engine::{analyze, Analysis, Format, Mode, Options};

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(path: &str, format: Format, mode: Mode) -> (String, Analysis) {
    let text = read(path);
    let analysis = analyze(
        &text,
        &Options {
            format,
            mode,
            ..Options::default()
        },
    );
    (text, analysis)
}

/// (opening words, kind, speaker, cue, method, mention) for each quote.
type Row = (
    String,
    &'static str,
    Option<String>,
    Option<String>,
    &'static str,
    Option<String>,
);

fn rows(text: &str, a: &Analysis) -> Vec<Row> {
    a.quotes
        .iter()
        .map(|q| {
            let words: String = q
                .content
                .slice(text)
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ");
            (
                words,
                q.kind.as_str(),
                q.speaker.map(|s| a.actors[s].name.clone()),
                q.cue.as_ref().map(|c| c.text.clone()),
                q.method.as_str(),
                q.mention.map(|m| m.slice(text).to_string()),
            )
        })
        .collect()
}

fn row(
    words: &str,
    kind: &'static str,
    speaker: Option<&str>,
    cue: Option<&str>,
    method: &'static str,
    mention: Option<&str>,
) -> Row {
    (
        words.to_string(),
        kind,
        speaker.map(String::from),
        cue.map(String::from),
        method,
        mention.map(String::from),
    )
}

#[test]
fn seed_article_attributions() {
    let (text, a) = run("seeds/000_11b1216a67c8be3c.txt", Format::Plain, Mode::Auto);
    let ryder = "Pentagon Press Secretary Maj. Gen. Pat Ryder";
    let expected = vec![
        row(
            "the two discussed “the",
            "mixed",
            Some("Pat Ryder"),
            Some("said"),
            "cue",
            Some(ryder),
        ),
        row(
            "Secretary Austin discussed US",
            "direct",
            Some("Pat Ryder"),
            Some("added"),
            "cue",
            Some("Ryder"),
        ),
        row(
            "Austin “reinforced the unquestionable",
            "mixed",
            Some("Pat Ryder"),
            Some("noted"),
            "pronoun",
            Some("He"),
        ),
        row(
            "the Secretary of Defense",
            "mixed",
            Some("Pat Ryder's statement"),
            Some("said"),
            "document",
            Some("the statement"),
        ),
        row(
            "Blinken “reaffirmed the US",
            "mixed",
            Some("Matthew Miller"),
            Some("said"),
            "cue",
            Some("State Department spokesperson Matthew Miller"),
        ),
        row(
            "President Biden’s longstanding concerns",
            "direct",
            Some("Sullivan"),
            Some("reiterating"),
            "cue",
            Some("Sullivan"),
        ),
        row(
            "confirmed that Israel is",
            "direct",
            Some("the statement"),
            Some("said"),
            "document",
            Some("the statement"),
        ),
        row(
            "Additional troops will join",
            "direct",
            Some("Yoav Gallant"),
            Some("said"),
            "cue",
            Some("Gallant"),
        ),
        row(
            "This operation will continue",
            "direct",
            Some("Yoav Gallant"),
            None,
            "continuation",
            Some("Gallant"),
        ),
    ];
    assert_eq!(rows(&text, &a), expected);
    assert_eq!(a.mode, Mode::News);
    assert!(a.findings.is_empty(), "{:?}", a.findings);
}

#[test]
fn seed_article_actors() {
    let (text, a) = run("seeds/000_11b1216a67c8be3c.txt", Format::Plain, Mode::Auto);
    let find = |name: &str| {
        a.actors.iter().find(|x| x.name == name).unwrap_or_else(|| {
            panic!(
                "no actor {name}: {:?}",
                a.actors.iter().map(|x| &x.name).collect::<Vec<_>>()
            )
        })
    };
    for (name, kind, role) in [
        ("Pat Ryder", "person", Some("Pentagon Press Secretary")),
        ("Lloyd Austin", "person", Some("Defense Secretary")),
        ("Yoav Gallant", "person", Some("Defense Minister")),
        ("Antony Blinken", "person", Some("US Secretary of State")),
        (
            "Matthew Miller",
            "person",
            Some("State Department spokesperson"),
        ),
        ("Sullivan", "person", None),
        ("Tzachi Hanegbi", "person", Some("Israeli counterpart")),
        ("Biden", "person", Some("President")),
        ("Pentagon", "organisation", None),
        ("State Department", "organisation", None),
        ("IDF", "organisation", None),
        ("Hamas", "organisation", None),
    ] {
        let actor = find(name);
        assert_eq!(actor.kind.as_str(), kind, "{name}");
        assert_eq!(actor.role.as_deref(), role, "{name}");
    }
    // "Austin", "Secretary Austin" and "the Secretary of Defense" are one actor.
    let austin: Vec<&str> = find("Lloyd Austin")
        .mentions
        .iter()
        .map(|m| m.span.slice(&text))
        .collect();
    assert_eq!(
        austin,
        vec![
            "Defense Secretary Lloyd Austin",
            "Secretary Austin",
            "Secretary Austin",
            "Austin",
            "the Secretary of Defense"
        ]
    );
    let ryder: Vec<&str> = find("Pat Ryder")
        .mentions
        .iter()
        .map(|m| m.span.slice(&text))
        .collect();
    assert_eq!(
        ryder,
        vec![
            "Pentagon Press Secretary Maj. Gen. Pat Ryder",
            "Ryder",
            "He"
        ]
    );
    // No place names or days become actors.
    for not_actor in ["Rafah", "Gaza", "Thursday", "US", "Israel"] {
        assert!(
            a.actors.iter().all(|x| x.name != not_actor),
            "{not_actor} is not an actor"
        );
    }
}

#[test]
fn news_patterns() {
    let (text, a) = run("tests/golden/news-patterns.txt", Format::Plain, Mode::Auto);
    let expected = vec![
        row(
            "We will not give",
            "direct",
            Some("Jane Holt"),
            Some("said"),
            "cue",
            Some("Holt"),
        ),
        row(
            "It is a matter",
            "direct",
            Some("Omar Reyes"),
            Some("said"),
            "cue",
            Some("Representative Omar Reyes"),
        ),
        row(
            "There is nothing to",
            "direct",
            Some("Dmitry Peskov"),
            Some("said"),
            "cue",
            Some("Dmitry Peskov"),
        ),
        row(
            "The votes are there.",
            "direct",
            Some("Jane Holt"),
            Some("told"),
            "cue",
            Some("Holt"),
        ),
        row(
            "the plan “will cost",
            "mixed",
            Some("Omar Reyes"),
            Some("said"),
            "cue",
            Some("Reyes"),
        ),
        // Interrupted: one quote in two parts, the tag between them.
        row(
            "The first part,” Holt",
            "direct",
            Some("Jane Holt"),
            Some("said"),
            "cue",
            Some("Holt"),
        ),
        row(
            "it would review the",
            "indirect",
            Some("the ministry"),
            Some("said"),
            "description",
            Some("The ministry"),
        ),
        row(
            "Nothing has been decided,",
            "direct",
            Some("the ministry"),
            Some("said"),
            "description",
            Some("the ministry"),
        ),
        row(
            "We expect a ruling",
            "direct",
            Some("Maria Lopez"),
            Some("according to"),
            "according-to",
            Some("Maria Lopez"),
        ),
        row(
            "“the need for a",
            "mixed",
            Some("Omar Reyes"),
            Some("reiterating"),
            "cue",
            Some("Reyes"),
        ),
        // The last speaker, not the subject of the reported clause.
        row(
            "Holt “has never voted",
            "mixed",
            Some("Omar Reyes"),
            Some("noted"),
            "pronoun",
            Some("He"),
        ),
        row(
            "This is the end",
            "direct",
            Some("a senior official"),
            Some("said"),
            "description",
            Some("a senior official"),
        ),
        row(
            "the plan is flawed",
            "indirect",
            Some("Critics"),
            Some("say"),
            "description",
            Some("Critics"),
        ),
        row(
            "We were not consulted",
            "direct",
            Some("the report"),
            Some("said"),
            "document",
            Some("the report"),
        ),
        // Abbreviations do not end the sentence: "U.S.", "Mr.".
        row(
            "We will act on",
            "direct",
            Some("Tom Brown"),
            Some("said"),
            "cue",
            Some("Mr. Brown"),
        ),
    ];
    assert_eq!(rows(&text, &a), expected);
    let interrupted = &a.quotes[5];
    assert_eq!(interrupted.parts.len(), 2);
    let peskov = a.actors.iter().find(|x| x.name == "Dmitry Peskov").unwrap();
    assert_eq!(
        peskov.role.as_deref(),
        Some("press secretary for the Kremlin")
    );
    let findings: Vec<(&str, &str, &str)> = a
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.span.slice(&text), f.message.as_str()))
        .collect();
    assert_eq!(
        findings,
        vec![
            (
                "anonymous-source",
                "a senior official",
                "Anonymous source “a senior official”: say why the source is not named"
            ),
            (
                "vague-source",
                "Critics",
                "Vague source “Critics”: name who says so"
            ),
        ]
    );
}

#[test]
fn marks_terms_and_traps_in_markdown() {
    let (text, a) = run(
        "tests/golden/marks-and-terms.md",
        Format::Markdown,
        Mode::Auto,
    );
    let expected = vec![
        row("reform", "term", None, None, "none", None),
        row("Jaws", "term", None, None, "none", None),
        row(
            "He told me ‘never",
            "direct",
            Some("Lena Park"),
            Some("said"),
            "cue",
            Some("Lena Park"),
        ),
        row(
            "We can manage this",
            "direct",
            Some("Angela Merkel"),
            Some("said"),
            "cue",
            Some("Angela Merkel"),
        ),
        row(
            "We are ready for",
            "direct",
            Some("Marc Dubois"),
            Some("said"),
            "cue",
            Some("Marc Dubois"),
        ),
        row(
            "This is a quote",
            "direct",
            Some("Lena Park"),
            Some("added"),
            "cue",
            Some("Park"),
        ),
        row("Nobody closed this one", "direct", None, None, "none", None),
    ];
    assert_eq!(rows(&text, &a), expected);
    // The multi-paragraph quote is one quote, reopened but closed once.
    assert!(a.quotes[5]
        .span
        .slice(&text)
        .contains("\n\n“and only the last one closes it,”"));
    // The stray mark closes at its paragraph's end and swallows nothing after it.
    assert!(!a.quotes[6].closed);
    assert_eq!(a.quotes[6].span.slice(&text), "“Nobody closed this one");
    let codes: Vec<&str> = a.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, vec!["unattributed-quote"]);
}

#[test]
fn fiction_dialogue() {
    let (text, a) = run(
        "tests/golden/fiction-dialogue.txt",
        Format::Plain,
        Mode::Fiction,
    );
    let expected = vec![
        row(
            "I did not expect",
            "direct",
            Some("Elizabeth Bennet"),
            Some("said"),
            "cue",
            Some("Elizabeth"),
        ),
        row(
            "Nor I you,",
            "direct",
            Some("Mr. Darcy"),
            Some("replied"),
            "pronoun",
            Some("he"),
        ),
        row(
            "Then we are both",
            "direct",
            Some("Elizabeth Bennet"),
            None,
            "conversation-turn",
            None,
        ),
        // Addressed by name, so not Elizabeth: the other voice.
        row(
            "Miss Bennet, surprise is",
            "direct",
            Some("Mr. Darcy"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "He is a guest,",
            "direct",
            Some("Jane"),
            None,
            "narration",
            Some("Jane"),
        ),
        row(
            "A guest who says",
            "direct",
            Some("Elizabeth Bennet"),
            Some("whispered"),
            "cue",
            Some("Elizabeth"),
        ),
        // A person the text only describes.
        row(
            "The rooms are ready",
            "direct",
            Some("the old landlady"),
            Some("said"),
            "description",
            Some("the old landlady"),
        ),
    ];
    assert_eq!(rows(&text, &a), expected);
}

#[test]
fn auto_mode_tells_a_short_story_from_a_short_article() {
    // Short texts are read by their signs, not their length: dialogue that asks and says
    // "you", few names inside sentences, no weekdays, years or percentages.
    let (text, a) = run("tests/golden/short-story.txt", Format::Plain, Mode::Auto);
    assert_eq!(a.mode, Mode::Fiction);
    // "she asked" finds Martha, named only in the narration before it.
    assert_eq!(
        rows(&text, &a)[0],
        row(
            "Are you going out",
            "direct",
            Some("Martha"),
            Some("asked"),
            "pronoun",
            Some("she"),
        )
    );
    let (_, a) = run("tests/golden/news-patterns.txt", Format::Plain, Mode::Auto);
    assert_eq!(a.mode, Mode::News);
    let (_, a) = run(
        "tests/golden/reported-speech.txt",
        Format::Plain,
        Mode::Auto,
    );
    assert_eq!(a.mode, Mode::News);
    // Too little to tell: read as news.
    let (_, a) = run(
        "tests/golden/fiction-dialogue.txt",
        Format::Plain,
        Mode::Auto,
    );
    assert_eq!(a.mode, Mode::News);
}

#[test]
fn reported_speech_and_its_traps() {
    let (text, a) = run(
        "tests/golden/reported-speech.txt",
        Format::Plain,
        Mode::Auto,
    );
    let expected = vec![
        // The subject of the reported clause (Blinken) is not its speaker.
        row(
            "Blinken reaffirmed the commitment",
            "indirect",
            Some("Matthew Miller"),
            Some("said"),
            "cue",
            Some("State Department spokesperson Matthew Miller"),
        ),
        row(
            "the operation would continue",
            "indirect",
            Some("Gallant"),
            Some("warned"),
            "cue",
            Some("Gallant"),
        ),
        row(
            "the border will reopen",
            "indirect",
            Some("the ministry"),
            Some("According to"),
            "description",
            Some("the ministry"),
        ),
        row(
            "emissions rose for a",
            "indirect",
            Some("the report"),
            Some("found"),
            "document",
            Some("The report"),
        ),
        row(
            "The deal, Holt said,",
            "indirect",
            Some("Jane Holt"),
            Some("said"),
            "cue",
            Some("Holt"),
        ),
        // A name inside the reported clause (Reyes) is not its speaker.
        row(
            "Reyes would lose the",
            "indirect",
            Some("Jane Holt"),
            Some("said"),
            "cue",
            Some("Holt"),
        ),
        row(
            "the margin would be",
            "indirect",
            Some("Jane Holt"),
            Some("said"),
            "pronoun",
            Some("She"),
        ),
        // Mixed speech goes to the reporting speaker, not the clause's subject (Holt).
        row(
            "Holt “has no plan",
            "mixed",
            Some("Omar Reyes"),
            Some("said"),
            "cue",
            Some("Reyes"),
        ),
        // "said nothing" reports nothing; "at a rally" is the tag's setting, not speech.
        row(
            "We are done here,",
            "direct",
            Some("Jane Holt"),
            Some("said"),
            "cue",
            Some("Holt"),
        ),
        row(
            "the talks had stalled",
            "indirect",
            Some("Officials"),
            Some("said"),
            "description",
            Some("Officials"),
        ),
        row(
            "he had given his",
            "indirect",
            Some("One California delegate"),
            Some("said"),
            "description",
            Some("One California delegate"),
        ),
        // A subject with a parenthetical between dashes.
        row(
            "she would run again",
            "indirect",
            Some("The senator"),
            Some("said"),
            "description",
            Some("The state senator"),
        ),
        row(
            "the economy comes first",
            "indirect",
            Some("26%"),
            Some("say"),
            "description",
            Some("26%"),
        ),
        row(
            "It could cause problems,",
            "direct",
            Some("the party official"),
            Some("said"),
            "description",
            Some("the party official"),
        ),
        // A participle shares the subject of the cue before it.
        row(
            "donors may stay away",
            "indirect",
            Some("the party official"),
            Some("adding"),
            "description",
            Some("the party official"),
        ),
        row(
            "The fund, a USA",
            "indirect",
            Some("the analysis"),
            Some("shows"),
            "document",
            Some("a USA TODAY analysis"),
        ),
        // The addressee of "told" is not reported speech; what follows it is.
        row(
            "the plan would fail",
            "indirect",
            Some("Jane Holt"),
            Some("told"),
            "cue",
            Some("Holt"),
        ),
    ];
    assert_eq!(rows(&text, &a), expected);

    // The interrupted clause leaves its tag out of its parts.
    let parts: Vec<&str> = a.quotes[4].parts.iter().map(|p| p.slice(&text)).collect();
    assert_eq!(parts, ["The deal", "was never in doubt"]);
    // The mixed clause's parts are its quoted words.
    let parts: Vec<&str> = a.quotes[7].parts.iter().map(|p| p.slice(&text)).collect();
    assert_eq!(parts, ["“has no plan for the farmers,”"]);
    let parts: Vec<&str> = a.quotes[15].parts.iter().map(|p| p.slice(&text)).collect();
    assert_eq!(parts, ["The fund", "grew by a third"]);

    // Claims resting on vague or anonymous sources are findings tied to their reports.
    let findings: Vec<(&str, &str, Option<usize>)> = a
        .findings
        .iter()
        .map(|f| (f.code.as_str(), f.span.slice(&text), f.quote))
        .collect();
    assert_eq!(
        findings,
        [
            ("vague-source", "Officials", Some(9)),
            ("anonymous-source", "One California delegate", Some(10)),
        ]
    );
}

#[test]
fn fiction_has_no_reported_clauses() {
    // Reported speech is read in news; a novel's narration is not a list of claims.
    let text = "Elizabeth said she would walk to Netherfield in the morning.";
    let a = analyze(
        text,
        &Options {
            mode: Mode::Fiction,
            ..Options::default()
        },
    );
    assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    let a = analyze(
        text,
        &Options {
            mode: Mode::News,
            ..Options::default()
        },
    );
    assert_eq!(a.quotes.len(), 1);
    assert_eq!(
        a.quotes[0].content.slice(text),
        "she would walk to Netherfield in the morning"
    );
}

/// Fiction names and turns: a sentence adverb is not part of a name ("Presently Lucy"), a
/// given name joins the full name that appears later ("Lucy Carrow"), "Aunt" is a form of
/// address, the person a quote addresses answers it and is not its speaker, a voiceless run
/// after narration resumes the last two voices, and thoughts are tagged like speech.
#[test]
fn fiction_names_and_addressees() {
    let (text, a) = run(
        "tests/golden/fiction-names.txt",
        Format::Plain,
        Mode::Fiction,
    );
    let expected = vec![
        row(
            "You are late again,",
            "direct",
            Some("Maud"),
            Some("said"),
            "cue",
            Some("Aunt Maud"),
        ),
        row(
            "The clocks are all",
            "direct",
            Some("Lucy Carrow"),
            Some("answered"),
            "cue",
            Some("Lucy"),
        ),
        // Tom is addressed, so he is not the speaker; he answers next.
        row(
            "Tom, are those for",
            "direct",
            Some("Maud"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "Every one of them.",
            "direct",
            Some("Tom Hale"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "Then put them on",
            "direct",
            Some("Maud"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "Not even one, Maud?",
            "direct",
            Some("Tom Hale"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "Not even one.",
            "direct",
            Some("Maud"),
            None,
            "conversation-turn",
            None,
        ),
        // After a paragraph of narration, the same two go on, the last voice first.
        row(
            "Is that all of",
            "direct",
            Some("Maud"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "All that were ripe.",
            "direct",
            Some("Tom Hale"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "Twelve will do,",
            "direct",
            Some("Maud"),
            Some("went"),
            "cue",
            Some("Aunt Maud"),
        ),
        // A name inside the quote is its addressee, not its speaker.
        row(
            "Lucy Carrow, fetch the",
            "direct",
            Some("Maud"),
            None,
            "continuation",
            Some("Aunt Maud"),
        ),
        row(
            "A fine thing to",
            "direct",
            Some("Lucy Carrow"),
            Some("thought"),
            "cue",
            Some("Lucy"),
        ),
    ];
    assert_eq!(rows(&text, &a), expected);
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(!names.iter().any(|n| n.contains("Presently")), "{names:?}");
}

#[test]
fn a_familiar_name_is_the_full_name_it_stands_for() {
    let text = "Elizabeth Bennet came in from the garden.\n\n\
                \"Lizzy, where have you been?\" asked Jane.\n\n\
                \"Walking,\" said Lizzy.\n";
    let a = analyze(
        text,
        &Options {
            mode: Mode::Fiction,
            ..Options::default()
        },
    );
    let lizzy = text.rfind("Lizzy").unwrap();
    let (id, actor) = a.actor_at(lizzy).expect("Lizzy is a mention");
    assert_eq!(actor.name, "Elizabeth Bennet");
    assert_eq!(a.quotes[1].speaker, Some(id));
    assert!(a.actors.iter().all(|x| x.name != "Lizzy"));
}

/// A first-person narrator is named by what the others call them ("Owen Marsh, go with
/// her"), and keeps "narrator" as their role. Also here: a heading in capitals is neither a
/// name nor a cue ("THE CAPTAIN EXPLAINS"), a name particle belongs to the name
/// ("Captain de Vries"), "the Captain" is the person with that title, and a kin description
/// ("said her father") is a speaker.
#[test]
fn a_first_person_narrator_is_named_by_the_others() {
    let (text, a) = run(
        "tests/golden/first-person.txt",
        Format::Plain,
        Mode::Fiction,
    );
    let narrator = |words| {
        row(
            words,
            "direct",
            Some("Owen Marsh"),
            Some("said"),
            "pronoun",
            Some("I"),
        )
    };
    let captain = |words, method| row(words, "direct", Some("de Vries"), None, method, None);
    let expected = vec![
        row(
            "You are the new",
            "direct",
            Some("de Vries"),
            Some("said"),
            "pronoun",
            Some("he"),
        ),
        row(
            "I am,",
            "direct",
            Some("Owen Marsh"),
            Some("replied"),
            "pronoun",
            Some("I"),
        ),
        row(
            "They sent me from",
            "direct",
            Some("Owen Marsh"),
            None,
            "continuation",
            Some("I"),
        ),
        // Called by name: not the speaker, and the one who answers.
        captain("Then sit down, Owen", "conversation-turn"),
        row(
            "Very little, sir,",
            "direct",
            Some("Owen Marsh"),
            Some("admitted"),
            "pronoun",
            Some("I"),
        ),
        captain("Honest, at least. Most", "conversation-turn"),
        captain("We sail on Thursday,", "conversation-turn"),
        narrator("I can row,"),
        row(
            "Is this the clerk?",
            "direct",
            Some("Hester"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "It is, Hester. Be",
            "direct",
            Some("her father"),
            Some("said"),
            "description",
            Some("her father"),
        ),
        row(
            "I am always civil.",
            "direct",
            Some("Hester"),
            None,
            "conversation-turn",
            None,
        ),
        row(
            "Good morning,",
            "direct",
            Some("Owen Marsh"),
            Some("answered"),
            "pronoun",
            Some("I"),
        ),
        row(
            "Father, the boat has",
            "direct",
            Some("Hester"),
            Some("said"),
            "cue",
            Some("Hester"),
        ),
        row(
            "Then the clerk shall",
            "direct",
            Some("de Vries"),
            Some("said"),
            "description",
            Some("the Captain"),
        ),
        row(
            "Owen Marsh, go with",
            "direct",
            Some("de Vries"),
            None,
            "continuation",
            Some("the Captain"),
        ),
        narrator("Gladly,"),
    ];
    assert_eq!(rows(&text, &a), expected);
    let owen = a.actors.iter().find(|x| x.name == "Owen Marsh").unwrap();
    assert_eq!(owen.role.as_deref(), Some("narrator"));
    let captain = a.actors.iter().find(|x| x.name == "de Vries").unwrap();
    assert_eq!(captain.role.as_deref(), Some("Captain"));
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("EXPLAINS") || n.contains("CAPTAIN")),
        "{names:?}"
    );
    assert!(!names.contains(&"the narrator"), "{names:?}");
}

/// A narrator who writes "Lady Catherine" and plain "Kitty" means two people, though Kitty
/// is short for Catherine.
#[test]
fn a_familiar_name_is_not_a_titled_namesake() {
    let text = "Lady Catherine de Bourgh arrived at noon. Lady Catherine sat down. \
                Lady Catherine said nothing. Lady Catherine rose.\n\n\
                Kitty coughed. Kitty looked at the door. Kitty sighed.\n\n\
                \"I do not cough for my own amusement,\" replied Kitty.\n";
    let a = analyze(
        text,
        &Options {
            mode: Mode::Fiction,
            ..Options::default()
        },
    );
    let speaker = a.quotes[0].speaker.map(|s| a.actors[s].name.as_str());
    assert_eq!(speaker, Some("Kitty"));
}

/// A place written like a person ("Milton was loud, and he hated it") is never the "he" of
/// a tag; a described speaker may carry an adverb or a phrase ("replied his sister
/// quietly", "said the gentleman in the grey coat").
#[test]
fn places_are_not_people_and_descriptions_run_on() {
    let text = "Henry Lennox came up by the night train.\n\n\
                Milton lay under its smoke when he arrived. Milton was loud, and he hated it. \
                He walked on in Milton until dark, and in Milton he found no friend.\n\n\
                \"It is a grim place,\" he said.\n\n\
                \"It is late,\" said the gentleman in the grey coat.\n\n\
                \"Not at all,\" replied his sister quietly.\n";
    let a = analyze(
        text,
        &Options {
            mode: Mode::Fiction,
            ..Options::default()
        },
    );
    let got: Vec<(Option<&str>, &str, Option<&str>)> = a
        .quotes
        .iter()
        .map(|q| {
            (
                q.speaker.map(|s| a.actors[s].name.as_str()),
                q.method.as_str(),
                q.mention.map(|m| m.slice(text)),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("Henry Lennox"), "pronoun", Some("he")),
            (Some("the gentleman"), "description", Some("the gentleman")),
            (Some("his sister"), "description", Some("his sister")),
        ]
    );
}

/// A turn whose narration says "She ..." goes to the woman of the conversation even where
/// plain alternation would give it to the man.
#[test]
fn a_pronoun_in_the_narration_steers_the_turn() {
    let text = "Anne Shirley came in from the rain.\n\n\
                \"Is it still raining?\" asked Tom Blake.\n\n\
                \"No,\" said Anne.\n\n\
                \"Good. Then we can go at last.\" She laughed and took her coat.\n";
    let a = analyze(
        text,
        &Options {
            mode: Mode::Fiction,
            ..Options::default()
        },
    );
    let speakers: Vec<Option<&str>> = a
        .quotes
        .iter()
        .map(|q| q.speaker.map(|s| a.actors[s].name.as_str()))
        .collect();
    assert_eq!(
        speakers,
        vec![
            Some("Tom Blake"),
            Some("Anne Shirley"),
            Some("Anne Shirley")
        ]
    );
    assert_eq!(a.quotes[2].method.as_str(), "conversation-turn");
}
