//! A quote signed with a dash after it, as epigraphs, pull quotes and reader comments are:
//! "“I will not run again.” ― Tom Brandt" / "“…” — Jane Doe, a nurse".

use super::super::phrases::{Np, NpKind};
use super::{Attributor, Place};

impl Attributor<'_, '_> {
    /// The name signing the quote at `p`: right after a dash that follows the closing
    /// mark, in the same paragraph, and ending it or followed by a comma or full stop.
    pub(super) fn dash_signature(&self, p: Place) -> Option<(Np, usize, usize, bool)> {
        let toks = self.toks();
        let dash = p.after;
        let last_quote_tok = p.after.checked_sub(1)?;
        let para = toks.toks[last_quote_tok].para;
        if toks.get(dash).is_none() || !self.ph.is_dash(dash) {
            return None;
        }
        if toks.toks[dash].para != para {
            return self.signature_line(p, dash);
        }
        let mut a = dash + 1;
        while self.ph.is_dash(a) {
            a += 1;
        }
        let np = self.ph.after(a, toks.len())?;
        if np.toks.0 != a || !matches!(np.kind, NpKind::Name(_)) {
            return None;
        }
        // The name signs on the dash's own line.
        if toks.text[toks.toks[dash].span.end..np.span.start].contains('\n') {
            return None;
        }
        let next = np.toks.1;
        let line_ends = |t: &super::super::tokens::Token| {
            t.para != para || toks.text[np.span.end..t.span.start].contains('\n')
        };
        // ASCII dashes also stand for a dash inside narration ("Highbury.--“…”--Highbury,
        // with Mrs. Weston, stood"): after one, only a name alone on its line signs.
        let ascii = toks.is_punct(dash, "-") || toks.is_punct(dash, "--");
        let ends = toks.get(next).is_none_or(line_ends)
            || (!ascii && (toks.is_punct(next, ",") || toks.is_punct(next, ".")));
        ends.then_some((np, dash, 1, true))
    }

    /// A quote that is a paragraph of its own, signed on the next line by a dash and a
    /// name: "“…”¶- Sanders." / "“…”¶-Michelle Marks, Philadelphia." The signing line is
    /// short and the name is its first words, alone or before a comma or a full stop.
    fn signature_line(&self, p: Place, dash: usize) -> Option<(Np, usize, usize, bool)> {
        let toks = self.toks();
        let quote_para = toks.toks[p.first].para;
        let own_paragraph = (p.first == 0 || toks.toks[p.first - 1].para != quote_para)
            && toks.toks[dash - 1].para == quote_para;
        let line = toks.toks[dash].para;
        if !own_paragraph || line != quote_para + 1 {
            return None;
        }
        let line_end = (dash..toks.len())
            .find(|&k| toks.toks[k].para != line)
            .unwrap_or(toks.len());
        if line_end - dash > SIGNATURE_LINE_TOKENS {
            return None;
        }
        let mut a = dash + 1;
        while self.ph.is_dash(a) {
            a += 1;
        }
        let np = self.ph.after(a, line_end)?;
        if np.toks.0 != a || !matches!(np.kind, NpKind::Name(_)) {
            return None;
        }
        let next = np.toks.1;
        let ends = next >= line_end || toks.is_punct(next, ",") || toks.is_punct(next, ".");
        ends.then_some((np, dash, 1, true))
    }
}

/// Tokens of a line that signs the quote above it, at most ("- Jane Doe, a nurse in Halifax.").
const SIGNATURE_LINE_TOKENS: usize = 16;
