//! The real binary over stdio: lifecycle, documents, features and robustness.

mod common;

use common::{range, seed_text, LspClient};
use serde_json::{json, Value};
use whosaid::engine::{analyze, ActorKind, Options};
use whosaid::positions::{Encoding, LineIndex};

const SEED: &str = "file:///work/seed.txt";
/// An unattributed quote and a vague source (checked against the engine's `check` output).
const FINDINGS: &str =
    "“This will never work.”\n\n“The plan is flawed from the start,” critics said.\n";
/// An attributed quote, then an unattributed one four lines down.
/// An unattributed quote (line 8) three paragraphs of narration after the last speaker:
/// too far for her to be its likely speaker, so it is flagged, with her as the fix.
const HOLT: &str = "“We will rebuild the bridge this year,” said Mayor Jane Holt.\n\nThe council met on Monday.\n\nThe vote was put off.\n\nThe meeting ended late.\n\n“This will never work.”\n";

fn position(text: &str, byte: usize, enc: Encoding) -> Value {
    let lc = LineIndex::new(text).line_col(text, byte, enc);
    json!({"line": lc.line, "character": lc.col})
}

fn hover_text(response: &Value) -> String {
    response["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn initialize_negotiates_utf8_when_offered_and_lists_capabilities() {
    let mut client = LspClient::start();
    let result = client.initialize(&["utf-16", "utf-8"]);
    let caps = &result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8");
    assert_eq!(caps["textDocumentSync"]["change"], 2);
    assert_eq!(caps["textDocumentSync"]["openClose"], true);
    for provider in [
        "hoverProvider",
        "documentSymbolProvider",
        "referencesProvider",
        "documentHighlightProvider",
        "workspaceSymbolProvider",
        "inlayHintProvider",
    ] {
        assert_eq!(caps[provider], true, "{provider}");
    }
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );
    assert_eq!(
        caps["executeCommandProvider"]["commands"],
        json!(["whosaid.ignoreQuote", "whosaid.showSources"])
    );
    assert_eq!(caps["codeLensProvider"], json!({"resolveProvider": false}));
    assert_eq!(result["serverInfo"]["name"], "whosaid");
    assert_eq!(client.shutdown_and_exit(), 0);
}

#[test]
fn initialize_defaults_to_utf16() {
    let mut client = LspClient::start();
    let result = client.initialize_with(json!({}), Value::Null);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-16");
    let mut client2 = LspClient::start();
    let result = client2.initialize(&["utf-32", "utf-16"]);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-32");
    // utf-8 wins over utf-32 whatever the client's order.
    let mut client3 = LspClient::start();
    let result = client3.initialize(&["utf-32", "utf-16", "utf-8"]);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
}

