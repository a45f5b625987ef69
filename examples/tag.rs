//! Prints the tagger's part-of-speech tag of each word of each line on stdin, for reading
//! how the engine sees a sentence: `echo "Trump attacked Clinton" | cargo run --example tag`.
//! Words are split at spaces and around punctuation, close to the engine's tokenizer.

use std::io::BufRead;

use whosaid::engine::tagger::tagger;

fn words(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for chunk in line.split_whitespace() {
        let mut rest = chunk;
        while let Some(c) = rest.chars().next().filter(|c| !c.is_alphanumeric()) {
            out.push(&rest[..c.len_utf8()]);
            rest = &rest[c.len_utf8()..];
        }
        let end = rest
            .char_indices()
            .rev()
            .take_while(|(_, c)| !c.is_alphanumeric())
            .last()
            .map_or(rest.len(), |(i, _)| i);
        if end > 0 {
            out.push(&rest[..end]);
        }
        let mut tail = &rest[end..];
        while let Some(c) = tail.chars().next() {
            out.push(&tail[..c.len_utf8()]);
            tail = &tail[c.len_utf8()..];
        }
    }
    out
}

fn main() {
    let mut tags = Vec::new();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let ws = words(&line);
        tagger().tag(&ws, &mut tags);
        let shown: Vec<String> = ws
            .iter()
            .zip(&tags)
            .map(|(w, t)| format!("{w}/{t}"))
            .collect();
        println!("{}", shown.join(" "));
    }
}
