//! The report as one self-contained page: inline SVG charts, no script from anywhere, no
//! network. Every bar carries its label and number as data attributes, so a browser test can
//! read back what the chart shows.

use std::fmt::Write;

use super::{clip, ActorRow, Report, SOURCE_TYPES};

/// Actors in the "most quoted" chart.
const TOP: usize = 15;
/// Actors in the table: the page stays quick to show for an archive of thousands.
const TABLE_ACTORS: usize = 200;

pub fn render(r: &Report, title: &str) -> String {
    let mut out = String::with_capacity(64 * 1024 + r.per_article.len() * 200);
    let _ = write!(
        out,
        "<!doctype html><html lang=en><head><meta charset=utf-8>\
         <meta name=viewport content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>",
        esc(title)
    );
    let _ = write!(out, "<h1>{}</h1>", esc(title));
    let _ = write!(
        out,
        "<p class=summary id=summary data-articles={} data-quotes={}>{} articles · {} quotes \
         ({}) · {} quoted words · {} unattributed · {} vague or anonymous claims</p>",
        r.articles,
        r.quotes,
        r.articles,
        r.quotes,
        esc(&r.kinds_summary()),
        r.quoted_words,
        r.unattributed,
        r.vague_or_anonymous_claims
    );
    out.push_str("<div class=charts>");
    let by_type: Vec<(String, f64, String)> = SOURCE_TYPES
        .iter()
        .map(|t| {
            let n = r.by_source_type.get(*t).copied().unwrap_or(0);
            (t.to_string(), n as f64, n.to_string())
        })
        .collect();
    chart(
        &mut out,
        "by-source-type",
        "Quotes by source type",
        &by_type,
    );
    let shares: Vec<(String, f64, String)> = SOURCE_TYPES
        .iter()
        .map(|t| {
            let s = r.words_share_by_source_type.get(*t).copied().unwrap_or(0.0);
            (t.to_string(), s, format!("{:.1}%", s * 100.0))
        })
        .collect();
    chart(&mut out, "words-share", "Share of quoted words", &shares);
    let mut genders = [("female", 0usize), ("male", 0), ("unknown", 0)];
    for a in r.actors.iter().filter(|a| a.kind == "person") {
        if let Some(g) = genders.iter_mut().find(|(g, _)| *g == a.gender) {
            g.1 += a.quotes;
        }
    }
    let genders: Vec<(String, f64, String)> = genders
        .iter()
        .map(|(g, n)| (g.to_string(), *n as f64, n.to_string()))
        .collect();
    chart(
        &mut out,
        "people-by-gender",
        "Quotes from people, by gender as the text refers to them",
        &genders,
    );
    let top: Vec<(String, f64, String)> = r
        .actors
        .iter()
        .take(TOP)
        .map(|a| (a.name.clone(), a.quotes as f64, a.quotes.to_string()))
        .collect();
    chart(&mut out, "most-quoted", "Most quoted", &top);
    out.push_str("</div>");
    actors_table(&mut out, &r.actors);
    out.push_str(
        "<h2>Per article</h2><table id=per-article><thead><tr><th>article</th><th>quotes</th>",
    );
    for t in SOURCE_TYPES {
        let _ = write!(out, "<th>{t}</th>");
    }
    out.push_str(
        "<th>sources</th><th>unattributed</th><th>vague or anonymous</th></tr></thead><tbody>",
    );
    for a in &r.per_article {
        let _ = write!(out, "<tr><td>{}</td><td>{}</td>", esc(&a.id), a.quotes);
        for t in SOURCE_TYPES {
            let _ = write!(
                out,
                "<td>{}</td>",
                a.by_source_type.get(t).copied().unwrap_or(0)
            );
        }
        let _ = write!(
            out,
            "<td>{}</td><td>{}</td><td>{}</td></tr>",
            a.sources, a.unattributed, a.vague_or_anonymous_claims
        );
    }
    out.push_str("</tbody></table>");
    // The page's own measure of how long it took to show (read by the browser test).
    out.push_str(
        "<script>addEventListener('load',()=>{document.body.dataset.renderedMs=\
         String(Math.round(performance.now()))})</script></body></html>\n",
    );
    out
}

fn actors_table(out: &mut String, actors: &[ActorRow]) {
    out.push_str(
        "<h2>Who was quoted</h2><table id=actors><thead><tr><th>name</th><th>kind</th>\
         <th>role</th><th>gender</th><th>quotes</th><th>words</th><th>articles</th></tr>\
         </thead><tbody>",
    );
    for a in actors.iter().take(TABLE_ACTORS) {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&a.name),
            esc(&a.kind),
            esc(a.role.as_deref().unwrap_or("")),
            esc(&a.gender),
            a.quotes,
            a.words,
            a.articles
        );
    }
    out.push_str("</tbody></table>");
    if actors.len() > TABLE_ACTORS {
        let _ = write!(
            out,
            "<p class=more>… and {} more, in <code>--format json</code> and <code>--format csv</code>.</p>",
            actors.len() - TABLE_ACTORS
        );
    }
}

/// A horizontal bar chart: one row per (label, value, shown text).
fn chart(out: &mut String, id: &str, title: &str, rows: &[(String, f64, String)]) {
    const LABEL_W: f64 = 170.0;
    const BAR_W: f64 = 260.0;
    const ROW_H: f64 = 24.0;
    let max = rows.iter().map(|r| r.1).fold(0.0, f64::max);
    let height = ROW_H * rows.len() as f64 + 8.0;
    let _ = write!(
        out,
        "<figure><figcaption>{}</figcaption><svg id={id} class=chart role=img \
         aria-label=\"{}\" width={} height={height} viewBox=\"0 0 {} {height}\">",
        esc(title),
        esc(title),
        LABEL_W + BAR_W + 70.0,
        LABEL_W + BAR_W + 70.0
    );
    for (i, (label, value, shown)) in rows.iter().enumerate() {
        let y = 4.0 + ROW_H * i as f64;
        let w = if max > 0.0 { value / max * BAR_W } else { 0.0 };
        let _ = write!(
            out,
            "<g class=bar data-label=\"{l}\" data-value=\"{shown}\">\
             <text x={} y={} text-anchor=end>{l}</text>\
             <rect x={LABEL_W} y={y} width={w:.1} height={} rx=2></rect>\
             <text class=value x={} y={}>{shown}</text></g>",
            LABEL_W - 8.0,
            y + 16.0,
            ROW_H - 6.0,
            LABEL_W + w + 6.0,
            y + 16.0,
            l = esc(&clip(label, 24)),
            shown = esc(shown),
        );
    }
    out.push_str("</svg></figure>");
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;\
color:#1d2230;padding:0 16px}h1{font-size:22px}h2{font-size:18px;margin-top:28px}\
.summary{color:#3a4257}.charts{display:flex;flex-wrap:wrap;gap:12px 28px}figure{margin:0}\
figcaption{font-weight:600;margin:8px 0}.chart text{font-size:13px;fill:#1d2230}\
.chart rect{fill:#3b6fd8}.chart .value{fill:#3a4257}table{border-collapse:collapse;\
font-size:13px}td,th{border-bottom:1px solid #dde2ec;padding:3px 10px;text-align:left}\
td:nth-child(n+2){font-variant-numeric:tabular-nums}";