#[test]
fn seed_article_hover_and_symbols() {
    let text = seed_text();
    let analysis = analyze(&text, &Options::default());
    let mut client = LspClient::ready();
    client.open(SEED, "plaintext", &text);
    assert_eq!(client.diagnostics(SEED, 1), Vec::<Value>::new());

    // Quote 3, attributed to Pat Ryder through "He ... noted".
    let inside = text.find("unquestionable necessity").unwrap();
    let hover = client.hover(SEED, position(&text, inside, Encoding::Utf16));
    let shown = hover_text(&hover);
    let ryder = analysis
        .actors
        .iter()
        .position(|a| a.name == "Pat Ryder")
        .expect("engine finds Pat Ryder");
    let ryder_quotes = analysis.quotes_of(ryder).count();
    assert!(shown.contains("**Pat Ryder**"), "{shown}");
    assert!(shown.contains("Cue: “noted”"), "{shown}");
    assert!(shown.contains("“He” in paragraph 5 → Pat Ryder"), "{shown}");
    assert!(
        shown.contains(&format!("Quote 3 of {ryder_quotes} by Pat Ryder")),
        "{shown}"
    );
    let quote3 = analysis.quote_at(inside).unwrap().1;
    assert_eq!(
        hover["range"]["start"],
        position(&text, quote3.span.start, Encoding::Utf16)
    );
    assert_eq!(
        hover["range"]["end"],
        position(&text, quote3.span.end, Encoding::Utf16)
    );

    // Hover on a mention: the actor's card.
    let mention = text.find("Yoav Gallant").unwrap();
    let hover = client.hover(SEED, position(&text, mention + 2, Encoding::Utf16));
    let shown = hover_text(&hover);
    assert!(shown.starts_with("**Yoav Gallant** (person)"), "{shown}");
    assert!(shown.contains("Role: Defense Minister"), "{shown}");
    assert!(shown.contains("2 quotes"), "{shown}");

    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": SEED}}),
    );
    let symbols = symbols.as_array().unwrap();
    let by_name = |name: &str| {
        symbols
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {symbols:?}"))
    };
    let children = |name: &str| by_name(name)["children"].as_array().unwrap().len();
    assert_eq!(children("Pat Ryder"), ryder_quotes);
    assert_eq!(children("Yoav Gallant"), 2);
    assert_eq!(children("Matthew Miller"), 1);
    assert_eq!(
        by_name("Pat Ryder")["detail"],
        "person, Pentagon Press Secretary"
    );
    // Mixed speech: the reported clause, its quoted words inside it.
    assert_eq!(
        by_name("Pat Ryder")["children"][2]["name"],
        "Austin “reinforced the unquestionable…"
    );
    assert_eq!(
        by_name("Pat Ryder")["children"][2]["detail"],
        "reported, partly quoted"
    );
    assert_eq!(
        by_name("Pat Ryder")["children"][1]["name"],
        "“Secretary Austin discussed US progress…”"
    );
    // Actors in order of first appearance, as the engine lists them.
    let names: Vec<&str> = symbols
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    let engine_names: Vec<&str> = analysis.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, engine_names);
    assert!(analysis
        .actors
        .iter()
        .any(|a| a.kind == ActorKind::Document));

    // References from quote 3: every mention and quote of Pat Ryder.
    let refs = client.call(
        "textDocument/references",
        json!({"textDocument": {"uri": SEED}, "position": position(&text, inside, Encoding::Utf16),
               "context": {"includeDeclaration": true}}),
    );
    let expected = analysis.actors[ryder].mentions.len() + ryder_quotes;
    assert_eq!(refs.as_array().unwrap().len(), expected);

    let found = client.call("workspace/symbol", json!({"query": "gallant"}));
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["name"], "Yoav Gallant");
    assert_eq!(client.shutdown_and_exit(), 0);
}

#[test]
fn findings_become_diagnostics_with_exact_ranges() {
    let uri = "file:///work/findings.txt";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", FINDINGS);
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert_eq!(diags[0]["range"], range(0, 0, 0, 23));
    assert_eq!(diags[0]["severity"], 2);
    assert_eq!(diags[0]["code"], "unattributed-quote");
    assert_eq!(diags[0]["source"], "whosaid");
    assert_eq!(
        diags[0]["data"],
        json!({"code": "unattributed-quote", "quote": 0, "suggestion": null})
    );
    assert_eq!(diags[1]["range"], range(2, 37, 2, 44));
    assert_eq!(diags[1]["severity"], 3);
    assert_eq!(diags[1]["code"], "vague-source");
    assert_eq!(
        diags[1]["message"],
        "Vague source “critics”: name who says so"
    );

    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let cleared = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
}

#[test]
fn diagnostics_follow_incremental_edits() {
    let uri = "file:///work/holt.txt";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", HOLT);
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["range"], range(8, 0, 8, 23));
    assert_eq!(diags[0]["data"]["suggestion"], "Holt");

    // Add an attribution: `.”` becomes `,” Holt said.`
    client.change(
        uri,
        2,
        json!([{"range": range(8, 21, 8, 23), "text": ",” Holt said."}]),
    );
    assert_eq!(client.diagnostics(uri, 2), Vec::<Value>::new());
    // And remove it again, in two edits of one change.
    client.change(
        uri,
        3,
        json!([{"range": range(8, 23, 8, 33), "text": ""}, {"range": range(8, 21, 8, 22), "text": "."}]),
    );
    let diags = client.diagnostics(uri, 3);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["range"], range(8, 0, 8, 23));
}

