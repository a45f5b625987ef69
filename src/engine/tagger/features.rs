//! Feature extraction, shared by the trainer and the runtime so both hash the same features.
//!
//! Each word's strings are hashed once ([`prepare`]); a feature key then mixes a template
//! number with those hashes and the neighbouring tags. The hash is FNV-1a with a murmur
//! finaliser, fixed here, never std's randomised SipHash, since keys are stored in the model.

/// Tag-context values beyond the 17 tags: before the start, after the end.
pub const START: u8 = 17;
pub const START2: u8 = 18;
pub const END: u8 = 19;
pub const END2: u8 = 20;

/// One word, hashed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Word {
    /// The surface form, curly apostrophes made straight, case kept: the tag dictionary key.
    pub form: u64,
    /// Lower case with quotes normalised (“ ” « » -> `"`, ‘ ’ -> `'`).
    pub lower: u64,
    /// The last 1..=4 characters of `lower` (all of it when shorter).
    pub suf: [u64; 4],
    pub pre: [u64; 4],
    /// `Xxxxx`, `dd`, `X.X.`: character classes, runs cut at 4.
    pub shape: u64,
    /// The same with every run cut to one: `Xx`, `d`.
    pub short_shape: u64,
    /// Bits: capitalised, sentence-initial, all capitals, has a digit, has a hyphen.
    pub flags: u8,
    /// The lexicon's entry for `form` ([`lex`]), [`NO_LEX`] when training never saw it.
    pub lex: u32,
    /// The lexicon's entry for `lower`: how the word fares in lower case.
    pub lex_lower: u32,
}

/// A lexicon entry, one u32: bits 0..5 the dictionary tag (31: none, the word is scored),
/// bits 5..22 the tags the word takes in training at least 5% of the time, bits 22..26 the
/// base-2 log of its training count (capped at 15). An unseen word is [`NO_LEX`].
pub const NO_LEX: u32 = 31;

/// Packs a lexicon entry.
pub fn lex(tag: Option<u8>, mask: u32, count: u32) -> u32 {
    let bucket = (32 - count.leading_zeros()).min(15);
    tag.map_or(31, u32::from) | (mask & 0x1ffff) << 5 | bucket << 22
}

/// The dictionary tag index of an entry, if the word is never scored.
pub fn lex_tag(e: u32) -> Option<usize> {
    let t = (e & 31) as usize;
    (t < 17).then_some(t)
}

/// The ambiguity class: which tags the word takes.
pub fn lex_mask(e: u32) -> u64 {
    ((e >> 5) & 0x1ffff) as u64
}

fn lex_count(e: u32) -> u64 {
    (e >> 22) as u64
}

/// Fills each word's lexicon entries from `lookup` (form hash -> entry, `NO_LEX` if none).
pub fn annotate(ws: &mut [Word], lookup: impl Fn(u64) -> u32) {
    for w in ws {
        w.lex = lookup(w.form);
        w.lex_lower = if w.lower == w.form {
            w.lex
        } else {
            lookup(w.lower)
        };
    }
}

const CAP: u8 = 1;
const INITIAL: u8 = 2;
const ALL_CAPS: u8 = 4;
const DIGIT: u8 = 8;
const HYPHEN: u8 = 16;

pub fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Murmur3's 64-bit finaliser: spreads the bits so table slots and fingerprints differ.
pub fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^ (k >> 33)
}

fn key(template: u64, a: u64) -> u64 {
    fmix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

fn key2(template: u64, a: u64, b: u64) -> u64 {
    fmix(key(template, a) ^ b.wrapping_mul(0x2545_f491_4f6c_dd1d))
}

/// The padding words around a sentence, as hashes.
const PAD_BEFORE: u64 = 0x5354_4152_545f_5f5f;
const PAD_AFTER: u64 = 0x454e_445f_5f5f_5f5f;

fn is_sentence_end(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | "…")
}

