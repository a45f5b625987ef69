//! The engine's output: plain data with byte offsets into the analysed text.
//! No LSP types and no I/O here: the server and the CLI convert from these.

use std::fmt;

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// True when `offset` lies inside or at the very end (for cursors after a closing mark).
    pub fn touches(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Index of an actor in [`Analysis::actors`].
pub type ActorId = usize;

/// Whether the text is read as news (continuation, reported speech) or fiction (turn-taking).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Auto,
    News,
    Fiction,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Auto => "auto",
            Mode::News => "news",
            Mode::Fiction => "fiction",
        }
    }
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "auto" => Some(Mode::Auto),
            "news" => Some(Mode::News),
            "fiction" => Some(Mode::Fiction),
            _ => None,
        }
    }
}

/// The document's markup: Markdown has non-prose parts (code, HTML, link targets, front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Plain,
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Quoted speech or writing that stands as its own sentence or clause.
    Direct,
    /// A partial quote inside reported speech: `Austin reinforced “the necessity ...”`.
    Mixed,
    /// A short quoted term, title or scare quote: not speech.
    Term,
    /// Reported speech without quotation marks: "Miller said (that) ...".
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Term => "term",
            QuoteKind::Indirect => "indirect",
        }
    }
    /// Speech of any kind (not a quoted term).
    pub fn is_speech(self) -> bool {
        !matches!(self, QuoteKind::Term)
    }
    /// In quotation marks: the speaker's own words (direct, or partly in mixed speech).
    pub fn is_quoted(self) -> bool {
        !matches!(self, QuoteKind::Indirect)
    }
}

/// How a quote's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// A named speaker next to a cue: `said Ryder`, `Smith told reporters:`.
    Cue,
    /// A pronoun next to a cue, resolved to a person: `He also noted`.
    Pronoun,
    /// A title or description next to a cue: `the spokesperson said`.
    Description,
    /// A document as the source: `said the statement`.
    Document,
    /// `according to X`.
    AccordingTo,
    /// No cue of its own: it continues the previous quote's speaker.
    Continuation,
    /// Fiction: a turn in a conversation, by alternation.
    ConversationTurn,
    /// Fiction: the paragraph's narration names the speaker ("Elizabeth smiled. “…”").
    Narration,
    /// News: an interview's untagged answers are the one it says it sat down with.
    Interview,
    /// No speaker found.
    None,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Cue => "cue",
            Method::Pronoun => "pronoun",
            Method::Description => "description",
            Method::Document => "document",
            Method::AccordingTo => "according-to",
            Method::Continuation => "continuation",
            Method::ConversationTurn => "conversation-turn",
            Method::Narration => "narration",
            Method::Interview => "interview",
            Method::None => "none",
        }
    }
    /// A phrase for hovers: "attributed by ...".
    pub fn describe(self) -> &'static str {
        match self {
            Method::Cue => "a named speaker with a cue",
            Method::Pronoun => "a pronoun resolved to the speaker",
            Method::Description => "a title or description",
            Method::Document => "a document as the source",
            Method::AccordingTo => "\"according to\"",
            Method::Continuation => "continuing the previous quote",
            Method::ConversationTurn => "turn-taking in the conversation",
            Method::Narration => "the narration around the quote",
            Method::Interview => "the person the article interviews",
            Method::None => "no attribution found",
        }
    }
}

/// The reporting word: "said", "added", "according to", "reiterating".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The whole quote, marks included (for an unclosed quote, up to its paragraph's end).
    pub span: Span,
    /// The quoted words, marks excluded (for an interrupted quote, first to last word).
    pub content: Span,
    /// The quoted pieces, marks included: one, or more for an interrupted quote
    /// (`“Q1,” Smith said, “Q2.”` is one quote in news, its tag between its parts).
    /// Mixed speech: the quoted fragments inside the reported clause. Indirect speech: the
    /// reported pieces, the tag between them left out.
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    /// False when the closing mark is missing and the quote was closed at its paragraph's end.
    pub closed: bool,
    pub speaker: Option<ActorId>,
    /// The mention the attribution rests on ("He", "Ryder", "the statement").
    pub mention: Option<Span>,
    pub cue: Option<Cue>,
    pub method: Method,
    /// With no speaker: the people a reader would weigh (the last speaker, someone the
    /// narration just named), for a hover that names them instead of a guess or a warning.
    pub candidates: Vec<ActorId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    Organisation,
    Document,
    /// An unnamed single source: "a senior official", "a source familiar with".
    Anonymous,
    /// A vague group: "critics", "some experts", "officials".
    Vague,
    /// A group the text describes and delimits without naming it: "21 percent of voters",
    /// "the protest organizers", "Sanders's top advisers".
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Document => "document",
            ActorKind::Anonymous => "anonymous",
            ActorKind::Vague => "vague",
            ActorKind::Group => "group",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Unknown => "unknown",
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    Name,
    Pronoun,
    /// "the Secretary of Defense", "the statement", "officials".
    Description,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub form: MentionForm,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Canonical name: the fullest form the text gives ("Yoav Gallant").
    pub name: String,
    pub kind: ActorKind,
    /// Role or title when the text gives one ("Pentagon Press Secretary").
    pub role: Option<String>,
    pub gender: Gender,
    /// Other names used for it ("Gallant", "Minister Gallant").
    pub aliases: Vec<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingCode {
    UnattributedQuote,
    VagueSource,
    AnonymousSource,
    PassiveAttribution,
    UncitedEvidence,
    Hearsay,
    MajorityClaim,
}