#[test]
fn an_unclosed_quote_being_typed_is_not_flagged() {
    let uri = "file:///work/typing.txt";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", "Intro.\n\n");
    assert_eq!(client.diagnostics(uri, 1), Vec::<Value>::new());
    client.change(
        uri,
        2,
        json!([{"range": range(2, 0, 2, 0), "text": "“This will never work"}]),
    );
    assert_eq!(client.diagnostics(uri, 2), Vec::<Value>::new());
    // Closing the quote makes it an ordinary unattributed quote.
    client.change(
        uri,
        3,
        json!([{"range": range(2, 21, 2, 21), "text": ".”"}]),
    );
    let diags = client.diagnostics(uri, 3);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["range"], range(2, 0, 2, 23));
}

#[test]
fn utf16_edit_around_an_emoji() {
    let uri = "file:///work/emoji.txt";
    let mut client = LspClient::start();
    client.initialize(&[]);
    client.open(uri, "plaintext", "😀 “This will never work.”\n");
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags[0]["range"], range(0, 3, 0, 26));
    // Insert a second emoji right after the first (column 2 in UTF-16 code units).
    client.change(uri, 2, json!([{"range": range(0, 2, 0, 2), "text": "🎉"}]));
    let diags = client.diagnostics(uri, 2);
    assert_eq!(diags[0]["range"], range(0, 5, 0, 28));
}

#[test]
fn utf8_positions_count_bytes() {
    let uri = "file:///work/emoji8.txt";
    let mut client = LspClient::start();
    client.initialize(&["utf-8"]);
    client.open(uri, "plaintext", "😀 “This will never work.”\n");
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags[0]["range"], range(0, 5, 0, 32));
}

fn find_action<'a>(actions: &'a Value, title: &str) -> &'a Value {
    actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no action {title:?} in {actions:#}"))
}

#[test]
fn attribute_action_edit_removes_the_warning() {
    let uri = "file:///work/holt-action.txt";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", HOLT);
    assert_eq!(client.diagnostics(uri, 1).len(), 1);
    let actions = client.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(8, 5, 8, 5), "context": {"diagnostics": []}}),
    );
    let action = find_action(&actions, "Attribute to Holt");
    assert_eq!(action["kind"], "quickfix");
    let edits = &action["edit"]["changes"][uri];
    assert_eq!(
        edits,
        &json!([{"range": range(8, 21, 8, 23), "newText": ",” Holt said."}])
    );
    client.change(
        uri,
        2,
        json!([{"range": edits[0]["range"], "text": edits[0]["newText"]}]),
    );
    assert_eq!(client.diagnostics(uri, 2), Vec::<Value>::new());
    // Nothing left to fix.
    let actions = client.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(8, 5, 8, 5), "context": {"diagnostics": []}}),
    );
    assert_eq!(actions, json!([]));
}

#[test]
fn ignore_command_in_plain_text_stays_after_edits() {
    let uri = "file:///work/ignore.txt";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", FINDINGS);
    assert_eq!(client.diagnostics(uri, 1).len(), 2);
    let actions = client.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(0, 3, 0, 3), "context": {"diagnostics": []}}),
    );
    let command = &find_action(&actions, "Mark as intentionally unattributed")["command"];
    assert_eq!(command["command"], "whosaid.ignoreQuote");
    assert_eq!(command["arguments"], json!([uri, "This will never work."]));
    client.clear_backlog();
    client.call(
        "workspace/executeCommand",
        json!({"command": command["command"], "arguments": command["arguments"]}),
    );
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["code"], "vague-source");
    client.change(
        uri,
        2,
        json!([{"range": range(1, 0, 1, 0), "text": "More text.\n"}]),
    );
    let diags = client.diagnostics(uri, 2);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["code"], "vague-source");
}

#[test]
fn markdown_ignore_marker_action() {
    let uri = "file:///work/note.md";
    let text = "Intro text here.\n\n“This will never work.”\n";
    let mut client = LspClient::ready();
    client.open(uri, "markdown", text);
    assert_eq!(client.diagnostics(uri, 1).len(), 1);
    let actions = client.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range(2, 3, 2, 3), "context": {"diagnostics": []}}),
    );
    let edit =
        &find_action(&actions, "Mark as intentionally unattributed")["edit"]["changes"][uri][0];
    assert_eq!(
        edit,
        &json!({"range": range(2, 0, 2, 0), "newText": "<!-- whosaid: ignore -->\n"})
    );
    client.change(
        uri,
        2,
        json!([{"range": edit["range"], "text": edit["newText"]}]),
    );
    assert_eq!(client.diagnostics(uri, 2), Vec::<Value>::new());
    // A whole-file marker silences everything.
    client.open(
        "file:///work/all.md",
        "markdown",
        &format!("<!-- whosaid: ignore-file -->\n\n{FINDINGS}"),
    );
    assert_eq!(
        client.diagnostics("file:///work/all.md", 1),
        Vec::<Value>::new()
    );
}

