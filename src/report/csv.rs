//! One row per actor per article, for a spreadsheet.

use super::Report;

pub fn render(r: &Report) -> Result<Vec<u8>, String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let header = [
        "article", "name", "kind", "role", "gender", "quotes", "words",
    ];
    w.write_record(header).map_err(|e| e.to_string())?;
    for a in &r.per_article {
        for x in &a.actors {
            let (quotes, words) = (x.quotes.to_string(), x.words.to_string());
            let role = x.role.as_deref().unwrap_or("");
            let row = [
                a.id.as_str(),
                &x.name,
                &x.kind,
                role,
                &x.gender,
                &quotes,
                &words,
            ];
            w.write_record(row).map_err(|e| e.to_string())?;
        }
    }
    w.into_inner().map_err(|e| e.to_string())
}