impl FindingCode {
    pub const ALL: [FindingCode; 7] = [
        FindingCode::UnattributedQuote,
        FindingCode::VagueSource,
        FindingCode::AnonymousSource,
        FindingCode::PassiveAttribution,
        FindingCode::UncitedEvidence,
        FindingCode::Hearsay,
        FindingCode::MajorityClaim,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::UnattributedQuote => "unattributed-quote",
            FindingCode::VagueSource => "vague-source",
            FindingCode::AnonymousSource => "anonymous-source",
            FindingCode::PassiveAttribution => "passive-attribution",
            FindingCode::UncitedEvidence => "uncited-evidence",
            FindingCode::Hearsay => "hearsay",
            FindingCode::MajorityClaim => "majority-claim",
        }
    }
    pub fn parse(s: &str) -> Option<FindingCode> {
        FindingCode::ALL.into_iter().find(|c| c.as_str() == s)
    }
    /// Default severity: an unattributed quote is a warning, the rest are information.
    pub fn default_severity(self) -> Severity {
        match self {
            FindingCode::UnattributedQuote => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

impl fmt::Display for FindingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "hint" => Some(Severity::Hint),
            "info" | "information" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: FindingCode,
    pub span: Span,
    pub message: String,
    /// The quote this finding is about, if any.
    pub quote: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// The mode the text was read in (never `Auto`).
    pub mode: Mode,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Actors in order of first mention.
    pub actors: Vec<Actor>,
    /// Findings in text order.
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// The quote whose span contains `offset` (or ends at it).
    pub fn quote_at(&self, offset: usize) -> Option<(usize, &Quote)> {
        self.quotes
            .iter()
            .enumerate()
            .find(|(_, q)| q.span.touches(offset))
    }
    /// The actor with a mention at `offset`.
    pub fn actor_at(&self, offset: usize) -> Option<(ActorId, &Actor)> {
        self.actors
            .iter()
            .enumerate()
            .find(|(_, a)| a.mentions.iter().any(|m| m.span.touches(offset)))
    }
    /// The actors quoted, with their quote counts: most quoted first, ties in order of first
    /// appearance.
    pub fn quoted_actors(&self) -> Vec<(ActorId, usize)> {
        let mut counts = vec![0usize; self.actors.len()];
        for s in self.quotes.iter().filter_map(|q| q.speaker) {
            counts[s] += 1;
        }
        let mut actors: Vec<(ActorId, usize)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .collect();
        actors.sort_by_key(|&(id, n)| (std::cmp::Reverse(n), id));
        actors
    }
    /// The quotes attributed to `actor`, in text order.
    pub fn quotes_of(&self, actor: ActorId) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes
            .iter()
            .enumerate()
            .filter(move |(_, q)| q.speaker == Some(actor))
    }
}

/// What the caller can tune; everything has a sensible default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    pub mode: Mode,
    /// Extra cue verbs (any inflected form, lower case), beside the built-in lexicon.
    pub extra_cues: Vec<String>,
    /// Extra vague-source phrases (lower case), beside the built-in lexicon.
    pub extra_vague: Vec<String>,
    /// A quote of fewer words with no cue next to it is a quoted term, not speech.
    pub min_quote_words: usize,
    /// Read two apostrophes (''so'') as a double quotation mark, as archived newswire does.
    pub apostrophe_pairs: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Plain,
            mode: Mode::Auto,
            extra_cues: Vec::new(),
            extra_vague: Vec::new(),
            min_quote_words: 4,
            apostrophe_pairs: false,
        }
    }
}