#[test]
fn keeps_serving_after_malformed_messages() {
    let mut client = LspClient::ready();
    client.send_body(b"{this is not json");
    let error = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);
    assert_eq!(error["id"], Value::Null);
    // Valid JSON that is not a JSON-RPC message.
    client.send_body(br#"{"id": 41, "hello": "world"}"#);
    let error = client.wait_for(|m| m["id"] == 41);
    assert_eq!(error["error"]["code"], -32600);
    // A Content-Length shorter than the body: the rest is skipped up to the next header.
    let body = br#"{"jsonrpc":"2.0","id":99,"method":"workspace/symbol","params":{"query":""}}"#;
    let mut frame = b"Content-Length: 10\r\n\r\n".to_vec();
    frame.extend_from_slice(body);
    client.send_raw(&frame);
    let error = client.wait_for(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);
    let result = client.call("workspace/symbol", json!({"query": ""}));
    assert_eq!(result, json!([]));
    assert_eq!(client.shutdown_and_exit(), 0);
}

#[test]
fn out_of_range_edit_is_clamped() {
    let uri = "file:///work/clamp.txt";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", "Intro.\n");
    assert_eq!(client.diagnostics(uri, 1), Vec::<Value>::new());
    client.change(
        uri,
        2,
        json!([{"range": range(40, 3, 90, 0), "text": "“This will never work.”"}]),
    );
    let log = client.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .unwrap_or("")
                .contains("clamped")
    });
    assert_eq!(log["params"]["type"], 2);
    let diags = client.diagnostics(uri, 2);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["range"], range(1, 0, 1, 23));
    // The document is still consistent: hover on the appended quote.
    let hover = client.hover(uri, json!({"line": 1, "character": 4}));
    assert!(hover_text(&hover).contains("Unattributed quote"), "{hover}");
}

#[test]
fn unknown_document_is_an_invalid_params_error() {
    let mut client = LspClient::ready();
    let response = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///nowhere.txt"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(response["error"]["code"], -32602);
    assert_eq!(
        response["error"]["message"],
        "unknown document: file:///nowhere.txt"
    );
    // Still alive.
    assert_eq!(
        client.call("workspace/symbol", json!({"query": "x"})),
        json!([])
    );
    assert_eq!(client.shutdown_and_exit(), 0);
}

#[test]
fn exit_without_shutdown_is_code_1() {
    let mut client = LspClient::ready();
    client.notify("exit", Value::Null);
    assert_eq!(client.wait_exit(), 1);
}

#[test]
fn settings_from_initialization_options_and_bad_values_reported() {
    let uri = "file:///work/settings.txt";
    let mut client = LspClient::start();
    client.initialize_with(
        json!({}),
        json!({"whosaid": {"severity": {"vague-source": "error", "unattributed-quote": "off"}, "mode": "poetry", "inlayHints": true}}),
    );
    let shown = client.wait_for(|m| m["method"] == "window/showMessage");
    let message = shown["params"]["message"].as_str().unwrap();
    assert!(
        message.contains("`mode`") && message.contains("\"poetry\""),
        "{message}"
    );
    client.open(uri, "plaintext", FINDINGS);
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["code"], "vague-source");
    assert_eq!(diags[0]["severity"], 1);

    // Inlay hints are on: the seed gets "— Ryder" after Pat Ryder's quotes.
    let text = seed_text();
    client.open(SEED, "plaintext", &text);
    let hints = client.call(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": SEED}, "range": range(0, 0, 100, 0)}),
    );
    let analysis = analyze(&text, &Options::default());
    let attributed = analysis
        .quotes
        .iter()
        .filter(|q| q.speaker.is_some())
        .count();
    assert_eq!(hints.as_array().unwrap().len(), attributed);
    assert_eq!(hints[0]["label"], "— Ryder");
    assert_eq!(
        hints[0]["position"],
        position(&text, analysis.quotes[0].span.end, Encoding::Utf16)
    );

    // Settings change: the warning is back, inlay hints are off again.
    client.clear_backlog();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"minQuoteWords": 4}}),
    );
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags.len(), 2);
    let hints = client.call(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": SEED}, "range": range(0, 0, 100, 0)}),
    );
    assert_eq!(hints, json!([]));
}