/// The tag dictionary's key for a surface form, case kept, curly apostrophes made straight.
pub fn form_key(word: &str) -> u64 {
    if word.contains(['’', 'ʼ']) {
        fnv(word.replace(['’', 'ʼ'], "'").as_bytes())
    } else {
        fnv(word.as_bytes())
    }
}

/// Hashes each word's strings into `out` (cleared first).
pub fn prepare(words: &[&str], out: &mut Vec<Word>) {
    out.clear();
    let mut lower = String::new();
    let mut shape = String::new();
    let mut short = String::new();
    let mut bounds: Vec<usize> = Vec::new();
    let mut initial = true;
    for w in words {
        lower.clear();
        shape.clear();
        short.clear();
        let mut flags = 0u8;
        let mut upper = 0usize;
        let mut letters = 0usize;
        let (mut last, mut run) = ('\0', 0);
        for c in w.chars() {
            match c {
                '“' | '”' | '„' | '«' | '»' => lower.push('"'),
                '‘' | '’' | 'ʼ' => lower.push('\''),
                _ if c.is_ascii() => lower.push(c.to_ascii_lowercase()),
                _ => lower.extend(c.to_lowercase()),
            }
            let class = if c.is_uppercase() {
                upper += 1;
                letters += 1;
                'X'
            } else if c.is_alphabetic() {
                letters += 1;
                'x'
            } else if c.is_numeric() {
                flags |= DIGIT;
                'd'
            } else {
                if c == '-' {
                    flags |= HYPHEN;
                }
                c
            };
            if class == last {
                run += 1;
            } else {
                last = class;
                run = 1;
                short.push(class);
            }
            if run <= 4 {
                shape.push(class);
            }
        }
        let alnum = w.chars().next().is_some_and(char::is_alphanumeric);
        if w.chars().next().is_some_and(char::is_uppercase) {
            flags |= CAP;
        }
        if upper >= 2 && upper == letters {
            flags |= ALL_CAPS;
        }
        if alnum && initial {
            flags |= INITIAL;
        }
        if alnum {
            initial = false;
        } else if is_sentence_end(w) {
            initial = true;
        }
        bounds.clear();
        bounds.extend(lower.char_indices().map(|(i, _)| i));
        let n = bounds.len();
        let mut suf = [0u64; 4];
        let mut pre = [0u64; 4];
        for k in 1..=4 {
            let s = if n > k { bounds[n - k] } else { 0 };
            let p = if n > k { bounds[k] } else { lower.len() };
            suf[k - 1] = fnv(&lower.as_bytes()[s..]);
            pre[k - 1] = fnv(&lower.as_bytes()[..p]);
        }
        out.push(Word {
            form: form_key(w),
            lower: fnv(lower.as_bytes()),
            suf,
            pre,
            shape: fnv(shape.as_bytes()),
            short_shape: fnv(short.as_bytes()),
            flags,
            lex: NO_LEX,
            lex_lower: NO_LEX,
        });
    }
}

/// What the tagger knows beside the words: its own tags of the two previous words and, in
/// the second pass, the first pass's tags of the two next words.
pub struct Context {
    pub prev: (u8, u8),
    pub next: Option<(u8, u8)>,
}

impl Context {
    /// The context of word `i`: the two tags before it, and the first pass's tags of the two
    /// after it when `ahead` holds them (the second pass). Trainer and tagger share it.
    pub fn at<T: Copy + Into<u8>>(i: usize, prev: (u8, u8), ahead: Option<&[T]>) -> Context {
        let next = ahead.map(|a| {
            let at = |k: usize| a.get(k).map_or(END, |&t| t.into());
            (at(i + 1), at(i + 2))
        });
        Context { prev, next }
    }
}

/// Calls `f` with the key of every feature of word `i`: [`for_each_static`] and
/// [`for_each_contextual`].
pub fn for_each_feature(ws: &[Word], i: usize, ctx: &Context, mut f: impl FnMut(u64)) {
    for_each_static(ws, i, &mut f);
    for_each_contextual(ws, i, ctx, f);
}

fn around(ws: &[Word], i: usize, k: isize) -> Option<&Word> {
    let j = i as isize + k;
    if j < 0 {
        None
    } else {
        ws.get(j as usize)
    }
}