#[test]
fn configuration_is_pulled_when_the_client_supports_it() {
    let uri = "file:///work/pull.txt";
    let mut client = LspClient::start();
    client.initialize_with(json!({"workspace": {"configuration": true}}), Value::Null);
    let pull = client.wait_for(|m| m["method"] == "workspace/configuration");
    assert_eq!(pull["params"]["items"][0]["section"], "whosaid");
    let reply = json!({"jsonrpc": "2.0", "id": pull["id"], "result": [{"ignore": ["never work"]}]});
    client.send_body(reply.to_string().as_bytes());
    client.open(uri, "plaintext", FINDINGS);
    let diags = client.diagnostics(uri, 1);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["code"], "vague-source");
}

#[test]
fn other_languages_are_off_unless_configured() {
    let uri = "file:///work/page.tex";
    let mut client = LspClient::ready();
    client.open(uri, "latex", FINDINGS);
    assert_eq!(client.diagnostics(uri, 1), Vec::<Value>::new());
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"whosaid": {"languages": ["latex"]}}}),
    );
    assert_eq!(client.diagnostics(uri, 1).len(), 2);
}

#[test]
fn plain_text_client_gets_flat_symbols_plain_hovers_and_full_sync() {
    let uri = "file:///work/plain-client.txt";
    let mut client = LspClient::start();
    client.initialize_with(
        json!({"textDocument": {"hover": {"contentFormat": ["plaintext"]}}}),
        Value::Null,
    );
    client.open(uri, "plaintext", HOLT);
    assert_eq!(client.diagnostics(uri, 1).len(), 1);

    let hover = client.hover(uri, json!({"line": 0, "character": 5}));
    assert_eq!(hover["contents"]["kind"], "plaintext");
    let shown = hover_text(&hover);
    assert!(
        shown.starts_with("Jane Holt — Mayor\nCue: “said”"),
        "{shown}"
    );

    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let flat: Vec<(String, Option<String>)> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().to_owned(),
                s["containerName"].as_str().map(str::to_owned),
            )
        })
        .collect();
    assert_eq!(
        flat,
        vec![
            (
                "“We will rebuild the bridge this year,”".to_owned(),
                Some("Jane Holt".to_owned())
            ),
            ("Jane Holt".to_owned(), None),
            (
                "“This will never work.”".to_owned(),
                Some("Unattributed".to_owned())
            ),
            ("Unattributed".to_owned(), None),
        ]
    );

    // Highlights from the first quote: the quote itself and the mention of Holt.
    let highlights = client.call(
        "textDocument/documentHighlight",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 5}}),
    );
    let ranges: Vec<&Value> = highlights
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &h["range"])
        .collect();
    assert_eq!(ranges, vec![&range(0, 0, 0, 39), &range(0, 45, 0, 60)]);

    // Full-document sync: the attribution is typed in by replacing the whole text.
    let fixed = HOLT.replace(
        "“This will never work.”",
        "“This will never work,” Holt said.",
    );
    client.change(uri, 2, json!([{"text": fixed}]));
    assert_eq!(client.diagnostics(uri, 2), Vec::<Value>::new());
}

#[test]
fn a_burst_of_keystrokes_applies_in_order_and_ends_on_the_newest_text() {
    let uri = "file:///work/burst.txt";
    // (Without the narration between, Holt would be the new quote's likely speaker.)
    let base = "“We will rebuild the bridge this year,” said Mayor Jane Holt.\n\nThe council met on Monday.\n\nThe vote was put off.\n\nThe meeting ended late.\n\n";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", base);
    assert_eq!(client.diagnostics(uri, 1), Vec::<Value>::new());
    // Type a quote one character at a time without waiting for anything.
    let typed = "“This will never work.”";
    for (i, c) in typed.chars().enumerate() {
        let col = i as u32; // every character here is one UTF-16 unit
        client.change(
            uri,
            i as i32 + 2,
            json!([{"range": range(8, col, 8, col), "text": c.to_string()}]),
        );
    }
    let last = typed.chars().count() as i32 + 1;
    let diags = client.diagnostics(uri, last);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["range"], range(8, 0, 8, 23));
    assert_eq!(diags[0]["data"]["suggestion"], "Holt");
    // The hover sees the newest text too.
    let hover = client.hover(uri, json!({"line": 8, "character": 5}));
    assert!(hover_text(&hover).contains("Unattributed quote"), "{hover}");
    assert_eq!(hover["range"], range(8, 0, 8, 23));
}

fn frame(message: Value) -> Vec<u8> {
    let body = message.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn pipelined_session_in_one_write_for_every_way_of_starting() {
    for args in [&[][..], &["lsp"], &["lsp", "--stdio"], &["--stdio"]] {
        let mut client =
            LspClient::start_binary(std::path::Path::new(env!("CARGO_BIN_EXE_whosaid")), args);
        // A client that does not wait for answers: everything in one write.
        let mut bytes = frame(
            json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
        );
        bytes.extend(frame(
            json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        ));
        bytes.extend(frame(
            json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
        ));
        bytes.extend(frame(json!({"jsonrpc": "2.0", "method": "exit"})));
        client.send_raw(&bytes);
        let init = client.wait_for(|m| m["id"] == 1);
        assert_eq!(init["result"]["serverInfo"]["name"], "whosaid", "{args:?}");
        let shutdown = client.wait_for(|m| m["id"] == 2);
        assert_eq!(shutdown["result"], Value::Null, "{args:?}: {shutdown}");
        assert!(shutdown.get("error").is_none(), "{args:?}: {shutdown}");
        assert_eq!(client.wait_exit(), 0, "{args:?}");
    }
}

#[test]
fn reported_speech_in_hover_outline_and_diagnostics() {
    let uri = "file:///work/reported.txt";
    let text = "Holt said Reyes would lose the vote.\n\nOfficials said the talks had stalled.\n";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", text);

    // The claim resting on "Officials" is a finding; the named report is not.
    let diagnostics = client.diagnostics(uri, 1);
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["vague-source"], "{diagnostics:?}");
    assert_eq!(diagnostics[0]["range"], range(2, 0, 2, 9));

    // Hover anywhere in the reported clause, even on the name inside it.
    for character in [10, 20, 34] {
        let hover = client.hover(uri, json!({"line": 0, "character": character}));
        let shown = hover_text(&hover);
        assert!(
            shown.starts_with("**Holt** (person)"),
            "{character}: {shown}"
        );
        assert!(
            shown.contains("Reported speech (not a quotation)"),
            "{shown}"
        );
        assert!(shown.contains("Cue: “said”"), "{shown}");
        assert!(shown.contains("Quote 1 of 1 by Holt"), "{shown}");
        assert_eq!(hover["range"], range(0, 10, 0, 35), "{character}");
    }

    let symbols = client.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    let holt = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Holt")
        .unwrap_or_else(|| panic!("Holt in {symbols}"));
    assert_eq!(holt["children"][0]["name"], "Reyes would lose the vote");
    assert_eq!(holt["children"][0]["detail"], "reported speech");

    // A report whose pronoun has nobody to stand for: shown, never flagged.
    let lone = "file:///work/lone.txt";
    client.open(lone, "plaintext", "He said the vote was close.\n");
    assert_eq!(client.diagnostics(lone, 1), Vec::<Value>::new());
    let hover = client.hover(lone, json!({"line": 0, "character": 12}));
    let shown = hover_text(&hover);
    assert!(shown.starts_with("**Reported speech**"), "{shown}");
    assert!(
        shown.contains("The source “He” could not be resolved to a person."),
        "{shown}"
    );
}