fn lower_at(ws: &[Word], i: usize, k: isize) -> u64 {
    around(ws, i, k).map_or(if k < 0 { PAD_BEFORE } else { PAD_AFTER }, |w| w.lower)
}

/// The features of the words alone, the same in both passes: the model stores both
/// passes' weights for them in one row, so the runtime looks each up once.
pub fn for_each_static(ws: &[Word], i: usize, mut f: impl FnMut(u64)) {
    let w = &ws[i];
    let lower = |k: isize| lower_at(ws, i, k);
    let at = |k: isize| around(ws, i, k);
    let suf3 = |k: isize| at(k).map_or(if k < 0 { PAD_BEFORE } else { PAD_AFTER }, |w| w.suf[2]);
    f(key(0, 0));
    f(key(1, w.lower));
    for k in 0..4 {
        f(key(2 + k as u64, w.suf[k]));
        f(key(6 + k as u64, w.pre[k]));
    }
    f(key(10, w.shape));
    f(key(11, w.short_shape));
    f(key(12, (w.flags & (CAP | INITIAL | ALL_CAPS)) as u64));
    f(key(13, (w.flags & (DIGIT | HYPHEN)) as u64));
    f(key(19, lower(-1)));
    f(key(20, lower(-2)));
    f(key(21, lower(1)));
    f(key(22, lower(2)));
    f(key(23, suf3(-1)));
    f(key(24, suf3(1)));
    f(key2(25, lower(-1), w.lower));
    f(key2(26, w.lower, lower(1)));
    let next_shape = at(1).map_or(PAD_AFTER, |n| n.short_shape);
    f(key2(27, next_shape, (w.flags & CAP) as u64));
    // Case-sensitive form: `Will`, `May`, `US` mid-sentence lean to PROPN.
    f(key(29, w.form));
    // Capitalised neighbours: names come in runs.
    let cap = |k: isize| at(k).map_or(2, |n| (n.flags & CAP) as u64);
    f(key2(
        30,
        cap(-1) * 4 + cap(1),
        (w.flags & (CAP | INITIAL)) as u64,
    ));
    // Ambiguity classes from the lexicon, of the word and of the next two.
    let mask = |k: isize| at(k).map_or(1 << 20, |n| lex_mask(n.lex));
    f(key(50, mask(0)));
    f(key(51, mask(1)));
    f(key2(53, mask(0), mask(1)));
    // The word in lower case: its class and how often it is seen so.
    f(key2(
        55,
        lex_mask(w.lex_lower) << 4 | lex_count(w.lex_lower),
        (w.flags & (CAP | INITIAL)) as u64,
    ));
}

/// The features that involve tags: the previous two (both passes) and, in the second
/// pass, the first pass's next two. Templates of the second pass are numbered apart.
pub fn for_each_contextual(ws: &[Word], i: usize, ctx: &Context, mut f: impl FnMut(u64)) {
    let w = &ws[i];
    let base: u64 = if ctx.next.is_some() { 100 } else { 0 };
    let t = |n: u64| base + n;
    let (p1, p2) = (ctx.prev.0 as u64, ctx.prev.1 as u64);
    f(key(t(14), p1));
    f(key(t(15), p2));
    f(key2(t(16), p1, p2));
    f(key2(t(17), p1, w.lower));
    f(key2(t(18), p1, w.suf[2]));
    f(key2(t(28), p1, lower_at(ws, i, 1)));
    f(key2(t(56), p1, lex_mask(w.lex)));
    if let Some((n1, n2)) = ctx.next {
        let (n1, n2) = (n1 as u64, n2 as u64);
        f(key(t(40), n1));
        f(key(t(41), n2));
        f(key2(t(42), n1, n2));
        f(key2(t(43), p1, n1));
        f(key2(t(44), n1, w.lower));
        f(key2(t(45), n1, w.suf[2]));
        f(key2(t(46), n1, lower_at(ws, i, 1)));
    }
}