#[test]
fn an_unsure_speaker_is_named_in_the_hover_and_not_flagged() {
    let uri = "file:///work/unsure.txt";
    let text = "“We will be back every week,” organiser Jo Tran said.\n\nLee Okafor led a prayer near the steps.\n\n“Faith moves slowly, and so do governments.”\n\n“Nobody can stop us now,” he said.\n";
    let mut client = LspClient::ready();
    client.open(uri, "plaintext", text);
    // Neither the quote with two likely speakers nor the one with an unresolved "he" is
    // reported as having no speaker.
    assert_eq!(client.diagnostics(uri, 1), Vec::<Value>::new());
    let hover = client.hover(uri, json!({"line": 4, "character": 5}));
    let shown = hover_text(&hover);
    assert!(shown.starts_with("**Speaker unsure**"), "{shown}");
    assert!(
        shown.contains(
            "Quote 2 of the document has no cue of its own; it may be Jo Tran or Lee Okafor."
        ),
        "{shown}"
    );
}

#[test]
fn every_client_name_for_prose_and_prose_file_names_are_analysed_the_rest_named_once() {
    let mut client = LspClient::ready();
    // Neovim, Vim, Eglot and Helix call plain text "text"; Eglot's gfm-mode sends "gfm".
    for (uri, language) in [
        ("file:///work/notes", "text"),
        ("file:///work/readme", "gfm"),
        // The file name says prose, whatever the client calls it.
        ("file:///work/draft.TXT", "conf"),
        ("file:///work/story.md", "vimwiki"),
    ] {
        client.open(uri, language, FINDINGS);
        assert_eq!(client.diagnostics(uri, 1).len(), 2, "{uri} as {language}");
    }
    let hover = client.hover("file:///work/notes", json!({"line": 0, "character": 3}));
    assert!(hover.is_object(), "hover on a text document: {hover}");

    let left_out = "file:///work/page.tex";
    client.open(left_out, "latex", FINDINGS);
    let said = client.wait_for(|m| {
        m["method"] == "window/logMessage"
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("page.tex"))
    });
    assert_eq!(
        said["params"]["message"],
        "whosaid: not analysing file:///work/page.tex: its language id \"latex\" is not in \
         whosaid.languages (plaintext, text, markdown, gfm) and its file name does not say \
         prose (.txt, .md)"
    );
    assert_eq!(said["params"]["type"], 3, "an information, not an error");
    assert_eq!(client.diagnostics(left_out, 1), Vec::<Value>::new());
    assert_eq!(
        client.hover(left_out, json!({"line": 0, "character": 3})),
        Value::Null
    );
}

#[test]
fn the_sources_lens_sums_up_the_article_and_its_command_shows_who() {
    let mut client = LspClient::ready();
    client.open(SEED, "plaintext", &seed_text());
    let lenses = client.call(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": SEED}}),
    );
    assert_eq!(lenses.as_array().unwrap().len(), 1, "{lenses}");
    let lens = &lenses[0];
    assert_eq!(lens["range"], range(0, 0, 0, 0));
    assert_eq!(lens["command"]["title"], "Sources: 4 people, 2 documents");
    assert_eq!(lens["command"]["command"], "whosaid.showSources");
    assert_eq!(lens["command"]["arguments"], json!([SEED]));

    client.clear_backlog();
    let shown = client.call(
        "workspace/executeCommand",
        json!({"command": "whosaid.showSources", "arguments": [SEED]}),
    );
    let text = shown.as_str().unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Sources: 4 people, 2 documents");
    assert_eq!(
        lines[1],
        "people: Pat Ryder (3 quotes), Yoav Gallant (2 quotes), Matthew Miller (1 quote), Sullivan (1 quote)"
    );
    let message = client.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(message["params"]["message"], text);
    assert_eq!(message["params"]["type"], 3);

    // A command with no document says what it needs.
    let id = client.send_request(
        "workspace/executeCommand",
        json!({"command": "whosaid.showSources", "arguments": []}),
    );
    let reply = client.wait_for(|m| m["id"] == id);
    assert_eq!(reply["error"]["code"], -32602);
    assert_eq!(
        reply["error"]["message"],
        "whosaid.showSources needs the document's URI"
    );

    // Off by a setting (applied once the document is published again).
    client.clear_backlog();
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"codeLens": false}}),
    );
    client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == SEED
    });
    let lenses = client.call(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": SEED}}),
    );
    assert_eq!(lenses, json!([]));
}
